using System.Globalization;
using Dashboard.Benchmarks.Harness;

namespace Dashboard.Benchmarks.Pages;

/// <summary>
/// From starting the process to its first page served, on a fresh data folder, against the stock template in the
/// same run; and this app again on a data folder holding 200,000 jobs, which must start no slower.
/// </summary>
public static class StartupTime
{
    private const int Rounds = 5;
    private const double TargetRatio = 1.5;

    public static async Task<int> RunAsync(bool withLargeDatabase)
    {
        Console.WriteLine("Publishing both apps (Release)...");
        var app = await Builds.PublishAppAsync();
        var stock = await Builds.PublishStockTemplateAsync();
        var large = withLargeDatabase ? await LargeDataFolderAsync(app) : null;

        var fresh = new List<double>();
        var template = new List<double>();
        var big = new List<double>();
        // Alternating, so a noisy moment falls on each alike; every app start gets a data folder never used before.
        for (var round = 0; round < Rounds; round++)
        {
            await using (var server = await MeasuredServer.StartAsync(stock, "StockTemplate.dll", new Dictionary<string, string>()))
                template.Add(server.StartedIn.TotalMilliseconds);
            var data = Directory.CreateTempSubdirectory("dashboard-perf-data-").FullName;
            await using (var server = await MeasuredServer.StartAsync(app, "Dashboard.App.dll", new Dictionary<string, string> { ["DASHBOARD_DATA"] = data }))
                fresh.Add(server.StartedIn.TotalMilliseconds);
            Directory.Delete(data, recursive: true);
            if (large is null) continue;
            await using (var server = await MeasuredServer.StartAsync(app, "Dashboard.App.dll", new Dictionary<string, string> { ["DASHBOARD_DATA"] = large }))
                big.Add(server.StartedIn.TotalMilliseconds);
        }

        var anchor = Stats.Median(template);
        Console.WriteLine();
        Console.WriteLine($"Process start → first page served, median of {Rounds}");
        Console.WriteLine();
        Console.WriteLine("| Start | Median | Ratio | Target |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Stock template | {anchor:0} ms | 1× | anchor |"));
        var freshRatio = Stats.Median(fresh) / anchor;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| This app, fresh data folder (set-up page) | {Stats.Median(fresh):0} ms | {freshRatio:0.0}× | ≤ {TargetRatio}×: {(freshRatio <= TargetRatio ? "met" : "MISSED")} |"));
        if (large is not null)
        {
            var bigRatio = Stats.Median(big) / Stats.Median(fresh);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| This app, 200,000 jobs (sign-in page) | {Stats.Median(big):0} ms | {bigRatio:0.0}× the fresh start | no slower: {(bigRatio <= 1.1 ? "met" : "MISSED")} |"));
        }
        return 0;
    }

    /// <summary>The demo workspace topped up to 200,000 jobs, built once in the temp folder and reused.</summary>
    private static async Task<string> LargeDataFolderAsync(string app)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-perf", "data-200k-jobs");
        if (!File.Exists(Path.Combine(folder, "ready")))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            Console.WriteLine("Seeding 200,000 jobs once (a few minutes)...");
            await using (await MeasuredServer.StartAsync(app, "Dashboard.App.dll", new Dictionary<string, string> { ["DASHBOARD_DATA"] = folder },
                             "--demo", "--Dashboard:DemoJobs=200000")) { }
            await File.WriteAllTextAsync(Path.Combine(folder, "ready"), "");
        }
        return folder;
    }
}
