using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class TagsJourneyTests : BrowserJourney
{
    private static async Task CreateTagAsync(IPage page, string name)
    {
        var input = page.Locator("[data-testid=tag-new-input]");
        await input.FillAsync(name);
        await input.PressAsync("Enter");
        await Expect(page.Locator($"[data-testid=tag-chip][data-name='{name}']")).ToBeVisibleAsync();
    }

    private static async Task AddProjectTagAsync(IPage page, string tag)
    {
        await page.Locator("[data-testid=project-tag-add]").ClickAsync();
        await BrowserSession.PickOptionAsync(page, tag);
        await Expect(page.Locator("[data-testid=project-tag]").Filter(new() { HasText = tag })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public Task AnAdminManagesProjectTags_AndAProjectAdminTagsAnIssue() =>
        Session.JourneyAsync(AnAdminManagesProjectTags_AndAProjectAdminTagsAnIssueJourneyAsync);

    private async Task AnAdminManagesProjectTags_AndAProjectAdminTagsAnIssueJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var lee = await Session.AddMemberAsync("lee@acme.example", "Lee Lead", WorkspaceRole.Member);
        var resources = Session.App.Services.GetRequiredService<ResourceService>();
        var adminActor = await Session.ActorAsync(admin);
        var ontology = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Ontology, "Road objects", ""))).Value;
        var perception = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Project, "Perception", "", ontology))).Value;
        var mapping = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Project, "Mapping", "", ontology))).Value;
        var leeOntology = (await resources.CreateAsync(await Session.ActorAsync(lee), new CreateResource(ResourceKind.Ontology, "Signs", ""))).Value;
        var signs = (await resources.CreateAsync(await Session.ActorAsync(lee), new CreateResource(ResourceKind.Project, "Sign reading", "", leeOntology))).Value;

        // Three project tags, one renamed by double-click.
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/project-tags");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=tag-new]").ClickAsync();
        await CreateTagAsync(page, "Urgent");
        await CreateTagAsync(page, "Lidar");
        await CreateTagAsync(page, "Night");
        await page.Locator("[data-testid=tag-new-input]").PressAsync("Escape");
        await page.Locator("[data-testid=tag-chip][data-name='Night']").DblClickAsync();
        await page.Locator("[data-testid=tag-rename]").FillAsync("Night drives");
        await page.Locator("[data-testid=tag-rename]").PressAsync("Enter");
        await Expect(page.Locator("[data-testid=tag-chip]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=tag-chip][data-name='Night drives']")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "project-tags");

        // Two Projects get tags on their pages.
        await page.GotoAsync($"/projects/{perception}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await AddProjectTagAsync(page, "Urgent");
        await AddProjectTagAsync(page, "Lidar");
        await page.GotoAsync($"/projects/{mapping}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await AddProjectTagAsync(page, "Urgent");

        // The Projects list filters by a tag.
        await page.GotoAsync("/projects");
        await BrowserSession.WaitForInteractiveAsync(page);
        var grid = page.Locator("[data-testid=resource-grid]");
        await Expect(grid).ToContainTextAsync("Sign reading");
        await page.Locator("[data-testid=project-tag-filter]").ClickAsync();
        await BrowserSession.PickOptionAsync(page, "Lidar");
        await page.Keyboard.PressAsync("Escape");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(grid).ToContainTextAsync("Perception");
        await BrowserSession.ScreenshotAsync(page, "projects-filtered-by-tag");

        // Deleting a tag takes it off the Projects.
        await page.GotoAsync("/settings/project-tags");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=tag-chip][data-name='Urgent']")).ToContainTextAsync("(2 Projects)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Urgent" }).ClickAsync();
        await Expect(page.Locator(".mud-message-box")).ToContainTextAsync("It is on 2 Projects");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete tag" }).ClickAsync();
        await Expect(page.Locator("[data-testid=tag-chip]")).ToHaveCountAsync(2);
        // The confirmation is a snackbar a screen reader announces.
        await Expect(page.Locator(".mud-snackbar[role=alert][aria-live=polite]")).ToContainTextAsync("\"Urgent\" deleted.");
        await page.GotoAsync("/projects");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=resource-grid]")).ToContainTextAsync("Lidar");
        await Expect(page.Locator("[data-testid=resource-grid]")).Not.ToContainTextAsync("Urgent");

        // Lee, Admin of his own Project, adds an issue tag there and tags an issue with it.
        var leePage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(leePage, lee);
        await leePage.GotoAsync($"/projects/{signs}");
        await BrowserSession.WaitForInteractiveAsync(leePage);
        await leePage.Locator("[data-testid=issue-tag-new]").ClickAsync();
        await leePage.Locator("[data-testid=issue-tag-new-input]").FillAsync("Faded paint");
        await leePage.Locator("[data-testid=issue-tag-new-input]").PressAsync("Enter");
        await Expect(leePage.Locator(".mud-snackbar")).ToContainTextAsync("Issue tag \"Faded paint\" added to the workspace.");
        await leePage.Locator("[data-testid=issue-new]").ClickAsync();
        await leePage.Locator("[data-testid=issue-title]").FillAsync("Stop sign unreadable in frame 40");
        await leePage.Locator("[data-testid=issue-tags]").ClickAsync();
        await BrowserSession.PickOptionAsync(leePage, "Faded paint");
        // The list closes before the button is pressed: a click while it fades lands on its overlay, not the button. An
        // Escape that arrives while the list is still taking the pick can be lost; a person presses it again.
        for (var tries = 0; tries < 3 && await leePage.Locator(".mud-popover-open").CountAsync() > 0; tries++)
        {
            await leePage.Keyboard.PressAsync("Escape");
            await leePage.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 3_000 })
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Expect(leePage.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await leePage.Locator("[data-testid=issue-submit]").ClickAsync();
        var issues = leePage.Locator("[data-testid=issue-grid]");
        await Expect(issues).ToContainTextAsync("Stop sign unreadable in frame 40");
        await Expect(issues.Locator("[data-testid=issue-row-tags]")).ToHaveValueAsync("Faded paint");
        await BrowserSession.ScreenshotAsync(leePage, "project-issues");

        await page.GotoAsync("/settings/issue-tags");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=tag-chip][data-name='Faded paint']")).ToContainTextAsync("(1 issue)");
    }
}
