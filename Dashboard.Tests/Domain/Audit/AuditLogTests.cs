using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Audit;

public class AuditLogTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private AuditLog _audit = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _audit = new AuditLog(_database);
        _workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<List<AuditRow>> EntriesAsync(AuditQuery? query = null) =>
        (await _audit.ListAsync(_admin, query ?? new AuditQuery(Page: new PageRequest(0, 100)))).Value.Items.ToList();

    [Fact]
    public async Task EveryKindOfChange_IsRecorded_WithWhoWhatAndBeforeAfter()
    {
        var changes = new MembershipChanges();
        var invitations = new InvitationService(_database, _clock, Options.Create(new InvitationOptions()));
        var access = new ResourceAccessService(_database, _clock);
        var members = new MemberService(_database, access, invitations, _clock, changes);
        var tasker = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker, "tom@acme.example", "Tom Tasker");

        await invitations.InviteAsync(_admin, new InviteCommand(["ivy@acme.example"], WorkspaceRole.Member, UserType.Internal));
        await members.ChangeRoleAsync(_admin, tasker.MemberId, WorkspaceRole.Member);
        var group = (await new GroupService(_database, _clock).CreateAsync(_admin, new CreateGroup("Night shift", "", [tasker.MemberId], []))).Value;
        await new TagService(_database, _clock).CreateAsync(_admin, TagKind.Project, "Urgent");
        var dataset = (await new ResourceService(_database, _clock).CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Street", ""))).Value;
        await new ResourceAssignments(_database, _clock).AssignAsync(_admin, ResourceKind.Dataset, [dataset], AccessHolder.Group(group), ResourceRole.User);
        await new EmailDomainService(_database, _clock, new DnsDomainRecords(Options.Create(new DnsOptions())),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EmailDomainService>.Instance).AddAsync(_admin, "acme.example", WorkspaceRole.Member, UserType.Internal);
        await new ApiKeyService(_database, _clock).CreateAsync(_admin, "cluster");
        await members.RemoveAsync(_admin, tasker.MemberId, null);

        var entries = await EntriesAsync();
        Assert.Equal([AuditActions.MemberRemoved, AuditActions.ApiKeyCreated, AuditActions.EmailDomainChanged, AuditActions.AccessChanged,
                AuditActions.ResourceCreated, AuditActions.TagCreated, AuditActions.GroupCreated, AuditActions.RoleChanged, AuditActions.MembersInvited],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("Ada Admin", e.ActorName));
        var role = entries.Single(e => e.Action == AuditActions.RoleChanged);
        Assert.Equal(("Tom Tasker <tom@acme.example>", "Tasker", "Member"), (role.Target, role.Before, role.After));
    }

    [Fact]
    public async Task JoiningDecliningAndTheOperatorsCommands_AreRecordedWithWhoDidThem()
    {
        var changes = new MembershipChanges();
        var answers = new InvitationAnswers(_database, _clock, changes);
        var elsewhere = await Seed.WorkspaceAsync(_database, "Elsewhere");
        var ivy = await Seed.MemberAsync(_database, elsewhere, WorkspaceRole.Member, "ivy@acme.example", "Ivy Invited");
        var dan = await Seed.MemberAsync(_database, elsewhere, WorkspaceRole.Member, "dan@acme.example", "Dan Decliner");
        var ivyInvite = await Seed.InvitedAsync(_database, _workspace, "ivy@acme.example");
        var danInvite = await Seed.InvitedAsync(_database, _workspace, "dan@acme.example");
        await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "bo@acme.example", "Bo Boss");

        Assert.True((await answers.AcceptAsync(ivy.AccountId, ivyInvite.Id)).Succeeded);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await answers.DeclineAsync(dan.AccountId, danInvite.Id)).Succeeded);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await new OperatorCommands(_database, _clock, changes).DemoteAsync("Acme Vision", "bo@acme.example")).Succeeded);

        var entries = await EntriesAsync();
        Assert.Equal([(AuditActions.RoleChanged, AuditEntry.OperatorName, "Bo Boss <bo@acme.example>"),
                (AuditActions.InvitationDeclined, "Dan Decliner", "Dan Decliner <dan@acme.example>"),
                (AuditActions.MemberJoined, "Ivy Invited", "Ivy Invited <ivy@acme.example>")],
            entries.Select(e => (e.Action, e.ActorName, e.Target)));
        Assert.Equal(("Admin", "Member"), (entries[0].Before, entries[0].After));
    }

    [Fact]
    public async Task ARefusedChange_LeavesNoEntry_AndOnlyAdminsReadTheLog()
    {
        var member = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);
        await new TagService(_database, _clock).CreateAsync(member, TagKind.Project, "Mine");
        await new TagService(_database, _clock).CreateAsync(_admin, TagKind.Project, "  ");

        Assert.Empty(await EntriesAsync());
        Assert.Equal(ErrorKind.Forbidden, (await _audit.ListAsync(member, new AuditQuery())).Error!.Kind);
        Assert.Empty(await _audit.ExportAsync(member, new AuditQuery()).ToListAsync());
    }

    [Fact]
    public async Task TheLog_FiltersByActionAndDate()
    {
        var tags = new TagService(_database, _clock);
        await tags.CreateAsync(_admin, TagKind.Project, "Old");
        _clock.Advance(TimeSpan.FromDays(3));
        await tags.CreateAsync(_admin, TagKind.Issue, "New");

        Assert.Equal(["issue tag"], (await EntriesAsync(new AuditQuery(From: Seed.Now.AddDays(1)))).Select(e => e.Target));
        Assert.Equal(2, (await EntriesAsync(new AuditQuery(Action: AuditActions.TagCreated, Actor: "ada"))).Count);
        Assert.Empty(await EntriesAsync(new AuditQuery(Actor: "nobody")));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\", ok", "\"say \"\"hi\"\", ok\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData(null, "\"\"")]
    public void CsvCells_AreQuoted_AndFormulasDefused(string? value, string expected) =>
        Assert.Equal(expected, Dashboard.App.Operations.CsvCells.Cell(value));
}
