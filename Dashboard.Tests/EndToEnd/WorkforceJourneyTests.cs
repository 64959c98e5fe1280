using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class WorkforceJourneyTests : BrowserJourney
{
    [BrowserFact]
    public Task AWorkforcePersonAddedToAProject_JoinsAsAWorkforceTasker_AndSeesIt() => Session.JourneyAsync(WorkforceJourneyAsync);

    private async Task WorkforceJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var wendy = await Session.AddAccountAsync("wendy@labelforce.example", "Wendy Worker");
        var resources = Session.App.Services.GetRequiredService<ResourceService>();
        var adminActor = await Session.ActorAsync(admin);
        var ontology = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Ontology, "Road objects", ""))).Value;
        var project = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Project, "Perception", "", ontology))).Value;

        // Wendy, in no workspace yet, starts her annotation team's workforce workspace.
        var wendyPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(wendyPage, wendy);
        await wendyPage.Locator("[data-testid=no-workspace-create]").ClickAsync();
        await wendyPage.Locator("[data-testid=workspace-name]").FillAsync("acme vision");
        await wendyPage.Locator("[data-testid=workspace-create]").ClickAsync();
        await Expect(wendyPage.Locator("[data-testid=create-workspace-dialog]"))
            .ToContainTextAsync("A workspace called \"acme vision\" already exists on this server. Choose another name.");
        await wendyPage.Locator("[data-testid=workspace-name]").FillAsync("Label Force");
        await wendyPage.Locator("[data-testid=workspace-workforce]").CheckAsync();
        await BrowserSession.ScreenshotAsync(wendyPage, "workspace-create-dialog");
        await wendyPage.Locator("[data-testid=workspace-create]").ClickAsync();
        await Expect(wendyPage.Locator("h1")).ToHaveTextAsync("Workspace settings");
        await Expect(wendyPage.Locator("[data-testid=workspace-switcher]")).ToContainTextAsync("Label Force");

        // Her worker Walt is an Internal Member there; she lends her people to Acme Vision (Settings → Users).
        var walt = await Session.AddMemberAsync("walt@labelforce.example", "Walt Worker", WorkspaceRole.Member, "Label Force");
        await wendyPage.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(wendyPage);
        var client = wendyPage.Locator("input[data-testid=workforce-client-input]");
        await client.FillAsync("Acme Visoin");
        await client.PressAsync("Enter");
        await Expect(wendyPage.Locator("[data-testid=workforce-partners]")).ToContainTextAsync("No workspace is called \"Acme Visoin\"");
        await client.FillAsync("acme vision");
        await client.PressAsync("Enter");
        await Expect(wendyPage.Locator("[data-testid=workforce-client-row]")).ToContainTextAsync("Acme Vision");
        await BrowserSession.ScreenshotAsync(wendyPage, "workforce-partners");

        // The Acme Admin sees who lends it people, and finds Walt (not Wendy, the workforce's Admin) from the
        // Project's Members section by three letters of his name; two letters find nobody.
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/users");
        await Expect(page.Locator("[data-testid=workforce-lent-by]")).ToContainTextAsync("Label Force");
        await page.GotoAsync($"/projects/{project}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=add-access]").ClickAsync();
        await page.Locator("[data-testid=access-search]").FillAsync("Wendy");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "from workforce" })).ToHaveCountAsync(0);
        await page.Locator("[data-testid=access-search]").FillAsync("Wa");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "from workforce" })).ToHaveCountAsync(0);
        await page.Locator("[data-testid=access-search]").FillAsync("Wal");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToContainTextAsync("from workforce Label Force, joins as Tasker");
        await BrowserSession.PickOptionAsync(page, "Walt Worker");
        await page.Locator("[data-testid=access-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(page, "Annotator");
        await page.Locator("[data-testid=access-add]").ClickAsync();
        await Expect(page.Locator("[data-testid=people-with-access] tr").Filter(new() { HasText = "Walt Worker" }))
            .ToContainTextAsync("Direct: Annotator");

        // She is now an Acme member: a Workforce Tasker, and the Users list names her home workspace.
        await page.GotoAsync("/settings/users");
        var row = page.Locator("tr").Filter(new() { HasText = "walt@labelforce.example" });
        await Expect(row.Locator("[data-testid=row-user-type]")).ToHaveTextAsync("Workforce · from Label Force");
        await Expect(row).ToContainTextAsync("Tasker");
        await BrowserSession.ScreenshotAsync(page, "users-workforce-member");

        // Label Force's audit log records the lending.
        await wendyPage.GotoAsync("/settings/audit");
        await Expect(wendyPage.Locator("body")).ToContainTextAsync("Workforce Tasker in \"Acme Vision\"");

        // Walt is told on Home, switches to Acme Vision and works on the Project.
        var waltPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(waltPage, walt);
        await Expect(waltPage.Locator("[data-testid=home-notice]"))
            .ToContainTextAsync("Fiona Founder added you to Acme Vision as a Workforce Tasker, lent by Label Force, with access to Project \"Perception\".");
        await BrowserSession.ScreenshotAsync(waltPage, "workforce-home-notice");
        await waltPage.Locator("[data-testid=workspace-switcher]").ClickAsync();
        await Expect(waltPage.Locator("[data-testid=create-workspace]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(waltPage, "workspace-switcher-menu");
        await waltPage.Locator(".mud-popover-open .mud-menu-item").Filter(new() { HasText = "Acme Vision · Tasker" }).ClickAsync();
        await Expect(waltPage.Locator("[data-testid=workspace-switcher]")).ToContainTextAsync("Acme Vision");
        await waltPage.GotoAsync("/projects");
        await Expect(waltPage.Locator("[data-testid=resource-grid]")).ToContainTextAsync("Perception");
    }
}
