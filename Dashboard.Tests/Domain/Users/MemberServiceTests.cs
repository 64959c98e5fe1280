using Dashboard.Domain.Access;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Users;

public partial class MemberServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private readonly MembershipChanges _changes = new();
    private TestDatabase _database = default!;
    private MemberService _members = default!;
    private ResourceService _resources = default!;
    private ResourceAccessService _access = default!;
    private OperatorCommands _operator = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _access = new ResourceAccessService(_database, _clock);
        _resources = new ResourceService(_database, _clock);
        var invitations = new InvitationService(_database, _clock, Options.Create(new InvitationOptions()));
        _members = new MemberService(_database, _access, invitations, _clock, _changes);
        _operator = new OperatorCommands(_database, _clock, _changes);
        _workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<WorkspaceMember?> FindAsync(Guid memberId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Members.SingleOrDefaultAsync(m => m.Id == memberId);
    }

    private async Task<Guid> DatasetAsync(Actor creator, string name) =>
        (await _resources.CreateAsync(creator, new CreateResource(ResourceKind.Dataset, name, ""))).Value;

    [Theory]
    [InlineData(WorkspaceRole.Member, false)]
    [InlineData(WorkspaceRole.WorkforceManager, false)]
    [InlineData(WorkspaceRole.Tasker, false)]
    [InlineData(WorkspaceRole.Admin, true)]
    public async Task ChangeRole_IsForAdminsOnly(WorkspaceRole actorRole, bool allowed)
    {
        var actor = actorRole == WorkspaceRole.Admin ? _admin : await Seed.MemberAsync(_database, _workspace, actorRole);
        var target = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker);

        var result = await _members.ChangeRoleAsync(actor, target.MemberId, WorkspaceRole.Member);

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed ? WorkspaceRole.Member : WorkspaceRole.Tasker, (await FindAsync(target.MemberId))!.Role);
    }

    /// <summary>
    /// The other processes' news of a change is written with the change: committed together, so a crash after the
    /// commit still leaves it for them to read; a refused change leaves none.
    /// </summary>
    [Fact]
    public async Task ARoleChange_LeavesItsFeedEntry_InItsOwnTransaction_AndARefusalLeavesNone()
    {
        var target = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker);
        var admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin);

        Assert.True((await _members.ChangeRoleAsync(_admin, target.MemberId, WorkspaceRole.Member)).Succeeded);
        Assert.False((await _members.ChangeRoleAsync(_admin, admin.MemberId, WorkspaceRole.Member)).Succeeded);

        await using var db = _database.CreateDbContext();
        var entry = Assert.Single(await db.ChangeFeed.ToListAsync());
        Assert.Equal((FeedKind.AccountChanged, target.AccountId, _changes.Origin), (entry.Kind, entry.SubjectId, entry.Origin));
    }

    [Fact]
    public async Task AnAdmin_CannotBeDemotedOrRemovedInTheDashboard()
    {
        var other = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin);

        var demoted = await _members.ChangeRoleAsync(_admin, other.MemberId, WorkspaceRole.Member);
        var removed = await _members.RemoveAsync(_admin, other.MemberId, null);

        Assert.Equal(MemberService.AdminsStayMessage, demoted.Error!.Message);
        Assert.Equal(MemberService.AdminsStayMessage, removed.Error!.Message);
        Assert.Equal(WorkspaceRole.Admin, (await FindAsync(other.MemberId))!.Role);
    }

    [Fact]
    public async Task External_AndWorkforceMembers_CannotBecomeAdmin()
    {
        var external = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, type: UserType.External);

        var result = await _members.ChangeRoleAsync(_admin, external.MemberId, WorkspaceRole.Admin);

        Assert.Equal("Only Internal members can be Admins; this member is External.", result.Error!.Message);
        Assert.Equal("Only Internal members can be Admins; this member is Workforce.", MembershipRules.WhyRoleNotAllowed(WorkspaceRole.Admin, UserType.Workforce));
    }

    [Theory]
    [InlineData(WorkspaceRole.WorkforceManager, WorkspaceRole.Tasker, true)]
    [InlineData(WorkspaceRole.WorkforceManager, WorkspaceRole.Member, false)]
    [InlineData(WorkspaceRole.Member, WorkspaceRole.Tasker, false)]
    [InlineData(WorkspaceRole.Tasker, WorkspaceRole.Tasker, false)]
    [InlineData(WorkspaceRole.Admin, WorkspaceRole.WorkforceManager, true)]
    public async Task Remove_FollowsThePermissionTable(WorkspaceRole actorRole, WorkspaceRole targetRole, bool allowed)
    {
        var actor = actorRole == WorkspaceRole.Admin ? _admin : await Seed.MemberAsync(_database, _workspace, actorRole);
        var target = await Seed.MemberAsync(_database, _workspace, targetRole);

        var result = await _members.RemoveAsync(actor, target.MemberId, null);

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed, await FindAsync(target.MemberId) is null);
    }

    [Fact]
    public async Task RemovingTheSoleAdminOfADataset_NeedsAnInternalReplacement_WhoTakesItOverInTheSameStep()
    {
        var leaving = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Lea Leaving");
        var dataset = await DatasetAsync(leaving, "Street scenes");
        var external = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, type: UserType.External);
        var heir = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Hal Heir");

        var withoutReplacement = await _members.RemoveAsync(_admin, leaving.MemberId, null);
        var withExternal = await _members.RemoveAsync(_admin, leaving.MemberId, external.MemberId);
        Assert.Equal("Lea Leaving is the only Admin of Dataset \"Street scenes\". Choose a member to become their Admin.", withoutReplacement.Error!.Message);
        Assert.Equal("Replacement", withExternal.Error!.Field);
        Assert.NotNull(await FindAsync(leaving.MemberId));
        Assert.DoesNotContain(await _members.FindReplacementsAsync(_admin, leaving.MemberId, ""), c => c.Id == external.MemberId);

        Assert.True((await _members.RemoveAsync(_admin, leaving.MemberId, heir.MemberId)).Succeeded);

        Assert.Null(await FindAsync(leaving.MemberId));
        var people = (await _access.ListAsync(_admin, dataset)).Value.People;
        Assert.Equal(ResourceRole.Admin, people.Single(p => p.Name == "Hal Heir").DirectRole);
        Assert.DoesNotContain(people, p => p.Name == "Lea Leaving");
    }

    [Fact]
    public async Task ARemovedMember_IsRefusedAtTheirNextAction_AndTheirPagesAreTold()
    {
        var tasker = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);
        var told = new List<Guid>();
        _changes.AccountChanged += told.Add;

        await _members.RemoveAsync(_admin, tasker.MemberId, null);
        var next = await _resources.CreateAsync(tasker, new CreateResource(ResourceKind.Dataset, "After leaving", ""));

        Assert.Equal("You no longer belong to Acme Vision. Nothing was changed.", next.Error!.Message);
        Assert.Equal([tasker.AccountId], told);
    }

    [Fact]
    public async Task ADemotedMember_IsRefusedWithTheirNewRole()
    {
        var wfm = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.WorkforceManager);
        await _members.ChangeRoleAsync(_admin, wfm.MemberId, WorkspaceRole.Tasker);

        var next = await new GroupService(_database, _clock).CreateAsync(wfm, new CreateGroup("Night shift", "", [], []));

        Assert.Equal("Your role in Acme Vision is now Tasker. Reload the page; nothing was changed.", next.Error!.Message);
    }

    [Fact]
    public async Task Details_ListDirectAndGroupAssignments_OnlyWhereTheViewerCanSee()
    {
        var ivy = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Ivy");
        var viewer = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Vic");
        var shared = await DatasetAsync(_admin, "Shared");
        var hidden = await DatasetAsync(_admin, "Hidden");
        var groups = new GroupService(_database, _clock);
        var night = (await groups.CreateAsync(_admin, new CreateGroup("Night shift", "", [ivy.MemberId], []))).Value;
        await new ResourceAssignments(_database, _clock).AssignAsync(_admin, ResourceKind.Dataset, [shared, hidden], AccessHolder.Member(ivy.MemberId), ResourceRole.User);
        await new ResourceAssignments(_database, _clock).AssignAsync(_admin, ResourceKind.Dataset, [shared], AccessHolder.Group(night), ResourceRole.Admin);
        await new ResourceAssignments(_database, _clock).AssignAsync(_admin, ResourceKind.Dataset, [shared], AccessHolder.Member(viewer.MemberId), ResourceRole.User);

        var asAdmin = (await _members.GetDetailsAsync(_admin, ivy.MemberId)).Value;
        var asViewer = (await _members.GetDetailsAsync(viewer, ivy.MemberId)).Value;

        Assert.Equal(["Night shift"], asAdmin.Groups);
        Assert.Equal(["Hidden User direct", "Shared User direct", "Shared Admin Night shift"],
            asAdmin.Assignments.Select(a => $"{a.ResourceName} {a.Role} {a.ViaGroup ?? "direct"}"));
        Assert.Equal(["Shared", "Shared"], asViewer.Assignments.Select(a => a.ResourceName));
        Assert.True(asAdmin.CanChangeRole && asAdmin.CanManageMembership);
        Assert.False(asViewer.CanChangeRole || asViewer.CanManageMembership);
    }

    private async Task<Dictionary<Guid, string?>> StampsAsync(params Guid[] accountIds)
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.SecurityStamp);
    }

    [Fact]
    public async Task ARoleChangeFromAStaleView_IsRefused_AndTheOtherAdminsChangeStands()
    {
        var bea = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "bea@acme.example", "Bea Admin");
        var max = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, "max@acme.example", "Max Member");

        var first = await _members.ChangeRoleAsync(bea, max.MemberId, WorkspaceRole.Tasker, WorkspaceRole.Member);
        var stale = await _members.ChangeRoleAsync(_admin, max.MemberId, WorkspaceRole.WorkforceManager, WorkspaceRole.Member);

        Assert.True(first.Succeeded);
        Assert.Equal("Bea Admin changed Max Member's role to Tasker a moment ago — reload to see it. Nothing was saved.", stale.Error!.Message);
        Assert.Equal(WorkspaceRole.Tasker, (await FindAsync(max.MemberId))!.Role);
    }

    [Fact]
    public async Task RoleChangesAtTheSameMoment_FromOneView_HaveOneWinner()
    {
        var max = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, "max@acme.example", "Max Member");
        WorkspaceRole[] targets = [WorkspaceRole.Tasker, WorkspaceRole.WorkforceManager, WorkspaceRole.Tasker, WorkspaceRole.WorkforceManager];

        var results = await Task.WhenAll(targets.Select(role => _members.ChangeRoleAsync(_admin, max.MemberId, role, WorkspaceRole.Member)));

        var winner = Assert.Single(results.Select((r, i) => (r, i)), x => x.r.Succeeded);
        Assert.Equal(targets[winner.i], (await FindAsync(max.MemberId))!.Role);
    }
}
