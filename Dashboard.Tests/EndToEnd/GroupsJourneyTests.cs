using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class GroupsJourneyTests : BrowserJourney
{
    private static async Task PickPersonAsync(IPage page, string testId, string name)
    {
        await page.Locator($"[data-testid={testId}]").FillAsync(name.Split(' ')[0]);
        await BrowserSession.PickOptionAsync(page, name);
    }

    [BrowserFact]
    public Task AGroupGivesItsMembersAccess_NotItsManager_AndDeletingItTakesTheAccessAway() =>
        Session.JourneyAsync(GroupJourneyAsync);

    private async Task GroupJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var alice = await Session.AddMemberAsync("alice@acme.example", "Alice Annotator", WorkspaceRole.Member);
        await Session.AddMemberAsync("bob@acme.example", "Bob Annotator", WorkspaceRole.Member);
        var manny = await Session.AddMemberAsync("manny@acme.example", "Manny Manager", WorkspaceRole.Member);
        var carl = await Session.AddMemberAsync("carl@acme.example", "Carl Late", WorkspaceRole.Member);
        var resources = Session.App.Services.GetRequiredService<ResourceService>();
        var adminActor = await Session.ActorAsync(admin);
        var ontology = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Ontology, "Road objects", ""))).Value;
        var project = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Project, "Perception", "", ontology))).Value;

        // The Admin creates the group in two steps.
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/groups");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=create-group]").ClickAsync();
        await page.Locator("[data-testid=group-name]").FillAsync("Night shift");
        await PickPersonAsync(page, "group-members", "Alice Annotator");
        await PickPersonAsync(page, "group-members", "Bob Annotator");
        await page.Locator("[data-testid=group-next]").ClickAsync();
        await PickPersonAsync(page, "group-managers", "Manny Manager");
        await BrowserSession.ScreenshotAsync(page, "group-create-managers-step");
        await page.Locator("[data-testid=group-create]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Night shift");
        await Expect(page.Locator("[data-testid=group-members-section]")).ToContainTextAsync("Members (2)");
        await Expect(page.Locator("[data-testid=group-managers-section]")).ToContainTextAsync("Manny Manager");
        var groupUrl = page.Url;

        // ...and gives it the Annotator role on the Project.
        await page.Locator("[data-testid=group-assign]").ClickAsync();
        await page.Locator("[data-testid=assign-search]").FillAsync("Perc");
        await BrowserSession.PickOptionAsync(page, "Perception");
        await page.Locator("[data-testid=assign-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(page, "Annotator");
        await page.Locator("[data-testid=assign-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=group-access-section]").GetByRole(AriaRole.Row, new() { Name = "Perception Annotator" }))
            .ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "group-page");

        // A member sees the Project.
        var alicePage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(alicePage, alice);
        await alicePage.GotoAsync("/projects");
        await Expect(alicePage.Locator("[data-testid=resource-grid]")).ToContainTextAsync("Perception");

        // The manager adds a member but cannot open the Project themselves.
        var mannyPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(mannyPage, manny);
        await mannyPage.GotoAsync(groupUrl);
        await BrowserSession.WaitForInteractiveAsync(mannyPage);
        await Expect(mannyPage.Locator("[data-testid=delete-group]")).ToHaveCountAsync(0);
        await PickPersonAsync(mannyPage, "add-group-members", "Carl Late");
        await mannyPage.Locator("[data-testid=add-group-members-submit]").ClickAsync();
        await Expect(mannyPage.Locator("[data-testid=group-members-section]")).ToContainTextAsync("Members (3)");
        await mannyPage.GotoAsync($"/projects/{project}");
        await Expect(mannyPage.Locator("[data-testid=resource-missing]")).ToBeVisibleAsync();

        var carlPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(carlPage, carl);
        await carlPage.GotoAsync($"/projects/{project}");
        await Expect(carlPage.Locator("h1")).ToHaveTextAsync("Perception");

        // The Admin removes Bob: the page shows it at once, without a reload.
        await page.GotoAsync(groupUrl);
        await BrowserSession.WaitForInteractiveAsync(page);
        var members = page.Locator("[data-testid=group-members-section]");
        await members.GetByRole(AriaRole.Button, new() { Name = "Remove Bob Annotator" }).ClickAsync();
        await Expect(members).ToContainTextAsync("Members (2)");
        await Expect(members).Not.ToContainTextAsync("Bob Annotator");

        // The Admin deletes the group: its members lose the access.
        await page.Locator("[data-testid=delete-group]").ClickAsync();
        await Expect(page.Locator(".mud-message-box")).ToContainTextAsync("Its 2 members lose the access it gives to Project \"Perception\"");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete group" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/settings/groups$"));

        await alicePage.GotoAsync("/projects");
        await Expect(alicePage.Locator("[data-testid=resources-empty]")).ToBeVisibleAsync();
        await carlPage.GotoAsync($"/projects/{project}");
        await Expect(carlPage.Locator("[data-testid=resource-missing]")).ToBeVisibleAsync();
    }
}
