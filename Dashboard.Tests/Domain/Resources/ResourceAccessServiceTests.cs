using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Resources;

public class ResourceAccessServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ResourceService _resources = default!;
    private ResourceAccessService _access = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;
    private Actor _owner = default!;
    private Actor _annotator = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Seed.Now);
        _resources = new ResourceService(_database, clock);
        _access = new ResourceAccessService(_database, clock);
        _workspace = await Seed.WorkspaceAsync(_database);
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, name: "Ada Admin");
        _owner = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Olu Owner");
        _annotator = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Ann Annotator");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> DatasetAsync(string name = "Berlin") =>
        (await _resources.CreateAsync(_owner, new CreateResource(ResourceKind.Dataset, name, ""))).Value;

    private async Task<Guid> GroupWithAsync(string name, params Guid[] memberIds)
    {
        var group = new Group(_workspace.Id, name, "", Seed.Now);
        foreach (var id in memberIds) group.AddMember(id);
        await using var db = _database.CreateDbContext();
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    [Fact]
    public async Task List_ExplainsWhyEachPersonHasAccess()
    {
        var dataset = await DatasetAsync();
        var group = await GroupWithAsync("Night shift", _annotator.MemberId);
        await _access.AddMembersAsync(_owner, dataset, [_annotator.MemberId], ResourceRole.User);
        await _access.AddGroupsAsync(_owner, dataset, [group], ResourceRole.Admin);

        var people = (await _access.ListAsync(_owner, dataset)).Value.People;

        Assert.Equal("Direct: User · Via group Night shift: Admin", people.Single(p => p.MemberId == _annotator.MemberId).Explanation);
        Assert.Equal("Direct: Admin", people.Single(p => p.MemberId == _owner.MemberId).Explanation);
        Assert.Equal("Workspace Admin (sees every resource)", people.Single(p => p.MemberId == _admin.MemberId).Explanation);
    }

    [Fact]
    public async Task AddMembers_WithARoleTheKindDoesNotHave_IsRefused()
    {
        var dataset = await DatasetAsync();

        var result = await _access.AddMembersAsync(_owner, dataset, [_annotator.MemberId], ResourceRole.Annotator);

        Assert.Equal((ErrorKind.Invalid, "Role"), (result.Error!.Kind, result.Error.Field));
        Assert.Contains("Admin, User", result.Error.Message);
    }

    [Fact]
    public async Task AddMembers_BySomeoneWhoIsNotTheResourcesAdmin_IsForbidden()
    {
        var dataset = await DatasetAsync();
        await _access.AddMembersAsync(_owner, dataset, [_annotator.MemberId], ResourceRole.User);
        var other = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);

        var result = await _access.AddMembersAsync(_annotator, dataset, [other.MemberId], ResourceRole.User);

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Fact]
    public async Task AddMembers_IncludesInvitedMembers_ButNotDeclinedOnes()
    {
        var dataset = await DatasetAsync();
        var invited = await Seed.InvitedAsync(_database, _workspace, "new@acme.example");
        var declined = await Seed.InvitedAsync(_database, _workspace, "gone@acme.example");
        await using (var db = _database.CreateDbContext())
        {
            db.Attach(declined).Entity.Decline(Seed.Now);
            await db.SaveChangesAsync();
        }

        var ok = await _access.AddMembersAsync(_owner, dataset, [invited.Id], ResourceRole.User);
        var refused = await _access.AddMembersAsync(_owner, dataset, [declined.Id], ResourceRole.User);

        Assert.True(ok.Succeeded);
        Assert.Equal(ErrorKind.NotFound, refused.Error!.Kind);
    }

    [Fact]
    public async Task Candidates_LeaveOutThoseAlreadyAssigned()
    {
        var dataset = await DatasetAsync();

        var candidates = await _access.FindCandidatesAsync(_owner, dataset, groups: false, "");

        Assert.Equal(["Ada Admin", "Ann Annotator"], candidates.Value.Select(c => c.Name));
    }

    [Fact]
    public async Task RemovingTheOnlyAdmin_IsRefused()
    {
        var dataset = await DatasetAsync();
        var ownerEntry = (await _access.ListAsync(_owner, dataset)).Value.People.Single(p => p.MemberId == _owner.MemberId).DirectAccessId!.Value;

        var removed = await _access.RemoveAsync(_admin, dataset, ownerEntry);
        var demoted = await _access.ChangeRoleAsync(_admin, dataset, ownerEntry, ResourceRole.User);

        Assert.Equal(ErrorKind.Conflict, removed.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, demoted.Error!.Kind);
    }

    [Fact]
    public async Task SoleAdminOf_ListsProjectsAndDatasetsWhereTheMemberIsTheOnlyAdmin()
    {
        var alone = await DatasetAsync("Alone");
        var shared = await DatasetAsync("Shared");
        await _access.AddMembersAsync(_owner, shared, [_annotator.MemberId], ResourceRole.Admin);
        var viaGroup = await DatasetAsync("Group admins");
        var group = await GroupWithAsync("Admins", _annotator.MemberId);
        await _access.AddGroupsAsync(_owner, viaGroup, [group], ResourceRole.Admin);
        await _resources.CreateAsync(_owner, new CreateResource(ResourceKind.Ontology, "Ontologies do not count", ""));

        var sole = await _access.SoleAdminOfAsync(_workspace.Id, _owner.MemberId);

        Assert.Equal([(alone, ResourceKind.Dataset, "Alone")], sole.Select(s => (s.Id, s.Kind, s.Name)));
    }
}
