using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Tags;

public class TagServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private TagService _tags = default!;
    private ProjectTagging _tagging = default!;
    private ResourceService _resources = default!;
    private IssueService _issues = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _tags = new TagService(_database, _clock);
        _tagging = new ProjectTagging(_database, _clock);
        _resources = new ResourceService(_database, _clock);
        _issues = new IssueService(_database, _clock);
        _workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> ProjectAsync(Actor creator, string name)
    {
        var ontology = (await _resources.CreateAsync(creator, new CreateResource(ResourceKind.Ontology, name + " classes", ""))).Value;
        return (await _resources.CreateAsync(creator, new CreateResource(ResourceKind.Project, name, "", ontology))).Value;
    }

    private async Task<TagRow> RowAsync(TagKind kind, Guid id) => (await _tags.ListAsync(_admin, kind)).Value.Single(t => t.Id == id);

    private async Task<string[]> NamesAsync(TagKind kind) => (await _tags.ListAsync(_admin, kind)).Value.Select(t => t.Name).ToArray();

    [Theory]
    [InlineData(TagKind.Project, "A project tag")]
    [InlineData(TagKind.Issue, "An issue tag")]
    public async Task Names_AreTrimmed_AndUniqueWhateverTheCaseOrSpacing(TagKind kind, string aTag)
    {
        Assert.True((await _tags.CreateAsync(_admin, kind, "  Needs   review ")).Succeeded);

        var again = await _tags.CreateAsync(_admin, kind, "NEEDS REVIEW");
        var empty = await _tags.CreateAsync(_admin, kind, "   ");
        var tooLong = await _tags.CreateAsync(_admin, kind, new string('x', 51));

        Assert.Equal(["Needs review"], await NamesAsync(kind));
        Assert.Equal(($"{aTag} called \"Needs review\" already exists.", "Name"), (again.Error!.Message, again.Error.Field));
        Assert.Equal("Tag name is required.", empty.Error!.Message);
        Assert.Contains("at most 50 characters", tooLong.Error!.Message);
    }

    [Fact]
    public async Task Rename_ToAnExistingName_IsRefused_AndChangesNothing()
    {
        await _tags.CreateAsync(_admin, TagKind.Project, "Urgent");
        var later = (await _tags.CreateAsync(_admin, TagKind.Project, "Later")).Value;

        var result = await _tags.RenameAsync(_admin, TagKind.Project, later, (await RowAsync(TagKind.Project, later)).Version, " urgent");

        Assert.Equal("Name", result.Error!.Field);
        Assert.Equal(["Later", "Urgent"], await NamesAsync(TagKind.Project));
    }

    [Theory]
    [InlineData(WorkspaceRole.Member)]
    [InlineData(WorkspaceRole.WorkforceManager)]
    [InlineData(WorkspaceRole.Tasker)]
    public async Task OnlyAdmins_ManageTheTagLists(WorkspaceRole role)
    {
        var actor = await Seed.MemberAsync(_database, _workspace, role);
        var tag = (await _tags.CreateAsync(_admin, TagKind.Issue, "Blurry")).Value;
        var version = (await RowAsync(TagKind.Issue, tag)).Version;

        foreach (var kind in Enum.GetValues<TagKind>())
        {
            Assert.Equal(ErrorKind.Forbidden, (await _tags.ListAsync(actor, kind)).Error!.Kind);
            Assert.Equal(ErrorKind.Forbidden, (await _tags.CreateAsync(actor, kind, "Mine")).Error!.Kind);
        }
        Assert.Equal(ErrorKind.Forbidden, (await _tags.RenameAsync(actor, TagKind.Issue, tag, version, "Sharp")).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _tags.DeleteAsync(actor, TagKind.Issue, tag, version)).Error!.Kind);
        Assert.Equal(["Blurry"], await NamesAsync(TagKind.Issue));
    }

    [Fact]
    public async Task Deleting_TakesTheTagOffEveryProjectAndIssue()
    {
        var perception = await ProjectAsync(_admin, "Perception");
        var mapping = await ProjectAsync(_admin, "Mapping");
        var urgent = (await _tags.CreateAsync(_admin, TagKind.Project, "Urgent")).Value;
        await _tagging.AddAsync(_admin, perception, urgent);
        await _tagging.AddAsync(_admin, mapping, urgent);
        var blurry = (await _tags.CreateAsync(_admin, TagKind.Issue, "Blurry")).Value;
        await _issues.CreateAsync(_admin, perception, new CreateIssue("Frame 12 is out of focus", "", [blurry]));
        Assert.Equal(2, (await _tags.UsageAsync(_admin, TagKind.Project, urgent)).Value);

        Assert.True((await _tags.DeleteAsync(_admin, TagKind.Project, urgent, (await RowAsync(TagKind.Project, urgent)).Version)).Succeeded);
        Assert.True((await _tags.DeleteAsync(_admin, TagKind.Issue, blurry, (await RowAsync(TagKind.Issue, blurry)).Version)).Succeeded);

        Assert.Empty((await _tagging.TagsOfAsync(_admin, perception)).Value);
        Assert.Empty((await _issues.ListAsync(_admin, perception, new IssueQuery())).Value.Items.Single().Tags);
        Assert.All((await _resources.ListAsync(_admin, ResourceKind.Project, null, new PageRequest())).Items, p => Assert.Empty(p.Tags));
    }

    [Fact]
    public async Task TwoAdminsChangingTheSameTag_OneWins_TheOtherIsToldAndNothingIsLost()
    {
        var other = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin);
        var tag = (await _tags.CreateAsync(_admin, TagKind.Project, "Urgent")).Value;
        var seenByBoth = (await RowAsync(TagKind.Project, tag)).Version;

        var first = await _tags.RenameAsync(_admin, TagKind.Project, tag, seenByBoth, "Critical");
        var second = await _tags.RenameAsync(other, TagKind.Project, tag, seenByBoth, "Blocker");
        var staleDelete = await _tags.DeleteAsync(other, TagKind.Project, tag, seenByBoth);

        Assert.True(first.Succeeded);
        Assert.Contains("changed by someone else (it is now \"Critical\")", second.Error!.Message);
        Assert.Equal(ErrorKind.Conflict, staleDelete.Error!.Kind);
        Assert.Equal(["Critical"], await NamesAsync(TagKind.Project));

        var current = (await RowAsync(TagKind.Project, tag)).Version;
        Assert.True((await _tags.DeleteAsync(_admin, TagKind.Project, tag, current)).Succeeded);
        var afterDelete = await _tags.RenameAsync(other, TagKind.Project, tag, current, "Blocker");
        Assert.Contains("deleted by someone else", afterDelete.Error!.Message);
        Assert.Empty(await NamesAsync(TagKind.Project));
    }

    [Fact]
    public async Task AProjectAdmin_MayAddIssueTags_FromTheirOwnProjectOnly()
    {
        var lead = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, name: "Lee Lead");
        var own = await ProjectAsync(lead, "Own");
        var others = await ProjectAsync(_admin, "Others");
        var tasker = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker);
        await new ResourceAssignments(_database, _clock).AssignAsync(lead, ResourceKind.Project, [own],
            AccessHolder.Member(tasker.MemberId), ResourceRole.Annotator);

        var inOwn = await _tags.CreateIssueTagInProjectAsync(lead, own, "Occluded");
        var inOthers = await _tags.CreateIssueTagInProjectAsync(lead, others, "Sneaky");
        var byAnnotator = await _tags.CreateIssueTagInProjectAsync(tasker, own, "Mine");

        Assert.True(inOwn.Succeeded);
        Assert.Equal(ErrorKind.NotFound, inOthers.Error!.Kind);
        Assert.Equal("Only the Project's Admins (and workspace Admins) can add issue tags from inside it.", byAnnotator.Error!.Message);
        Assert.Equal(["Occluded"], await NamesAsync(TagKind.Issue));
    }

    [Fact]
    public async Task TheProjectsList_FiltersByAllChosenTags()
    {
        var perception = await ProjectAsync(_admin, "Perception");
        var mapping = await ProjectAsync(_admin, "Mapping");
        await ProjectAsync(_admin, "Untagged");
        var urgent = (await _tags.CreateAsync(_admin, TagKind.Project, "Urgent")).Value;
        var lidar = (await _tags.CreateAsync(_admin, TagKind.Project, "Lidar")).Value;
        await _tagging.AddAsync(_admin, perception, urgent);
        await _tagging.AddAsync(_admin, perception, lidar);
        await _tagging.AddAsync(_admin, mapping, urgent);

        async Task<string[]> ListAsync(params Guid[] tags) =>
            (await _resources.ListAsync(_admin, ResourceKind.Project, null, new PageRequest(), tags)).Items.Select(p => p.Name).ToArray();

        Assert.Equal(["Mapping", "Perception"], await ListAsync(urgent));
        Assert.Equal(["Perception"], await ListAsync(urgent, lidar));
        Assert.Equal(["Lidar", "Urgent"], (await _resources.ListAsync(_admin, ResourceKind.Project, "Perc", new PageRequest())).Items.Single().Tags);
    }

    [Fact]
    public async Task TaggingAProject_NeedsTheRightToEditIt()
    {
        var project = await ProjectAsync(_admin, "Perception");
        var member = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);
        await new ResourceAssignments(_database, _clock).AssignAsync(_admin, ResourceKind.Project, [project],
            AccessHolder.Member(member.MemberId), ResourceRole.Reviewer);
        var urgent = (await _tags.CreateAsync(_admin, TagKind.Project, "Urgent")).Value;

        var result = await _tagging.AddAsync(member, project, urgent);

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
        Assert.Empty((await _tagging.TagsOfAsync(member, project)).Value);
    }
}
