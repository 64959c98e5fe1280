using Dashboard.App.Operations;
using Dashboard.Domain.Persistence;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// A normal session leaves nothing in the log an operator would have to look into: every main page opened, reloaded,
/// left by a link and closed mid-circuit (a tab closed, a dialog still open) logs no Error.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class CleanLogTests : BrowserJourney
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DemoData.SeedAsync(Session.App.Services);
    }

    [BrowserFact]
    public Task OpeningReloadingAndClosingEveryMainPage_LogsNoError() =>
        Session.JourneyAsync(OpeningReloadingAndClosingEveryMainPage_LogsNoErrorJourneyAsync);

    private async Task OpeningReloadingAndClosingEveryMainPage_LogsNoErrorJourneyAsync()
    {
        var (member, group, project) = await SomeOfEachAsync();
        string[] addresses =
        [
            "/", "/settings/users", "/settings/groups", "/settings/project-tags", "/settings/issue-tags", "/settings/activity",
            "/settings/audit", "/projects", "/datasets", "/ontologies", $"/settings/users/{member}", $"/groups/{group}",
            $"/projects/{project}", "/account/security",
        ];
        var page = await SignedInPageAsync();
        foreach (var address in addresses)
        {
            await page.GotoAsync(address);
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.ReloadAsync();
            await BrowserSession.WaitForInteractiveAsync(page);
        }

        // Away by a link inside the app, then the tab closed while its circuit is live, on each settings tab.
        foreach (var tab in new[] { "users", "groups", "project-tags", "issue-tags", "activity" })
        {
            var closing = await SignedInPageAsync();
            await closing.GotoAsync($"/settings/{tab}");
            await BrowserSession.WaitForInteractiveAsync(closing);
            // Inside the app a link moves without loading a document, so the address is watched, not a load event.
            await closing.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
            await Assertions.Expect(closing).ToHaveURLAsync(Session.BaseUrl + "/");
            await closing.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(closing).ToHaveURLAsync(Session.BaseUrl + $"/settings/{tab}");
            await BrowserSession.WaitForInteractiveAsync(closing);
            await closing.CloseAsync();
        }

        // A dialog still open when its tab goes.
        var withDialog = await SignedInPageAsync();
        await withDialog.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(withDialog);
        await withDialog.Locator("[data-testid=invite-users]").ClickAsync();
        await Expect(withDialog.Locator(".mud-dialog")).ToBeVisibleAsync();
        await withDialog.CloseAsync();

        // The server notices closed tabs within moments; what it logs then is what an operator would find.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(Session.App.Errors.Entries.Count == 0, string.Join(Environment.NewLine, Session.App.Errors.Entries));
    }

    [BrowserFact]
    public void TheLogCapture_HearsWhatTheAppLogsAsError()
    {
        var logger = Session.App.Services.GetRequiredService<ILogger<CleanLogTests>>();

        logger.LogError("A probe of the capture");
        logger.LogWarning("Not an error");

        Assert.Equal([$"Error {typeof(CleanLogTests).FullName}: A probe of the capture"], Session.App.Errors.Entries);
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, DemoData.AdminEmail, DemoData.Password);
        return page;
    }

    private async Task<(Guid Member, Guid Group, Guid Project)> SomeOfEachAsync()
    {
        await using var db = await Session.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return (await db.Members.Select(m => m.Id).FirstAsync(), await db.Groups.Select(g => g.Id).FirstAsync(),
            await db.Projects.Select(p => p.Id).FirstAsync());
    }
}
