using Dashboard.App.Operations;
using Dashboard.Domain.Access;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class DemoAndWorkspaceSwitchTests : BrowserJourney
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DemoData.SeedAsync(Session.App.Services);

        // The demo Admin is also a Tasker in a second workspace.
        var factory = Session.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var admin = await db.Users.SingleAsync(a => a.Email == DemoData.AdminEmail);
        var beta = new Workspace("Beta Labs", isWorkforce: false, DateTimeOffset.UtcNow);
        db.Workspaces.Add(beta);
        db.Members.Add(WorkspaceMember.Joined(beta.Id, admin.Id, admin.Email!, admin.DisplayName, WorkspaceRole.Tasker,
            UserType.External, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoData.AdminEmail);
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await BrowserSession.WaitForInteractiveAsync(page);
    }

    [BrowserFact]
    public Task Demo_FillsEveryTab_AndTheWorkspaceChoicePersistsAcrossSignIns() =>
        Session.JourneyAsync(Demo_FillsEveryTab_AndTheWorkspaceChoicePersistsAcrossSignInsJourneyAsync);

    private async Task Demo_FillsEveryTab_AndTheWorkspaceChoicePersistsAcrossSignInsJourneyAsync()
    {
        var page = await Session.NewPageAsync();
        await SignInAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync(DemoData.WorkspaceName);

        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=users-grid]").GetByText("1-25 of 50")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "demo-users");

        await page.GetByPlaceholder("Search name or email").FillAsync("labelforce");
        await Expect(page.Locator("[data-testid=users-grid] tbody tr").First).ToContainTextAsync("labelforce.example");
        await Expect(page.Locator("[data-testid=row-user-type]").GetByText($"Workforce · from {DemoData.WorkforceWorkspaceName}").First)
            .ToBeVisibleAsync();

        foreach (var (slug, marker, expected) in new[]
                 {
                     ("groups", "[data-testid=groups-grid]", "Quality reviewers"),
                     ("project-tags", "[data-testid=tag-list]", "Automotive"),
                     ("issue-tags", "[data-testid=tag-list]", "Wrong class"),
                     ("activity", "[data-testid=activity-grid]", "Data import"),
                 })
        {
            await page.GotoAsync($"/settings/{slug}");
            await BrowserSession.WaitForInteractiveAsync(page);
            await Expect(page.Locator(marker)).ToContainTextAsync(expected);
            await BrowserSession.ScreenshotAsync(page, $"demo-{slug}");
        }

        // The demo's imports brought real files, and its model training was started by a worker's API key.
        await page.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=activity-grid] tbody tr").Filter(new() { HasText = "Model training" }).First)
            .ToContainTextAsync("API key Training cluster");
        await page.Locator("[data-testid=job-folder]").First.ClickAsync();
        await page.WaitForURLAsync("**/activity/jobs/*/files");
        var files = page.Locator("[data-testid=job-files] tbody tr");
        await Expect(files.First).ToContainTextAsync("frame_0001.bmp");
        Assert.True(await files.CountAsync() >= 6);
        var download = await page.Locator("[data-testid=job-files] a").First.GetAttributeAsync("href");
        var image = await page.APIRequest.GetAsync(download!);
        Assert.Equal(200, image.Status);
        Assert.Equal("BM"u8.ToArray(), (await image.BodyAsync())[..2]);
        await BrowserSession.ScreenshotAsync(page, "demo-import-files");
        await page.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(page);

        // Switch to the workspace where this person is a Tasker: the whole app follows.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch workspace" }).ClickAsync();
        await page.GetByText("Beta Labs · Tasker").ClickAsync();
        await page.WaitForURLAsync("**/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-tab")).ToHaveTextAsync(["Groups", "Activity Center"]);
        await page.GotoAsync("/settings/users");
        await Expect(page.Locator("[data-testid=not-allowed]")).ToContainTextAsync("cannot see other workspace members");
        await BrowserSession.ScreenshotAsync(page, "tasker-users-not-allowed");

        // The choice is kept with the account, not the browser session.
        var elsewhere = await Session.NewPageAsync();
        await SignInAsync(elsewhere);
        await Expect(elsewhere.Locator("h1")).ToHaveTextAsync("Beta Labs");
        await Expect(elsewhere.Locator("[data-testid=home-role]")).ToHaveTextAsync("Tasker");
    }

    [BrowserFact]
    public Task TheThemeSwitch_PaintsTheDarkPalette_AndTheChoiceOutlivesAReload() =>
        Session.JourneyAsync(TheThemeSwitch_PaintsTheDarkPalette_AndTheChoiceOutlivesAReloadJourneyAsync);

    private async Task TheThemeSwitch_PaintsTheDarkPalette_AndTheChoiceOutlivesAReloadJourneyAsync()
    {
        var page = await Session.NewPageAsync();
        await SignInAsync(page);
        const string background = "getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";
        var light = await page.EvaluateAsync<string>(background);
        Assert.False(string.IsNullOrEmpty(light), "The theme's CSS variables are on the page.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch theme" }).ClickAsync();
        await page.WaitForFunctionAsync($"{background} !== '{light}'");
        await page.GotoAsync("/settings/users");
        // Dark from the first paint: the server-rendered page, before its circuit has started, is already dark.
        Assert.NotEqual(light, await page.EvaluateAsync<string>(background));
        await BrowserSession.WaitForInteractiveAsync(page);
        Assert.NotEqual(light, await page.EvaluateAsync<string>(background));
        await BrowserSession.ScreenshotAsync(page, "demo-users-dark");

        // The server-rendered pages (no circuit at all) follow the same choice.
        var plain = await page.Context.NewPageAsync();
        await plain.GotoAsync(Session.BaseUrl + "/account/forgot-password");
        Assert.Equal("#1c1c24", await plain.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--plain-card').trim()"));
        await plain.CloseAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch theme" }).ClickAsync();
        await page.WaitForFunctionAsync($"{background} === '{light}'");
    }
}
