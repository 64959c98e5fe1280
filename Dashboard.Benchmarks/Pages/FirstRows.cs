using System.Diagnostics;
using System.Globalization;
using Dashboard.Benchmarks.Harness;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks.Pages;

/// <summary>
/// From asking for a list's address to its first rows on screen, against the app's own not-found page in the same
/// run and the same signed-in browser: what a list adds to a navigation.
/// </summary>
public static class FirstRows
{
    private const int Rounds = 15;
    private const double TargetRatio = 2;

    private static readonly (string Name, string Path, string Shown)[] Targets =
    [
        ("Not-found page (anchor)", "/no-such-page", "h1:has-text('Page not found')"),
        ("Users", "/settings/users", "[data-testid=users-grid] tbody tr"),
        ("Activity Center", "/settings/activity", "[data-testid=activity-grid] tbody tr"),
    ];

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("Publishing the app (Release)...");
        var app = await Builds.PublishAppAsync();
        var data = Directory.CreateTempSubdirectory("dashboard-perf-data-").FullName;
        try
        {
            await using var server = await MeasuredServer.StartAsync(app, "Dashboard.App.dll",
                new Dictionary<string, string> { ["DASHBOARD_DATA"] = data }, "--demo");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(Browser.Options);
            await using var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString() });
            await Demo.SignInAsync(context);
            var page = await context.NewPageAsync();

            // Rounds alternate between the pages, so a noisy moment falls on all of them alike.
            var times = Targets.ToDictionary(t => t.Name, _ => new List<double>());
            for (var round = 0; round <= Rounds; round++)
            {
                foreach (var (name, path, shown) in Targets)
                {
                    var clock = Stopwatch.StartNew();
                    await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
                    await page.Locator(shown).First.WaitForAsync();
                    // The first round warms both sides up and is not counted.
                    if (round > 0) times[name].Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            var anchor = Stats.Median(times[Targets[0].Name]);
            Console.WriteLine();
            Console.WriteLine($"Navigation → first rows on screen, median of {Rounds} (a full page load each)");
            Console.WriteLine();
            Console.WriteLine("| Page | Median | Ratio to not-found | Target |");
            Console.WriteLine("|---|---|---|---|");
            var missed = 0;
            foreach (var (name, _, _) in Targets)
            {
                var median = Stats.Median(times[name]);
                var ratio = median / anchor;
                var verdict = name == Targets[0].Name ? "anchor" : ratio <= TargetRatio ? $"≤ {TargetRatio}×: met" : $"≤ {TargetRatio}×: MISSED";
                if (verdict.EndsWith("MISSED", StringComparison.Ordinal)) missed++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:0} ms | {ratio:0.0}× | {verdict} |"));
            }
            return missed == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
