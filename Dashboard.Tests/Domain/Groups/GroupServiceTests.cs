using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Groups;

public class GroupServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private GroupService _groups = default!;
    private GroupPeople _people = default!;
    private ResourceService _resources = default!;
    private ResourceAccessService _access = default!;
    private ResourceAssignments _assignments = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;
    private Actor _manager = default!;
    private Actor _alice = default!;
    private Actor _bob = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Seed.Now);
        _groups = new GroupService(_database, clock);
        _people = new GroupPeople(_database, clock);
        _resources = new ResourceService(_database, clock);
        _access = new ResourceAccessService(_database, clock);
        _assignments = new ResourceAssignments(_database, clock);
        _workspace = await Seed.WorkspaceAsync(_database);
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, name: "Ada Admin");
        _manager = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Manny Manager");
        _alice = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker, name: "Alice Annotator");
        _bob = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker, name: "Bob Annotator");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> NightShiftAsync(params Guid[] members) =>
        (await _groups.CreateAsync(_admin, new CreateGroup("Night shift", "22:00–06:00", members, [_manager.MemberId]))).Value;

    private async Task<Guid> ProjectAsync()
    {
        var ontology = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, "Road", ""))).Value;
        return (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Project, "Perception", "", ontology))).Value;
    }

    private async Task<bool> SeesAsync(Actor actor, Guid resourceId) => (await _resources.GetAsync(actor, resourceId)).Succeeded;

    [Theory]
    [InlineData(WorkspaceRole.Admin, true)]
    [InlineData(WorkspaceRole.WorkforceManager, true)]
    [InlineData(WorkspaceRole.Member, false)]
    [InlineData(WorkspaceRole.Tasker, false)]
    public async Task Create_IsForAdminsAndWorkforceManagersOnly(WorkspaceRole role, bool allowed)
    {
        var actor = await Seed.MemberAsync(_database, _workspace, role);

        var result = await _groups.CreateAsync(actor, new CreateGroup("Reviewers", "", [_alice.MemberId], []));

        Assert.Equal(allowed, result.Succeeded);
        if (!allowed) Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Theory]
    [InlineData("night shift")]
    [InlineData("  NIGHT SHIFT ")]
    public async Task Create_WithATakenName_IsAConflict(string name)
    {
        await NightShiftAsync();

        var result = await _groups.CreateAsync(_admin, new CreateGroup(name, "", [], []));

        Assert.Equal((ErrorKind.Conflict, "Name"), (result.Error!.Kind, result.Error.Field));
    }

    [Fact]
    public async Task Create_WithAnOverlongDescription_IsRefused()
    {
        var result = await _groups.CreateAsync(_admin, new CreateGroup("Reviewers", new string('d', 501), [], []));

        Assert.Equal((ErrorKind.Invalid, "Description"), (result.Error!.Kind, result.Error.Field));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Groups.AnyAsync());
    }

    [Fact]
    public async Task Managers_MustBeInternal()
    {
        var external = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Ext Ernal", type: UserType.External);

        var result = await _groups.CreateAsync(_admin, new CreateGroup("Reviewers", "", [], [external.MemberId]));
        var candidates = await _people.FindCandidatesAsync(_admin, null, managers: true, "");

        Assert.Equal((ErrorKind.Invalid, "Managers"), (result.Error!.Kind, result.Error.Field));
        Assert.Contains("Ext Ernal is not Internal", result.Error.Message);
        Assert.DoesNotContain(candidates.Value, c => c.MemberId == external.MemberId);
    }

    [Fact]
    public async Task AManager_EditsTheMembersOfTheirOwnGroupOnly()
    {
        var own = await NightShiftAsync(_alice.MemberId);
        var other = (await _groups.CreateAsync(_admin, new CreateGroup("Day shift", "", [], []))).Value;

        var added = await _people.AddMembersAsync(_manager, own, [_bob.MemberId]);
        var removed = await _people.RemoveMemberAsync(_manager, own, _alice.MemberId);
        var elsewhere = await _people.AddMembersAsync(_manager, other, [_bob.MemberId]);

        Assert.True(added.Succeeded && removed.Succeeded);
        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.Equal(["Bob Annotator"], (await _groups.GetAsync(_admin, own)).Value.Members.Select(m => m.Name));
    }

    [Fact]
    public async Task AManager_CannotDeleteTheGroupOrChangeItsManagers()
    {
        var group = await NightShiftAsync();

        Assert.Equal(ErrorKind.Forbidden, (await _groups.DeleteAsync(_manager, group)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _people.AddManagersAsync(_manager, group, [_admin.MemberId])).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _people.RemoveManagerAsync(_manager, group, _manager.MemberId)).Error!.Kind);
        var version = (await _groups.GetAsync(_admin, group)).Value.Version;
        Assert.Equal(ErrorKind.Forbidden, (await _groups.UpdateAsync(_manager, group, version, "Renamed", "")).Error!.Kind);
    }

    [Fact]
    public async Task PlainMembers_CannotSeeWhoManagesAGroup()
    {
        var group = await NightShiftAsync(_alice.MemberId);
        var member = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);

        var asAlice = await _groups.GetAsync(_alice, group);
        var asMember = (await _groups.ListAsync(member, null, new PageRequest())).Items.Single();
        var asManager = (await _groups.ListAsync(_manager, null, new PageRequest())).Items.Single();
        var asAdmin = (await _groups.GetAsync(_admin, group)).Value;

        Assert.Null(asAlice.Value.Managers);
        Assert.Null(asMember.Managers);
        Assert.Equal(["Manny Manager"], asManager.Managers);
        Assert.Equal(["Manny Manager"], asAdmin.Managers!.Select(m => m.Name));
    }

    [Fact]
    public async Task Taskers_SeeOnlyTheGroupsTheyBelongTo()
    {
        await NightShiftAsync(_alice.MemberId);
        await _groups.CreateAsync(_admin, new CreateGroup("Day shift", "", [_bob.MemberId], []));

        var seen = await _groups.ListAsync(_alice, null, new PageRequest());

        Assert.Equal(["Night shift"], seen.Items.Select(g => g.Name));
    }

    [Fact]
    public async Task GroupAccess_FlowsToMembers_IncludingLaterOnes_StopsOnRemoval_AndSkipsManagers()
    {
        var project = await ProjectAsync();
        var group = await NightShiftAsync(_alice.MemberId);
        await _access.AddGroupsAsync(_admin, project, [group], ResourceRole.Annotator);

        Assert.True(await SeesAsync(_alice, project));
        Assert.False(await SeesAsync(_bob, project));
        Assert.False(await SeesAsync(_manager, project));

        await _people.AddMembersAsync(_manager, group, [_bob.MemberId]);
        await _people.RemoveMemberAsync(_manager, group, _alice.MemberId);

        Assert.True(await SeesAsync(_bob, project));
        Assert.False(await SeesAsync(_alice, project));
    }

    [Fact]
    public async Task Delete_TellsWhichResourcesLoseAccess_AndRemovesIt()
    {
        var project = await ProjectAsync();
        var group = await NightShiftAsync(_alice.MemberId);
        await _access.AddGroupsAsync(_admin, project, [group], ResourceRole.Annotator);

        var confirmation = await _groups.DescribeDeletionAsync(_admin, group);
        var deleted = await _groups.DeleteAsync(_admin, group);

        Assert.Contains("Its 1 member lose the access it gives to Project \"Perception\"", confirmation.Value);
        Assert.True(deleted.Succeeded);
        Assert.False(await SeesAsync(_alice, project));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ResourceAccess.AnyAsync(a => a.GroupId == group));
    }

    [Fact]
    public async Task AssignTo_GivesTheGroupOneRoleOnSeveralResources_AllOrNothing()
    {
        var group = await NightShiftAsync(_alice.MemberId);
        var berlin = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Berlin", ""))).Value;
        var lagos = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Lagos", ""))).Value;
        var foreign = (await _resources.CreateAsync(_manager, new CreateResource(ResourceKind.Dataset, "Manny's", ""))).Value;
        var owner = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);
        await _access.AddMembersAsync(_admin, berlin, [owner.MemberId], ResourceRole.Admin);

        var partial = await _assignments.AssignAsync(owner, ResourceKind.Dataset, [berlin, foreign], AccessHolder.Group(group), ResourceRole.User);
        var both = await _assignments.AssignAsync(_admin, ResourceKind.Dataset, [berlin, lagos], AccessHolder.Group(group), ResourceRole.User);

        Assert.False(partial.Succeeded);
        Assert.True(both.Succeeded);
        Assert.Equal(["Berlin", "Lagos"], (await _groups.GetAsync(_admin, group)).Value.Access.Select(a => a.Name));
        Assert.Equal(["Berlin"], (await _assignments.FindManageableAsync(owner, ResourceKind.Dataset, null)).Select(r => r.Name));
    }

    [Fact]
    public async Task TwoAdminsEditingOneGroup_TheSecondSaveIsRefused_AndTheFirstStands()
    {
        var group = await NightShiftAsync();
        var otherAdmin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, name: "Bea Admin");
        var seenByBoth = (await _groups.GetAsync(_admin, group)).Value.Version;

        var first = await _groups.UpdateAsync(otherAdmin, group, seenByBoth, "Night shift", "Weekends too");
        var second = await _groups.UpdateAsync(_admin, group, seenByBoth, "Late shift", "");

        Assert.True(first.Succeeded);
        Assert.Equal((ErrorKind.Conflict, "Bea Admin changed this group a moment ago — reload to see it. Nothing was saved."),
            (second.Error!.Kind, second.Error.Message));
        var now = (await _groups.GetAsync(_admin, group)).Value;
        Assert.Equal(("Night shift", "Weekends too"), (now.Name, now.Description));
        Assert.True((await _groups.UpdateAsync(_admin, group, now.Version, "Late shift", now.Description)).Succeeded);
    }

    [Fact]
    public async Task TwoAdminsSavingOneGroupAtTheSameMoment_OneWins()
    {
        var group = await NightShiftAsync();
        var seen = (await _groups.GetAsync(_admin, group)).Value.Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _groups.UpdateAsync(_admin, group, seen, $"Shift {i}", $"Text {i}")));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorKind.Conflict, r.Error!.Kind));
    }
}
