using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Users;

public class SingleUseAuthenticatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddDbContext<DashboardDbContext>(_database.Configure);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddDashboardAccounts().AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<bool> VerifyAsync(string code)
    {
        // A fresh scope per attempt, as each sign-in request has.
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = (await users.FindByEmailAsync("ada@acme.example"))!;
        return await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, code);
    }

    private async Task<string> KeyAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = "ada@acme.example", Email = "ada@acme.example", DisplayName = "Ada" };
        Assert.True((await users.CreateAsync(account, "Quiet-Harbor-Lantern-7")).Succeeded);
        await users.ResetAuthenticatorKeyAsync(account);
        return (await users.GetAuthenticatorKeyAsync(account))!;
    }

    [Fact]
    public async Task ACode_WorksOnce_AndAnEarlierOneNeverAfterIt()
    {
        var key = await KeyAsync();
        var now = Totp.Code(key, Seed.Now);
        var next = Totp.Code(key, Seed.Now.AddSeconds(30));

        Assert.True(await VerifyAsync(now));
        Assert.False(await VerifyAsync(now));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await VerifyAsync(next));
        Assert.False(await VerifyAsync(now));
    }

    [Fact]
    public async Task ACodeFromTheStepBefore_IsAcceptedForAClockALittleOff_ButNotFromFurther()
    {
        var key = await KeyAsync();

        Assert.False(await VerifyAsync(Totp.Code(key, Seed.Now.AddSeconds(-90))));
        Assert.True(await VerifyAsync(Totp.Code(key, Seed.Now.AddSeconds(-30))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    public async Task Malformed_IsRefused(string code)
    {
        await KeyAsync();

        Assert.False(await VerifyAsync(code));
    }
}
