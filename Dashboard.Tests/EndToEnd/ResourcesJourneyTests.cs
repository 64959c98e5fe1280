using Dashboard.Domain.Access;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class ResourcesJourneyTests : BrowserJourney
{
    private static async Task CreateAsync(IPage page, string listPath, string button, string name)
    {
        await page.GotoAsync(listPath);
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.Locator("[data-testid=resource-name]").FillAsync(name);
        await page.Locator("[data-testid=resource-submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    [BrowserFact]
    public Task AMemberCreatesAProject_AddsAnAnnotator_WhoSeesIt_WhileAThirdMemberDoesNot() =>
        Session.JourneyAsync(AMemberCreatesAProject_AddsAnAnnotator_WhoSeesIt_WhileAThirdMemberDoesNotJourneyAsync);

    private async Task AMemberCreatesAProject_AddsAnAnnotator_WhoSeesIt_WhileAThirdMemberDoesNotJourneyAsync()
    {
        await Session.SetUpAsync();
        var creator = await Session.AddMemberAsync("mo@acme.example", "Mo Member", WorkspaceRole.Member);
        var annotator = await Session.AddMemberAsync("ann@acme.example", "Ann Annotator", WorkspaceRole.Member);
        var outsider = await Session.AddMemberAsync("otto@acme.example", "Otto Outsider", WorkspaceRole.Member);

        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, creator);
        await page.GotoAsync("/projects");
        await Expect(page.Locator("[data-testid=resources-empty]")).ToContainTextAsync("No projects yet");

        await CreateAsync(page, "/ontologies", "New ontology", "Road objects");
        await CreateAsync(page, "/datasets", "New dataset", "Dashcam Berlin");
        await CreateAsync(page, "/datasets", "New dataset", "Dashcam Lagos");

        // The Project: a name, its one Ontology and two Datasets.
        await page.GotoAsync("/projects");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "New project" }).ClickAsync();
        // Into the Name field first, as a person would: a click on Create in the dialog's very first moments was lost
        // once in CI (the dialog renders twice as it opens).
        await page.Locator("[data-testid=resource-name]").ClickAsync();
        await page.Locator("[data-testid=resource-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=resource-form]")).ToContainTextAsync("Project name is required.");
        await page.Locator("[data-testid=resource-name]").FillAsync("Urban perception");
        await page.Locator("[data-testid=resource-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=resource-form]")).ToContainTextAsync("Choose the Ontology this Project uses.");
        await page.Locator("[data-testid=resource-ontology]").FillAsync("Road");
        await BrowserSession.PickOptionAsync(page, "Road objects");
        foreach (var dataset in new[] { "Dashcam Berlin", "Dashcam Lagos" })
        {
            await page.Locator("[data-testid=resource-datasets]").FillAsync(dataset);
            await BrowserSession.PickOptionAsync(page, dataset);
            // The pick becomes a chip and the box empties itself; typing before that would be wiped.
            await Expect(page.Locator(".mud-chip").Filter(new() { HasText = dataset })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=resource-datasets]")).ToHaveValueAsync("");
        }
        await BrowserSession.ScreenshotAsync(page, "project-create-dialog");
        await page.Locator("[data-testid=resource-submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Urban perception");
        await Expect(page.Locator("[data-testid=project-ontology]")).ToHaveTextAsync("Road objects");
        await Expect(page.Locator("[data-testid=project-datasets]")).ToContainTextAsync("Dashcam Berlin");
        await Expect(page.Locator("[data-testid=project-datasets]")).ToContainTextAsync("Dashcam Lagos");

        // Add Ann as Annotator.
        await page.Locator("[data-testid=add-access]").ClickAsync();
        await page.Locator("[data-testid=access-search]").FillAsync("Ann");
        await BrowserSession.PickOptionAsync(page, "Ann Annotator");
        await page.Locator("[data-testid=access-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(page, "Annotator");
        await page.Locator("[data-testid=access-add]").ClickAsync();
        var annRow = page.Locator("[data-testid=people-with-access] tr").Filter(new() { HasText = "Ann Annotator" });
        await Expect(annRow).ToContainTextAsync("Direct: Annotator");
        await BrowserSession.ScreenshotAsync(page, "project-page");
        var projectUrl = page.Url;

        // Ann sees the Project; Otto sees none and cannot open it by address.
        var annPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(annPage, annotator);
        await annPage.GotoAsync("/projects");
        await Expect(annPage.Locator("[data-testid=resource-grid]")).ToContainTextAsync("Urban perception");
        await annPage.GotoAsync(projectUrl);
        await Expect(annPage.Locator("h1")).ToHaveTextAsync("Urban perception");
        await Expect(annPage.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);

        var ottoPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(ottoPage, outsider);
        await ottoPage.GotoAsync("/projects");
        await Expect(ottoPage.Locator("[data-testid=resources-empty]")).ToBeVisibleAsync();
        await ottoPage.GotoAsync(projectUrl);
        await Expect(ottoPage.Locator("[data-testid=resource-missing]")).ToContainTextAsync("does not exist, or you have no access");
    }

    [BrowserFact]
    public Task DeletingADatasetInUse_IsRefusedWithTheProjectsName() =>
        Session.JourneyAsync(DeletingADatasetInUse_IsRefusedWithTheProjectsNameJourneyAsync);

    private async Task DeletingADatasetInUse_IsRefusedWithTheProjectsNameJourneyAsync()
    {
        await Session.SetUpAsync();
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "fiona@acme.example");
        await CreateAsync(page, "/ontologies", "New ontology", "Shelf products");
        await CreateAsync(page, "/datasets", "New dataset", "Store shelves");
        var datasetUrl = page.Url;
        await page.GotoAsync("/projects");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "New project" }).ClickAsync();
        await page.Locator("[data-testid=resource-name]").FillAsync("Shelf compliance");
        await page.Locator("[data-testid=resource-ontology]").FillAsync("Shelf");
        await BrowserSession.PickOptionAsync(page, "Shelf products");
        await page.Locator("[data-testid=resource-datasets]").FillAsync("Store");
        await BrowserSession.PickOptionAsync(page, "Store shelves");
        await page.Locator("[data-testid=resource-submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Shelf compliance");

        await page.GotoAsync(datasetUrl);
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("\"Store shelves\" is used by \"Shelf compliance\". Detach it from that Project first.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Store shelves");
    }
}
