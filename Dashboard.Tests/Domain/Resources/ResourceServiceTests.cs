using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Resources;

public partial class ResourceServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ResourceConnections _connections = default!;
    private ResourceService _resources = default!;
    private ResourceDeletion _deletion = default!;
    private ResourceAccessService _access = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;
    private Actor _member = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Seed.Now);
        _resources = new ResourceService(_database, clock);
        _deletion = new ResourceDeletion(_database, clock);
        _connections = new ResourceConnections(_database, clock);
        _access = new ResourceAccessService(_database, clock);
        _workspace = await Seed.WorkspaceAsync(_database);
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, name: "Ada Admin");
        _member = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Mo Member");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> CreateAsync(Actor actor, ResourceKind kind, string name, Guid? ontologyId = null, params Guid[] datasets)
    {
        var result = await _resources.CreateAsync(actor, new CreateResource(kind, name, "", ontologyId, datasets));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    private async Task<Guid> ProjectAsync(Actor actor, string name)
    {
        var ontology = await CreateAsync(actor, ResourceKind.Ontology, name + " ontology");
        return await CreateAsync(actor, ResourceKind.Project, name, ontology);
    }

    private async Task<string[]> VisibleProjectsAsync(Actor actor) =>
        (await _resources.ListAsync(actor, ResourceKind.Project, null, new PageRequest())).Items.Select(r => r.Name).ToArray();

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
    public async Task Create_MakesTheCreatorTheResourcesAdmin()
    {
        var id = await CreateAsync(_member, ResourceKind.Dataset, "Dashcam");

        var access = await _access.ListAsync(_member, id);
        var person = Assert.Single(access.Value.People, p => p.MemberId == _member.MemberId);
        Assert.Equal(ResourceRole.Admin, person.DirectRole);
        Assert.True((await _resources.GetAsync(_member, id)).Value.CanManage);
    }

    [Fact]
    public async Task Create_ByATasker_IsForbiddenAndSavesNothing()
    {
        var tasker = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker);

        var result = await _resources.CreateAsync(tasker, new CreateResource(ResourceKind.Dataset, "Mine", ""));

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Resources.AnyAsync());
    }

    [Theory]
    [InlineData("dashcam")]
    [InlineData("  DASHCAM  ")]
    public async Task Create_WithANameTakenByTheSameKind_IsAConflictOnTheNameField(string name)
    {
        await CreateAsync(_admin, ResourceKind.Dataset, "Dashcam");

        var result = await _resources.CreateAsync(_member, new CreateResource(ResourceKind.Dataset, name, ""));

        Assert.Equal((ErrorKind.Conflict, "Name"), (result.Error!.Kind, result.Error.Field));
        Assert.Contains("already exists", result.Error.Message);
    }

    [Fact]
    public async Task Create_TheSameNameInAnotherKind_IsAllowed()
    {
        await CreateAsync(_admin, ResourceKind.Dataset, "Dashcam");

        var ontology = await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, "Dashcam", ""));

        Assert.True(ontology.Succeeded);
    }

    [Theory]
    [InlineData("", "Dataset name is required.")]
    [InlineData("   ", "Dataset name is required.")]
    public async Task Create_WithAnEmptyName_SaysItIsRequired(string name, string message)
    {
        var result = await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, name, ""));

        Assert.Equal(message, result.Error!.Message);
    }

    [Fact]
    public async Task Create_WithAnOverlongName_SaysHowLongItMayBe()
    {
        var result = await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, new string('n', 101), ""));

        Assert.Equal((ErrorKind.Invalid, "Name"), (result.Error!.Kind, result.Error.Field));
        Assert.Contains("at most 100 characters", result.Error.Message);
    }

    [Fact]
    public async Task CreateProject_WithoutAnOntology_IsRefused()
    {
        var result = await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Project, "Perception", ""));

        Assert.Equal((ErrorKind.Invalid, "Ontology"), (result.Error!.Kind, result.Error.Field));
    }

    [Fact]
    public async Task CreateProject_WithAnOntologyTheActorCannotSee_IsRefused()
    {
        var hidden = await CreateAsync(_admin, ResourceKind.Ontology, "Secret classes");

        var result = await _resources.CreateAsync(_member, new CreateResource(ResourceKind.Project, "Perception", "", hidden));

        Assert.Equal((ErrorKind.Invalid, "Ontology"), (result.Error!.Kind, result.Error.Field));
    }

    [Fact]
    public async Task Project_HasExactlyOneOntology_WhichCanBeChanged_AndManyDatasets()
    {
        var first = await CreateAsync(_member, ResourceKind.Ontology, "Road objects");
        var second = await CreateAsync(_member, ResourceKind.Ontology, "Road objects v2");
        var berlin = await CreateAsync(_member, ResourceKind.Dataset, "Berlin");
        var lagos = await CreateAsync(_member, ResourceKind.Dataset, "Lagos");
        var project = await CreateAsync(_member, ResourceKind.Project, "Perception", first, berlin, lagos);

        Assert.True((await _connections.ChangeOntologyAsync(_member, project, second)).Succeeded);

        var details = (await _resources.GetAsync(_member, project)).Value;
        Assert.Equal("Road objects v2", details.Ontology!.Name);
        Assert.Equal(["Berlin", "Lagos"], details.Datasets.Select(d => d.Name));
        Assert.Equal(["Perception"], (await _resources.GetAsync(_member, berlin)).Value.UsedByProjects.Select(p => p.Name));
        Assert.Empty((await _resources.GetAsync(_member, first)).Value.UsedByProjects);
    }

    [Fact]
    public async Task Visibility_AdminSeesAll_MemberSeesAssignedDirectlyAndViaGroup_TaskerSeesAssignedOnly()
    {
        var tasker = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker);
        var direct = await ProjectAsync(_admin, "Direct");
        var viaGroup = await ProjectAsync(_admin, "Via group");
        await ProjectAsync(_admin, "Hidden");
        await _access.AddMembersAsync(_admin, direct, [_member.MemberId, tasker.MemberId], ResourceRole.Annotator);
        var group = await GroupWithAsync("Night shift", _member.MemberId);
        await _access.AddGroupsAsync(_admin, viaGroup, [group], ResourceRole.Reviewer);

        Assert.Equal(["Direct", "Hidden", "Via group"], await VisibleProjectsAsync(_admin));
        Assert.Equal(["Direct", "Via group"], await VisibleProjectsAsync(_member));
        Assert.Equal(["Direct"], await VisibleProjectsAsync(tasker));
        Assert.Equal(ErrorKind.NotFound, (await _resources.GetAsync(tasker, viaGroup)).Error!.Kind);
    }

    [Fact]
    public async Task Visibility_AGroupManagerWhoIsNotAMember_GetsNoAccess()
    {
        var manager = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Manny Manager");
        var project = await ProjectAsync(_admin, "Perception");
        var group = await GroupWithAsync("Night shift", _member.MemberId);
        await using (var db = _database.CreateDbContext())
        {
            db.GroupManagers.Add(new GroupManager(group, manager.MemberId));
            await db.SaveChangesAsync();
        }
        await _access.AddGroupsAsync(_admin, project, [group], ResourceRole.Annotator);

        Assert.Empty(await VisibleProjectsAsync(manager));
        Assert.Equal(["Perception"], await VisibleProjectsAsync(_member));
    }

    [Fact]
    public async Task Rename_ToAnotherResourcesName_IsAConflict_ToItsOwnNameInOtherCase_IsFine()
    {
        await CreateAsync(_admin, ResourceKind.Dataset, "Berlin");
        var lagos = await CreateAsync(_admin, ResourceKind.Dataset, "Lagos");

        var version = (await _resources.GetAsync(_admin, lagos)).Value.Version;
        var taken = await _resources.UpdateAsync(_admin, lagos, version, "berlin", "");
        var recased = await _resources.UpdateAsync(_admin, lagos, version, "LAGOS", "Rainy season");

        Assert.Equal(ErrorKind.Conflict, taken.Error!.Kind);
        Assert.True(recased.Succeeded);
        Assert.Equal("LAGOS", (await _resources.GetAsync(_admin, lagos)).Value.Name);
    }

    [Fact]
    public async Task Update_AgainstAVersionSomeoneElseSaved_IsRefusedNamingThem_AndKeepsTheirChange()
    {
        var lagos = await CreateAsync(_admin, ResourceKind.Dataset, "Lagos");
        var seen = (await _resources.GetAsync(_admin, lagos)).Value.Version;
        var first = await _resources.UpdateAsync(_admin, lagos, seen, "Lagos", "Rainy season");

        var second = await _resources.UpdateAsync(_admin, lagos, seen, "Lagos north", "");

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorKind.Conflict, second.Error!.Kind);
        Assert.Null(second.Error.Field);
        Assert.Contains("Ada Admin changed this Dataset a moment ago", second.Error.Message);
        var stored = (await _resources.GetAsync(_admin, lagos)).Value;
        Assert.Equal(("Lagos", "Rainy season"), (stored.Name, stored.Description));
    }

    [Fact]
    public async Task OntologyClasses_AreUniquePerOntology()
    {
        var ontology = await CreateAsync(_admin, ResourceKind.Ontology, "Road objects");

        await _connections.AddClassAsync(_admin, ontology, "Car", LabelShape.BoundingBox);
        var duplicate = await _connections.AddClassAsync(_admin, ontology, " car ", LabelShape.Polygon);

        Assert.Equal((ErrorKind.Conflict, "ClassName"), (duplicate.Error!.Kind, duplicate.Error.Field));
        var classes = (await _resources.GetAsync(_admin, ontology)).Value.Classes;
        Assert.Equal(("Car", LabelShape.BoundingBox), (Assert.Single(classes).Name, classes[0].Shape));
    }
}
