using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Names are the person's text, never the page's markup: a workspace full of names that would run script if
/// pasted into HTML is shown everywhere as plain text, and the script never runs.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class MarkupNeverRunsTests : BrowserJourney
{
    // Each payload bumps a counter if the browser ever treats it as markup.
    private const string Image = "<img src=x onerror=\"window.__ran=(window.__ran||0)+1\">";
    private const string Script = "<script>window.__ran=(window.__ran||0)+1</script>";
    // Tag names have at most 50 characters.
    private const string ShortImage = "<img src=x onerror=__ran=1>";
    private const string ShortScript = "<script>__ran=1</script>";

    [BrowserFact]
    public Task EveryPageShowsMarkupInNamesAsText_AndNoScriptRuns() => Session.JourneyAsync(MarkupJourneyAsync);

    private async Task MarkupJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        await Session.AddMemberAsync("mallory@acme.example", "Mallory " + Image, WorkspaceRole.Member);
        var services = Session.App.Services;
        var actor = await Session.ActorAsync(admin);
        var mallory = (await Session.ActorAsync("mallory@acme.example")).MemberId;
        var resources = services.GetRequiredService<ResourceService>();
        var ontology = (await resources.CreateAsync(actor, new CreateResource(ResourceKind.Ontology, "Ontology " + Script, Image))).Value;
        var project = (await resources.CreateAsync(actor, new CreateResource(ResourceKind.Project, "Project " + Image, Script, ontology))).Value;
        await services.GetRequiredService<ResourceAccessService>().AddMembersAsync(actor, project, [mallory], ResourceRole.Annotator);
        var group = (await services.GetRequiredService<GroupService>().CreateAsync(actor, new CreateGroup("Group " + Image, Script, [mallory], []))).Value;
        var tags = services.GetRequiredService<TagService>();
        var projectTag = (await tags.CreateAsync(actor, TagKind.Project, "Tag " + ShortImage)).Value;
        await services.GetRequiredService<ProjectTagging>().AddAsync(actor, project, projectTag);
        var issueTag = (await tags.CreateAsync(actor, TagKind.Issue, "Issue tag " + ShortScript)).Value;
        await services.GetRequiredService<IssueService>().CreateAsync(actor, project, new CreateIssue("Issue " + Image, Script, [issueTag]));
        var keys = services.GetRequiredService<ApiKeyService>();
        var key = (await keys.CreateAsync(actor, "Key " + Image)).Value;
        var caller = (await keys.AuthenticateAsync(key.Secret))!;
        var jobs = services.GetRequiredService<JobService>();
        var job = (await jobs.CreateExternalAsync(caller, new ExternalJobCommand(JobType.ModelTraining, "Training " + Image, project))).Value;
        await jobs.UpdateExternalAsync(caller, job.Id, new ExternalJobUpdate(null, null, JobStatus.Error, "Failed " + Script,
            [new ExternalJobProblem("item " + Image, "problem " + Script)]));

        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        var pages = new (string Address, string Shows)[]
        {
            ("/projects", "Project " + Image),
            ($"/projects/{project}", "Issue " + Image),
            ("/ontologies", "Ontology " + Script),
            ("/settings/users", "Mallory " + Image),
            ($"/settings/users/{mallory}", "Group " + Image),
            ("/settings/groups", "Group " + Image),
            ($"/groups/{group}", "Mallory " + Image),
            ("/settings/project-tags", "Tag " + ShortImage),
            ("/settings/issue-tags", "Issue tag " + ShortScript),
            ("/settings/activity", "Training " + Image),
            ("/settings/audit", "Key " + Image),
        };
        foreach (var (address, shows) in pages)
        {
            await page.GotoAsync(address);
            await BrowserSession.WaitForInteractiveAsync(page);
            await Expect(page.Locator(".mud-main-content")).ToContainTextAsync(shows);
        }

        // The error dialog and a snackbar, which build their text at run time.
        await page.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=job-error-details]").First.ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("problem " + Script);
        await page.Keyboard.PressAsync("Escape");
        await page.GotoAsync("/settings/project-tags");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=tag-new]").ClickAsync();
        await page.Locator("[data-testid=tag-new-input]").FillAsync("Typed " + ShortScript);
        await page.Locator("[data-testid=tag-new-input]").PressAsync("Enter");
        await Expect(page.Locator("[data-testid=tag-list]")).ToContainTextAsync("Typed " + ShortScript);
        await BrowserSession.ScreenshotAsync(page, "markup-as-text");

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__ran ?? null"));
    }
}
