using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Benchmarks.Harness;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks.Live;

/// <summary>
/// How fast a job's progress reaches an open Activity Center, against a bare SignalR client of the same hub in the
/// same run, and what each open page costs the server while a job reports ten times a second.
/// </summary>
public static class LiveUpdates
{
    private const string ProbeTitle = "Latency probe";
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(100);
    private const int MeasuredSeconds = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(int updates, int pages)
    {
        Console.WriteLine("Publishing the app (Release)...");
        var app = await Builds.PublishAppAsync();
        var data = Directory.CreateTempSubdirectory("dashboard-perf-data-").FullName;
        var environment = new Dictionary<string, string> { ["DASHBOARD_DATA"] = data };
        try
        {
            await using (await MeasuredServer.StartAsync(app, "Dashboard.App.dll", environment, "--demo")) { }
            // A worker's key, made as the demo Admin would make it, before the measured server starts.
            var secret = await ApiKeys.CreateForDemoAdminAsync(data, "latency-probe");

            await using var server = await MeasuredServer.StartAsync(app, "Dashboard.App.dll", environment);
            using var api = new HttpClient { BaseAddress = server.Address };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(Browser.Options);
            await using var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString() });
            await Demo.SignInAsync(context);

            // Reporting once unmeasured first, so the base is not the first requests' compiling and warming.
            await CpuWhileReportingAsync(server, api, seconds: 5);
            // What reporting costs with no page open, as the base the pages' share is measured from.
            var noPages = await CpuWhileReportingAsync(server, api, seconds: MeasuredSeconds);

            var job = await StartJobAsync(api, updates);
            var hub = new HubListener();
            await using var connection = await hub.ConnectAsync(server.Address, secret, job);
            var page = await OpenActivityAsync(context);
            await page.EvaluateAsync(WatchProgressScript, ProbeTitle);
            var sent = new Dictionary<int, long>();
            for (var done = 1; done <= updates; done++)
            {
                sent[done] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await PatchAsync(api, job, new { itemsDone = done });
                await Task.Delay(ReportEvery);
            }
            await Task.Delay(2000);
            var shown = await page.EvaluateAsync<Dictionary<string, long>>("() => window.progressShownAt");
            var pageLatency = Latencies(sent, shown.ToDictionary(s => int.Parse(s.Key, CultureInfo.InvariantCulture), s => s.Value));
            var hubLatency = Latencies(sent, hub.Heard);

            for (var i = 1; i < pages; i++) await OpenActivityAsync(context);
            var withPages = await CpuWhileReportingAsync(server, api, seconds: MeasuredSeconds);
            var perPage = (withPages - noPages).TotalMilliseconds / pages / MeasuredSeconds;

            Report(updates, pages, pageLatency, hubLatency, perPage);
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void Report(int updates, int pages, IReadOnlyList<long> page, IReadOnlyList<long> hub, double cpuPerPage)
    {
        var target = 2 * Percentile(hub, 95) + 100;
        Console.WriteLine();
        Console.WriteLine($"Job PATCH → shown, {updates} updates at {1000 / ReportEvery.TotalMilliseconds:0}/s (missed: page {updates - page.Count}, hub {updates - hub.Count})");
        Console.WriteLine();
        Console.WriteLine("| What | p50 | p95 | Ratio p50 / p95 | Target |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| Bare SignalR hub client | {Percentile(hub, 50)} ms | {Percentile(hub, 95)} ms | 1× | anchor |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Open Activity Center (Chromium) | {Percentile(page, 50)} ms | {Percentile(page, 95)} ms | {Ratio(page, hub, 50)} / {Ratio(page, hub, 95)} | p95 ≤ 2 × hub p95 + 100 ms = {target} ms: {(Percentile(page, 95) <= target ? "met" : "MISSED")} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Server CPU per open page, job reporting 10×/s ({pages} pages) | {cpuPerPage:0.0} ms per second | | | ≤ 5 ms: {(cpuPerPage <= 5 ? "met" : "MISSED")} |"));
    }

    internal static async Task<Guid> StartJobAsync(HttpClient api, int total)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = ProbeTitle }, Json);
        created.EnsureSuccessStatusCode();
        var job = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        await PatchAsync(api, job, new { status = "Processing", itemsTotal = total, itemsDone = 0 });
        return job;
    }

    internal static async Task PatchAsync(HttpClient api, Guid job, object body)
    {
        using var answer = await api.PatchAsJsonAsync($"/api/v1/jobs/{job}", body, Json);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>CPU the server spends while one job reports ten times a second for <paramref name="seconds"/>.</summary>
    private static async Task<TimeSpan> CpuWhileReportingAsync(MeasuredServer server, HttpClient api, int seconds)
    {
        var job = await StartJobAsync(api, seconds * 10);
        await Task.Delay(1000);
        var before = server.CpuTime;
        var clock = Stopwatch.StartNew();
        for (var done = 1; done <= seconds * 10; done++)
        {
            await PatchAsync(api, job, new { itemsDone = done });
            var due = ReportEvery * done - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
        }
        await Task.Delay(500);
        return server.CpuTime - before;
    }

    private static async Task<IPage> OpenActivityAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/settings/activity");
        await Demo.WaitUntilLiveAsync(page);
        await page.Locator("[data-testid=activity-grid] tbody tr").First.WaitForAsync();
        return page;
    }

    /// <summary>Notes, in the page, when each "N of M" of the probe's row first appears on screen.</summary>
    private const string WatchProgressScript = """
        title => {
            window.progressShownAt = {};
            const grid = document.querySelector('[data-testid=activity-grid]');
            const look = () => {
                for (const row of grid.querySelectorAll('tbody tr')) {
                    if (!row.textContent.includes(title)) continue;
                    const progress = row.textContent.match(/(\d+) of \d+/);
                    if (progress && !(progress[1] in window.progressShownAt)) window.progressShownAt[progress[1]] = Date.now();
                }
            };
            new MutationObserver(look).observe(grid, { subtree: true, childList: true, characterData: true });
        }
        """;

    internal static List<long> Latencies(Dictionary<int, long> sent, IReadOnlyDictionary<int, long> seen) =>
        sent.Where(s => seen.ContainsKey(s.Key)).Select(s => seen[s.Key] - s.Value).Order().ToList();

    internal static long Percentile(IReadOnlyList<long> sorted, int percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Ratio(IReadOnlyList<long> page, IReadOnlyList<long> hub, int percent) =>
        (Percentile(page, percent) / (double)Math.Max(1, Percentile(hub, percent))).ToString("0.0×", CultureInfo.InvariantCulture);
}
