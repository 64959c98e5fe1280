using System.Globalization;
using System.Net.Http.Headers;
using Dashboard.Benchmarks.Harness;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Benchmarks.Live;

/// <summary>
/// One job's progress heard by many hub subscribers at once against one subscriber alone, on the same server in the
/// same run: how much a crowd of open Activity Centers slows each update's delivery.
/// </summary>
public static class FanOut
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(int subscribers, int updates)
    {
        Console.WriteLine("Publishing the app (Release)...");
        var app = await Builds.PublishAppAsync();
        var data = Directory.CreateTempSubdirectory("dashboard-perf-data-").FullName;
        var environment = new Dictionary<string, string> { ["DASHBOARD_DATA"] = data };
        try
        {
            await using (await MeasuredServer.StartAsync(app, "Dashboard.App.dll", environment, "--demo")) { }
            var secret = await ApiKeys.CreateForDemoAdminAsync(data, "fan-out-probe");
            await using var server = await MeasuredServer.StartAsync(app, "Dashboard.App.dll", environment);
            using var api = new HttpClient { BaseAddress = server.Address };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

            // Unmeasured first, so neither run pays for the first requests' compiling.
            await MeasureAsync(server.Address, api, secret, 1, 20);
            var alone = await MeasureAsync(server.Address, api, secret, 1, updates);
            var crowd = await MeasureAsync(server.Address, api, secret, subscribers, updates);

            Console.WriteLine();
            Console.WriteLine($"Job PATCH → heard by hub subscribers, {updates} updates at 10/s");
            Console.WriteLine();
            Console.WriteLine("| Subscribers | p50 | p95 | Missed | Ratio of p95 |");
            Console.WriteLine("|---|---|---|---|---|");
            Row(1, alone, updates, alone);
            Row(subscribers, crowd, updates * subscribers, alone);
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void Row(int subscribers, IReadOnlyList<long> latencies, int expected, IReadOnlyList<long> anchor) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {subscribers:#,0} | {LiveUpdates.Percentile(latencies, 50)} ms | {LiveUpdates.Percentile(latencies, 95)} ms | " +
            $"{expected - latencies.Count} | {LiveUpdates.Percentile(latencies, 95) / (double)Math.Max(1, LiveUpdates.Percentile(anchor, 95)):0.0}× |"));

    /// <summary>Every (subscriber, update) delivery time of one job reporting at 10/s, sorted.</summary>
    private static async Task<List<long>> MeasureAsync(Uri server, HttpClient api, string secret, int subscribers, int updates)
    {
        var job = await LiveUpdates.StartJobAsync(api, updates);
        var listeners = Enumerable.Range(0, subscribers).Select(_ => new HubListener()).ToList();
        var connections = new List<HubConnection>();
        try
        {
            // In batches, as a crowd of pages would arrive, not all in the same millisecond.
            foreach (var batch in listeners.Chunk(50))
                connections.AddRange(await Task.WhenAll(batch.Select(l => l.ConnectAsync(server, secret, job))));

            var sent = new Dictionary<int, long>();
            for (var done = 1; done <= updates; done++)
            {
                sent[done] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await LiveUpdates.PatchAsync(api, job, new { itemsDone = done });
                await Task.Delay(ReportEvery);
            }
            await Task.Delay(2000);
            return listeners.SelectMany(l => LiveUpdates.Latencies(sent, l.Heard)).Order().ToList();
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
