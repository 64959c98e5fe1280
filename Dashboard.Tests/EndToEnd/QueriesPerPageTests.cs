using System.Globalization;
using System.Text;
using Dashboard.App.Operations;
using Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// What one visit of each main page costs the database, on the demo workspace: every SQL command from the request
/// until the page is interactive, shows its rows and has gone quiet. Each thing is read once per visit.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class QueriesPerPageTests(ITestOutputHelper output) : BrowserJourney
{
    /// <summary>
    /// Page, what shows it is ready, and the most SQL commands a visit by address may send: what one sent when this
    /// test was last tightened (prerender and circuit both included) and a little room. About ten are the same for
    /// every page — the cookie's stamp on the page, negotiate and connect requests, the layout's reads and the acting
    /// member, each once while prerendering and once in the circuit — so a budget broken by much means something on
    /// that page reads more than once.
    /// </summary>
    private static readonly (string Path, string Ready, int Budget)[] Pages =
    [
        ("/", "[data-testid=home-role]", 24),
        ("/settings/users", "[data-testid=users-grid] tbody tr", 25),
        ("/settings/groups", "[data-testid=groups-grid] tbody tr", 18),
        ("/settings/project-tags", "[data-testid=tag-chip]", 18),
        ("/settings/issue-tags", "[data-testid=tag-chip]", 18),
        ("/settings/activity", "[data-testid=activity-grid] tbody tr", 20),
        ("/projects", "[data-testid=resource-grid] tbody tr", 22),
    ];

    /// <summary>
    /// The budgets count what a page sends. The import worker looks for queued imports every few seconds and renews
    /// its leases, and the change-feed reader looks for other processes' changes every second: here their rounds are
    /// spaced out of the way (the worker still wakes at once for an import queued here).
    /// </summary>
    protected override void ConfigureApp(DashboardAppFactory app)
    {
        app.Settings["Dashboard:Jobs:PollSeconds"] = "3600";
        app.Settings["Dashboard:Jobs:LeaseSeconds"] = "3600";
        app.Settings["Dashboard:Events:PollSeconds"] = "3600";
    }

    /// <summary>
    /// Moving between pages inside an open circuit (a menu link, a tab): the layout stays, so a page costs only
    /// what it shows — the acting member and its own first rows.
    /// </summary>
    private const int InAppBudget = 8;

    [BrowserFact]
    public Task EachMainPage_ReachedInsideTheApp_ReadsAtMostEight() =>
        Session.JourneyAsync(EachMainPage_ReachedInsideTheApp_ReadsAtMostEightJourneyAsync);

    private async Task EachMainPage_ReachedInsideTheApp_ReadsAtMostEightJourneyAsync()
    {
        await DemoData.SeedAsync(Session.App.Services);
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, DemoData.AdminEmail, DemoData.Password);
        // Each page is reached from the one before it in the list, the first from the last.
        await page.GotoAsync(Pages[^1].Path);
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator(Pages[^1].Ready).First.WaitForAsync();
        await QuietAsync();

        var report = new StringBuilder();
        var over = new List<string>();
        foreach (var (path, ready, _) in Pages)
        {
            var commands = await VisitAsync(() => page.EvaluateAsync("path => Blazor.navigateTo(path)", path), page.Locator(ready).First);
            report.AppendLine(CultureInfo.InvariantCulture, $"{path}: {commands.Count} commands (budget {InAppBudget})");
            foreach (var group in commands.GroupBy(Shape).OrderByDescending(g => g.Count()))
                report.AppendLine(CultureInfo.InvariantCulture, $"    {group.Count()}× {group.Key}");
            if (commands.Count > InAppBudget) over.Add($"{path}: {commands.Count} > {InAppBudget}");
        }
        output.WriteLine(report.ToString());
        Assert.True(over.Count == 0, "Over budget:\n" + string.Join("\n", over) + "\n\n" + report);
    }

    [BrowserFact]
    public Task EachMainPage_ReadsWithinItsBudget() => Session.JourneyAsync(EachMainPage_ReadsWithinItsBudgetJourneyAsync);

    private async Task EachMainPage_ReadsWithinItsBudgetJourneyAsync()
    {
        await DemoData.SeedAsync(Session.App.Services);
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, DemoData.AdminEmail, DemoData.Password);

        var report = new StringBuilder();
        var over = new List<string>();
        foreach (var (path, ready, budget) in Pages)
        {
            var commands = await VisitAsync(async () =>
            {
                await page.GotoAsync(path);
                await BrowserSession.WaitForInteractiveAsync(page);
            }, page.Locator(ready).First);
            report.AppendLine(CultureInfo.InvariantCulture, $"{path}: {commands.Count} commands (budget {budget})");
            foreach (var group in commands.GroupBy(Shape).Where(g => g.Count() > 1).OrderByDescending(g => g.Count()))
                report.AppendLine(CultureInfo.InvariantCulture, $"    {group.Count()}× {group.Key}");
            if (commands.Count > budget) over.Add($"{path}: {commands.Count} > {budget}");
        }
        output.WriteLine(report.ToString());
        Assert.True(over.Count == 0, "Over budget:\n" + string.Join("\n", over) + "\n\n" + report);
    }

    private async Task<IReadOnlyList<string>> VisitAsync(Func<Task> go, ILocator ready)
    {
        var mark = Session.App.Sql.Count;
        await go();
        await ready.WaitForAsync();
        await QuietAsync();
        return Session.App.Sql.Since(mark);
    }

    /// <summary>Nothing more sent for half a second.</summary>
    private async Task QuietAsync()
    {
        for (var last = -1; last != Session.App.Sql.Count;)
        {
            last = Session.App.Sql.Count;
            await Task.Delay(500);
        }
    }

    /// <summary>A command without its parameter values, to see what ran more than once.</summary>
    private static string Shape(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 140 ? flat : flat[..140] + "…";
    }
}
