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
    /// Page, what shows it is ready, and the most SQL commands one visit may send: what a visit sent when this test
    /// was written (prerender and circuit both included) and a little room. Most of it is the same for every page —
    /// the cookie's stamp checked on each request, the acting member read by the layout and the page — so a budget
    /// broken by much means something on that page reads more than once.
    /// </summary>
    private static readonly (string Path, string Ready, int Budget)[] Pages =
    [
        ("/", "[data-testid=home-role]", 42),
        ("/settings/users", "[data-testid=users-grid] tbody tr", 47),
        ("/settings/groups", "[data-testid=groups-grid] tbody tr", 34),
        ("/settings/project-tags", "[data-testid=tag-chip]", 36),
        ("/settings/issue-tags", "[data-testid=tag-chip]", 36),
        ("/settings/activity", "[data-testid=activity-grid] tbody tr", 36),
        ("/projects", "[data-testid=resource-grid] tbody tr", 39),
    ];

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
            var commands = await VisitAsync(page, path, ready);
            report.AppendLine(CultureInfo.InvariantCulture, $"{path}: {commands.Count} commands (budget {budget})");
            foreach (var group in commands.GroupBy(Shape).Where(g => g.Count() > 1).OrderByDescending(g => g.Count()))
                report.AppendLine(CultureInfo.InvariantCulture, $"    {group.Count()}× {group.Key}");
            if (commands.Count > budget) over.Add($"{path}: {commands.Count} > {budget}");
        }
        output.WriteLine(report.ToString());
        Assert.True(over.Count == 0, "Over budget:\n" + string.Join("\n", over) + "\n\n" + report);
    }

    private async Task<IReadOnlyList<string>> VisitAsync(IPage page, string path, string ready)
    {
        var mark = Session.App.Sql.Count;
        await page.GotoAsync(path);
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator(ready).First.WaitForAsync();
        // Quiet: nothing more for half a second.
        for (var last = -1; last != Session.App.Sql.Count;)
        {
            last = Session.App.Sql.Count;
            await Task.Delay(500);
        }
        return Session.App.Sql.Since(mark);
    }

    /// <summary>A command without its parameter values, to see what ran more than once.</summary>
    private static string Shape(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 140 ? flat : flat[..140] + "…";
    }
}
