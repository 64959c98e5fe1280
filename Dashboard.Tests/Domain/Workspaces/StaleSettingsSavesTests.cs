using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Workspaces;

/// <summary>
/// Two Admins on the workspace's settings at once: a save made from an older reading is refused, naming who changed
/// it, and what the first one saved stands — for the security settings, API keys and email domains.
/// </summary>
public class StaleSettingsSavesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private Actor _ada = default!;
    private Actor _bea = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var workspace = await Seed.WorkspaceAsync(_database, "Acme");
        _ada = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
        _bea = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, "bea@acme.example", "Bea Admin");
        await using var db = _database.CreateDbContext();
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(a => a.TwoFactorEnabled, true));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SecuritySettings_SavedFromAnOlderReading_AreRefused_AndTheNewerSaveStands()
    {
        var settings = new WorkspaceSettingsService(_database, new MembershipChanges(), _clock);
        var seenByBoth = (await settings.GetAsync(_ada)).Value.Version;
        Assert.True((await settings.SetRequireTwoFactorAsync(_ada, true, seenByBoth)).Succeeded);
        var readAgain = (await settings.GetAsync(_ada)).Value.Version;
        Assert.True((await settings.SetRequireTwoFactorAsync(_ada, false, readAgain)).Succeeded);

        // Bea's page still shows "off" from before both changes; turning it on now would undo nothing she has seen.
        var stale = await settings.SetRequireTwoFactorAsync(_bea, true, seenByBoth);

        Assert.True(stale.Error!.ChangedMeanwhile);
        Assert.Equal("Ada Admin changed the security settings a moment ago — reload to see them. Nothing was saved.", stale.Error.Message);
        Assert.False((await settings.GetAsync(_ada)).Value.RequireTwoFactor);
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.SecurityChanged));
    }

    [Fact]
    public async Task RevokingAKeySomeoneJustRevoked_SaysWho_AndRecordsOneRevocation()
    {
        var keys = new ApiKeyService(_database, _clock);
        var key = (await keys.CreateAsync(_ada, "cluster")).Value;
        var revoked = new List<Guid>();
        keys.Revoked += revoked.Add;

        var first = await keys.RevokeAsync(_ada, key.Id);
        var second = await keys.RevokeAsync(_bea, key.Id);

        Assert.True(first.Succeeded);
        Assert.True(second.Error!.ChangedMeanwhile);
        Assert.StartsWith("Ada Admin revoked \"cluster\" a moment ago", second.Error.Message);
        Assert.Equal([key.Id], revoked);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ApiKeyRevoked));
    }

    [Fact]
    public async Task RemovingADomainSomeoneJustRemoved_IsAStaleSave_NotAnError()
    {
        var domains = new EmailDomainService(_database, _clock, new DnsDomainRecords(Microsoft.Extensions.Options.Options.Create(new DnsOptions())),
            NullLogger<EmailDomainService>.Instance);
        var domain = (await domains.AddAsync(_ada, "acme.example", WorkspaceRole.Member, Dashboard.Domain.Workspaces.UserType.Internal)).Value;

        Assert.True((await domains.RemoveAsync(_ada, domain)).Succeeded);
        var second = await domains.RemoveAsync(_bea, domain);

        Assert.True(second.Error!.ChangedMeanwhile);
        Assert.Contains("removed a moment ago — reload the list", second.Error.Message);
    }
}
