using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Invitations;

/// <summary>Verify looks the TXT record up on a real DNS server (dnsmasq on a loopback port).</summary>
public class DomainVerificationTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private DnsServer? _dns;
    private EmailDomainService _domains = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin);
    }

    public async Task DisposeAsync()
    {
        if (_dns is not null) await _dns.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<EmailDomainRow> AddAsync(string domain, bool withDns = true)
    {
        if (withDns) _dns ??= await DnsServer.StartAsync();
        _domains = new EmailDomainService(_database, new FakeTimeProvider(Seed.Now),
            new DnsDomainRecords(Options.Create(new DnsOptions { Resolver = _dns?.Resolver ?? "127.0.0.1:9" })), NullLogger<EmailDomainService>.Instance);
        await _domains.AddAsync(_admin, domain, WorkspaceRole.Member, UserType.Internal);
        return (await _domains.ListAsync(_admin)).Value.Single(d => d.Domain == domain);
    }

    [DnsFact]
    public async Task Verify_FindsThePublishedToken_AndTheDomainStartsJoiningPeople()
    {
        var row = await AddAsync("acme.example");
        await _dns!.PublishTxtAsync(row.RecordName, row.RecordValue);

        var verified = await _domains.VerifyAsync(_admin, row.Id);

        Assert.True(verified.Succeeded, verified.Error?.Message);
        Assert.True(Assert.Single((await _domains.ListAsync(_admin)).Value).IsVerified);
        await using var db = _database.CreateDbContext();
        Assert.Contains(await db.AuditEntries.Select(e => e.After).ToListAsync(), after => after == "verified");
    }

    [DnsFact]
    public async Task Verify_WithoutTheRecord_SaysWhatToPublish()
    {
        var row = await AddAsync("acme.example");

        var result = await _domains.VerifyAsync(_admin, row.Id);

        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Contains($"No TXT record was found at _dashboard-verify.acme.example. Publish one with the value {row.RecordValue}", result.Error.Message);
        Assert.False(Assert.Single((await _domains.ListAsync(_admin)).Value).IsVerified);
    }

    [DnsFact]
    public async Task Verify_WithAnotherWorkspacesToken_RefusesIt()
    {
        var row = await AddAsync("acme.example");
        await _dns!.PublishTxtAsync(row.RecordName, "dashboard-verify=00000000000000000000000000000000");

        var result = await _domains.VerifyAsync(_admin, row.Id);

        Assert.Contains("does not hold " + row.RecordValue, result.Error!.Message);
        Assert.False(Assert.Single((await _domains.ListAsync(_admin)).Value).IsVerified);
    }

    [Theory]
    [InlineData(WorkspaceRole.Member)]
    [InlineData(WorkspaceRole.WorkforceManager)]
    [InlineData(WorkspaceRole.Tasker)]
    public async Task OnlyAdmins_Verify(WorkspaceRole role)
    {
        var row = await AddAsync("acme.example", withDns: false);
        await using var db = _database.CreateDbContext();
        var actor = await Seed.MemberAsync(_database, await db.Workspaces.SingleAsync(), role);

        Assert.Equal(ErrorKind.Forbidden, (await _domains.VerifyAsync(actor, row.Id)).Error!.Kind);
    }
}
