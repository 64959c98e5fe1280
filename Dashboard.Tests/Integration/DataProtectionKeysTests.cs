using Dashboard.Domain.Persistence;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>
/// The keys that protect cookies and tokens are rows of the database every node shares, and the files an earlier
/// version kept in the data folder's keys/ are copied in at start, so nothing it issued stops working.
/// </summary>
public class DataProtectionKeysTests
{
    [Fact]
    public async Task TheKeyRing_IsKeptInTheDatabase()
    {
        await using var app = new DashboardAppFactory();
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var sealedText = protector.Protect("hello");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        Assert.False(Directory.Exists(Path.Combine(app.DataFolder, "keys")), "no key was written to the data folder");
        Assert.Equal("hello", protector.Unprotect(sealedText));
    }

    [Fact]
    public async Task KeysAnEarlierVersionKeptAsFiles_AreCopiedIn_AndTheAppUsesThem()
    {
        await using var app = new DashboardAppFactory();
        var keys = Directory.CreateDirectory(Path.Combine(app.DataFolder, "keys"));
        // What the earlier version did: its key ring as files in the data folder.
        DataProtectionProvider.Create(keys).CreateProtector("test").Protect("issued before the upgrade");
        var keyFile = Assert.Single(keys.GetFiles("key-*.xml"));

        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("issued after");

        // The file's key is the app's key ring: copied in, and used rather than replaced by a new one.
        var key = Assert.Single(app.Services.GetRequiredService<IKeyManager>().GetAllKeys());
        Assert.Equal(Path.GetFileNameWithoutExtension(keyFile.Name), $"key-{key.KeyId:D}");
    }
}
