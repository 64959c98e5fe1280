using Dashboard.App.Operations;
using Dashboard.Domain.Persistence;
using Dashboard.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Every page of the demo, signed in as its Admin, in the light and the dark theme, has no serious or critical
/// violation of the WCAG 2.1 A and AA rules as Deque's axe-core finds them. A failure names the rule and the elements.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class AccessibilityTests : BrowserJourney
{
    private static readonly List<string> Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DemoData.SeedAsync(Session.App.Services);
    }

    private async Task<string> FirstIdAsync(Func<DashboardDbContext, Task<Guid>> read)
    {
        await using var db = await Session.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return (await read(db)).ToString();
    }

    /// <summary>The serious and critical violations on what the page shows now, one line per rule and its elements.</summary>
    internal static async Task<List<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Wcag21AA } });
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url} [{v.Impact}] {v.Id}: {v.Help} — " + string.Join("; ", v.Nodes.Take(5).Select(n =>
                    (n.Html.Length > 160 ? n.Html[..160] + "…" : n.Html) + " (" + string.Join(" ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)) + ")"))
                         + (v.Nodes.Length > 5 ? $" (and {v.Nodes.Length - 5} more)" : ""))
            .ToList();
    }

    private async Task<IPage> SignedInPageAsync(ColorScheme scheme)
    {
        var page = await Session.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = scheme });
        await BrowserSession.SignInAsync(page, DemoData.AdminEmail, DemoData.Password);
        return page;
    }

    private async Task AssertPagesAsync(ColorScheme scheme, params string[] paths)
    {
        var page = await SignedInPageAsync(scheme);
        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await BrowserSession.WaitForInteractiveAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found.AddRange(await ViolationsAsync(page));
            // Every page in both themes, for a person to look at (TestResults/screenshots/theme-…).
            await BrowserSession.ScreenshotAsync(page, $"theme-{scheme.ToString().ToLowerInvariant()}-{ScreenshotName(path)}");
        }
        Assert.True(found.Count == 0, $"{scheme} theme:\n" + string.Join("\n", found));
    }

    private static string ScreenshotName(string path) =>
        path == "/" ? "home" : string.Join("-", path.Trim('/').Split('/').Select(part => Guid.TryParse(part, out _) ? "one" : part));

    [BrowserFact]
    public async Task TheSettingsTabs_HaveNoSeriousViolations_LightAndDark()
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            await AssertPagesAsync(scheme, "/settings/users", "/settings/groups", "/settings/project-tags", "/settings/issue-tags",
                "/settings/activity", "/settings/audit");
    }

    [BrowserFact]
    public async Task HomeResourcesAndDetails_HaveNoSeriousViolations_LightAndDark()
    {
        var project = await FirstIdAsync(db => db.Projects.OrderBy(p => p.NormalizedName).Select(p => p.Id).FirstAsync());
        var group = await FirstIdAsync(db => db.Groups.OrderBy(g => g.NormalizedName).Select(g => g.Id).FirstAsync());
        var member = await FirstIdAsync(db => db.Members.Where(m => m.AccountId != null).OrderBy(m => m.DisplayName).Select(m => m.Id).FirstAsync());
        var dataset = await FirstIdAsync(db => db.Datasets.OrderBy(d => d.NormalizedName).Select(d => d.Id).FirstAsync());
        var ontology = await FirstIdAsync(db => db.Ontologies.OrderBy(o => o.NormalizedName).Select(o => o.Id).FirstAsync());
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            await AssertPagesAsync(scheme, "/", "/projects", "/datasets", "/ontologies", $"/projects/{project}", $"/datasets/{dataset}",
                $"/ontologies/{ontology}", $"/groups/{group}", $"/settings/users/{member}", "/account/security");
    }

    [BrowserFact]
    public async Task EveryDialog_HasNoSeriousViolations_LightAndDark()
    {
        var group = await FirstIdAsync(db => db.Groups.OrderBy(g => g.NormalizedName).Select(g => g.Id).FirstAsync());
        var member = await FirstIdAsync(db => db.Members.Where(m => m.AccountId != null && m.Role != Dashboard.Domain.Access.WorkspaceRole.Admin)
            .OrderBy(m => m.DisplayName).Select(m => m.Id).FirstAsync());
        var dataset = await FirstIdAsync(db => db.Datasets.OrderBy(d => d.NormalizedName).Select(d => d.Id).FirstAsync());
        var project = await FirstIdAsync(db => db.Projects.OrderBy(p => p.NormalizedName).Select(p => p.Id).FirstAsync());
        (string Path, string[] Clicks)[] dialogs =
        [
            ("/settings/users", ["[data-testid=invite-users]"]),
            ("/settings/groups", ["[data-testid=create-group]"]),
            ($"/groups/{group}", ["[data-testid=group-assign]"]),
            ($"/settings/users/{member}", ["[data-testid=member-assign]"]),
            ($"/settings/users/{member}", ["[data-testid=member-menu]", "[data-testid=remove-user]"]),
            ($"/datasets/{dataset}", ["[data-testid=resource-import]"]),
            ($"/projects/{project}", ["[data-testid=add-access]"]),
        ];
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await SignedInPageAsync(scheme);
            var found = new List<string>();
            foreach (var (path, clicks) in dialogs)
            {
                await page.GotoAsync(path);
                await BrowserSession.WaitForInteractiveAsync(page);
                foreach (var click in clicks) await page.Locator(click).ClickAsync();
                await page.Locator(".mud-dialog").WaitForAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                found.AddRange((await ViolationsAsync(page)).Select(v => $"{string.Join(" → ", clicks)}: {v}"));
            }
            Assert.True(found.Count == 0, $"{scheme} theme:\n" + string.Join("\n", found));
        }
    }

    [BrowserFact]
    public async Task TheUsersTable_At1400Pixels_KeepsNamesAndDetailsLinksOnOneLine()
    {
        var page = await SignedInPageAsync(ColorScheme.Light);
        await page.SetViewportSizeAsync(1400, 900);
        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=user-details]").First).ToBeVisibleAsync();
        // A text that wraps lies on more than one line box: its range has a client rectangle per line.
        var wrapped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("[data-testid=users-grid] tbody tr")].flatMap(row =>
                [row.querySelector(".row-with-icon > span:last-child"), row.querySelector("[data-testid=user-details]")])
              .filter(e => {
                if (!e) return false;
                const range = document.createRange();
                range.selectNodeContents(e);
                return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
              })
              .map(e => e.textContent)
            """);
        await BrowserSession.ScreenshotAsync(page, "users-at-1400px");
        Assert.True(wrapped.Length == 0, "Wrapped at 1400 px: " + string.Join(", ", wrapped));
        // ...and the table fits: no column hides behind a horizontal scroll.
        Assert.True(await page.Locator("[data-testid=users-grid] .mud-table-container").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"),
            "The Users table scrolls sideways at 1400 px.");
    }

    [BrowserFact]
    public async Task AProjectsMembers_At1400Pixels_FitTheirCard_AndTheirAccessWrapsByPhrase()
    {
        var project = await FirstIdAsync(db => db.Projects.OrderBy(p => p.NormalizedName).Select(p => p.Id).FirstAsync());
        var page = await SignedInPageAsync(ColorScheme.Light);
        await page.SetViewportSizeAsync(1400, 900);
        await page.GotoAsync($"/projects/{project}");
        await BrowserSession.WaitForInteractiveAsync(page);
        var members = page.Locator("[data-testid=people-with-access]");
        await Expect(members.Locator("tbody tr").First).ToBeVisibleAsync();
        var accessWidths = await members.EvaluateAsync<double[]>(
            "t => [...t.querySelectorAll('tbody tr td:nth-child(2)')].map(td => td.getBoundingClientRect().width)");
        await BrowserSession.ScreenshotAsync(page, "project-members-at-1400px");
        Assert.All(accessWidths, width => Assert.True(width >= 150, $"An Access cell is {width:0} px wide: it wraps word by word."));
        Assert.True(await members.Locator(".mud-table-container").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"),
            "The Members table scrolls sideways at 1400 px.");
    }

    [BrowserFact]
    public async Task TheSignedOutPages_HaveNoSeriousViolations_LightAndDark()
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await Session.NewPageAsync();
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var found = new List<string>();
            // Rendered on the server as plain forms (no circuit): checked once loaded.
            foreach (var path in new[] { "/account/login", "/account/forgot-password" })
            {
                await page.GotoAsync(path);
                await page.Locator("form").First.WaitForAsync();
                found.AddRange(await ViolationsAsync(page));
                await BrowserSession.ScreenshotAsync(page, $"theme-{scheme.ToString().ToLowerInvariant()}-{ScreenshotName(path)}");
            }
            Assert.True(found.Count == 0, $"{scheme} theme:\n" + string.Join("\n", found));
        }
    }
}
