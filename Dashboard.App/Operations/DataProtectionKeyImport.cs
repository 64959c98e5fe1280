using Dashboard.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Operations;

/// <summary>
/// The keys that protect cookies and tokens live in the database, where every node finds them. Before, they were
/// files in the data folder's keys/: a start copies any not yet in the database, so what was issued stays good.
/// </summary>
internal static class DataProtectionKeyImport
{
    public static async Task<int> ImportFilesAsync(IDbContextFactory<DashboardDbContext> factory, string keysFolder, CancellationToken ct = default)
    {
        if (!Directory.Exists(keysFolder)) return 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        // The file's name without ".xml" is the friendly name the database repository gives the same key ("key-<id>").
        foreach (var file in Directory.EnumerateFiles(keysFolder, "key-*.xml"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name)) continue;
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file, ct) });
            imported++;
        }
        await db.SaveChangesAsync(ct);
        return imported;
    }
}
