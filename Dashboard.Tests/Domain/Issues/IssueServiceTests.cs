using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Issues;

public class IssueServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private IssueService _issues = default!;
    private TagService _tags = default!;
    private Actor _admin = default!;
    private Actor _annotator = default!;
    private Actor _outsider = default!;
    private Guid _project;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _issues = new IssueService(_database, _clock);
        _tags = new TagService(_database, _clock);
        var workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, name: "Ada Admin");
        _annotator = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Tasker, name: "Ann Annotator");
        _outsider = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Member);
        var resources = new ResourceService(_database, _clock);
        var ontology = (await resources.CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, "Road", ""))).Value;
        _project = (await resources.CreateAsync(_admin, new CreateResource(ResourceKind.Project, "Perception", "", ontology))).Value;
        await new ResourceAssignments(_database, _clock).AssignAsync(_admin, ResourceKind.Project, [_project],
            AccessHolder.Member(_annotator.MemberId), ResourceRole.Annotator);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<IReadOnlyList<IssueRow>> ListAsync(IssueQuery? query = null) =>
        (await _issues.ListAsync(_admin, _project, query ?? new IssueQuery())).Value.Items;

    [Fact]
    public async Task SomeoneOnTheProject_RaisesTagsResolvesAndReopens()
    {
        var blurry = (await _tags.CreateAsync(_admin, TagKind.Issue, "Blurry")).Value;
        var id = (await _issues.CreateAsync(_annotator, _project, new CreateIssue(" Frame 12 out of focus ", "Camera 3"))).Value;

        Assert.True((await _issues.SetTagsAsync(_annotator, id, [blurry])).Succeeded);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await _issues.ResolveAsync(_annotator, id)).Succeeded);

        var issue = Assert.Single(await ListAsync());
        Assert.Equal(("Frame 12 out of focus", "Ann Annotator", IssueStatus.Resolved, Seed.Now.AddHours(1)),
            (issue.Title, issue.RaisedBy, issue.Status, issue.ResolvedAt!.Value));
        Assert.Equal(["Blurry"], issue.Tags.Select(t => t.Name));
        Assert.Equal("This issue is already resolved.", (await _issues.ResolveAsync(_admin, id)).Error!.Message);
        Assert.True((await _issues.ReopenAsync(_admin, id)).Succeeded);
        Assert.Equal(IssueStatus.Open, (await ListAsync()).Single().Status);
    }

    [Fact]
    public async Task SomeoneOutsideTheProject_CannotSeeOrRaiseIssues()
    {
        var raised = await _issues.CreateAsync(_outsider, _project, new CreateIssue("Sneaky", ""));
        var listed = await _issues.ListAsync(_outsider, _project, new IssueQuery());

        Assert.Equal(ErrorKind.NotFound, raised.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, listed.Error!.Kind);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task TheList_FiltersByStatusAndTag()
    {
        var blurry = (await _tags.CreateAsync(_admin, TagKind.Issue, "Blurry")).Value;
        var a = (await _issues.CreateAsync(_admin, _project, new CreateIssue("A", "", [blurry]))).Value;
        await _issues.CreateAsync(_admin, _project, new CreateIssue("B", ""));
        await _issues.CreateAsync(_admin, _project, new CreateIssue("C", "", [blurry]));
        await _issues.ResolveAsync(_admin, a);

        Assert.Equal(["C", "A"], (await ListAsync(new IssueQuery(TagId: blurry))).Select(i => i.Title));
        Assert.Equal(["A"], (await ListAsync(new IssueQuery(IssueStatus.Resolved, blurry))).Select(i => i.Title));
        Assert.Equal(2, (await ListAsync(new IssueQuery(IssueStatus.Open))).Count);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithTheReason()
    {
        Assert.Equal(("Title is required.", "Title"), Describe(await _issues.CreateAsync(_admin, _project, new CreateIssue(" ", ""))));
        Assert.Equal("Description", (await _issues.CreateAsync(_admin, _project, new CreateIssue("T", new string('x', 4001)))).Error!.Field);
        Assert.Contains("no longer exists", (await _issues.CreateAsync(_admin, _project, new CreateIssue("T", "", [Guid.NewGuid()]))).Error!.Message);
        Assert.Empty(await ListAsync());
    }

    private static (string, string?) Describe<T>(Result<T> result) => (result.Error!.Message, result.Error.Field);
}
