using System.Globalization;
using Dashboard.Benchmarks.Harness;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks.Circuits;

/// <summary>
/// GC heap each idle circuit holds, page by page, against the stock template's Counter page in the same run:
/// a fresh server per page, a few warm-up circuits, then N more browser pages left open; (heap after − heap
/// before) / N is one circuit's share.
/// </summary>
public static class CircuitMemory
{
    private const int WarmUpCircuits = 2;
    /// <summary>Each page's target: at most this many times the stock template's circuit.</summary>
    private const double TargetRatio = 3;

    public static readonly IReadOnlyList<(string Name, string Path)> Pages =
    [
        ("Home", "/"),
        ("Users", "/settings/users"),
        ("Groups", "/settings/groups"),
        ("Project tags", "/settings/project-tags"),
        ("Issue tags", "/settings/issue-tags"),
        ("Activity Center", "/settings/activity"),
        ("Projects", "/projects"),
    ];

    public static async Task<int> RunAsync(int circuits, IReadOnlyCollection<string> only, bool explain)
    {
        Console.WriteLine($"Publishing both apps (Release)...");
        var app = await Builds.PublishAppAsync();
        var stock = await Builds.PublishStockTemplateAsync();
        var data = Directory.CreateTempSubdirectory("dashboard-perf-data-").FullName;
        var appEnvironment = new Dictionary<string, string> { ["DASHBOARD_DATA"] = data };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Browser.Options);
        try
        {
            // The demo workspace is seeded once; every later server opens the same data folder.
            await using (await MeasuredServer.StartAsync(app, "Dashboard.App.dll", appEnvironment, "--demo")) { }

            var anchor = await MeasureAsync(browser, circuits,
                () => MeasuredServer.StartAsync(stock, "StockTemplate.dll", new Dictionary<string, string>()),
                "/counter", signIn: null, OpenStockCounterAsync, explain);
            Console.WriteLine();
            Console.WriteLine($"GC heap per idle circuit, N = {circuits} (stock template Counter page: {Kb(anchor)})");
            Console.WriteLine();
            Console.WriteLine("| Page | Per circuit | Stock template | Ratio | Target |");
            Console.WriteLine("|---|---|---|---|---|");
            var failed = 0;
            foreach (var (name, path) in Pages.Where(p => only.Count == 0 || only.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
            {
                var perCircuit = await MeasureAsync(browser, circuits,
                    () => MeasuredServer.StartAsync(app, "Dashboard.App.dll", appEnvironment),
                    path, Demo.SignInAsync, Demo.WaitUntilLiveAsync, explain);
                var ratio = perCircuit / anchor;
                if (ratio > TargetRatio) failed++;
                Console.WriteLine($"| {name} | {Kb(perCircuit)} | {Kb(anchor)} | {ratio.ToString("0.0", CultureInfo.InvariantCulture)}× | ≤ {TargetRatio}× {(ratio > TargetRatio ? "MISSED" : "met")} |");
            }
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<double> MeasureAsync(IBrowser browser, int circuits, Func<Task<MeasuredServer>> startServer,
        string path, Func<IBrowserContext, Task>? signIn, Func<IPage, Task> waitUntilLive, bool explain)
    {
        await using var server = await startServer();
        await using var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString() });
        if (signIn is not null) await signIn(context);

        async Task OpenAsync()
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await waitUntilLive(page);
        }

        for (var i = 0; i < WarmUpCircuits; i++) await OpenAsync();
        await Task.Delay(1000);
        var before = await server.LiveHeapBytesAsync();
        var snapshot = explain ? await HeapSnapshot.TakeAsync(server) : null;
        for (var i = 0; i < circuits; i++) await OpenAsync();
        // Pages load their rows after the circuit starts; let every one settle before counting.
        await Task.Delay(2000);
        var after = await server.LiveHeapBytesAsync();
        if (snapshot is not null)
        {
            Console.WriteLine($"What one circuit on {path} adds to the heap:");
            (await HeapSnapshot.TakeAsync(server)).PrintGrowthSince(snapshot, circuits);
        }
        return (after - before) / (double)circuits;
    }

    /// <summary>The template marks nothing when its circuit starts, so a click counts only once it is live.</summary>
    private static async Task OpenStockCounterAsync(IPage page)
    {
        var status = page.Locator("p[role=status]");
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await page.Locator("button.btn-primary").ClickAsync();
            if (!(await status.InnerTextAsync()).EndsWith(": 0", StringComparison.Ordinal)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The stock Counter page never came alive.");
    }

    private static string Kb(double bytes) => (bytes / 1024).ToString("#,0 KB", CultureInfo.InvariantCulture);
}
