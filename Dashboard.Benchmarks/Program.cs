using BenchmarkDotNet.Running;
using Dashboard.Benchmarks.Circuits;
using Dashboard.Benchmarks.Live;
using Dashboard.Benchmarks.Pages;

// dotnet run -c Release --project Dashboard.Benchmarks                           (every list)
// dotnet run -c Release --project Dashboard.Benchmarks -- --filter '*Jobs*'
// dotnet run -c Release --project Dashboard.Benchmarks -- circuits [N] [--why] [page ...]
//   heap per idle circuit vs the stock template; --why prints what one circuit is made of, by type;
//   --roots=Type also prints what holds a few instances of that type
if (args is ["circuits", .. var rest])
{
    var circuits = rest.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 20);
    var explain = rest.Contains("--why") || rest.Any(a => a.StartsWith("--roots=", StringComparison.Ordinal));
    HeapSnapshot.RootsOf = rest.FirstOrDefault(a => a.StartsWith("--roots=", StringComparison.Ordinal))?["--roots=".Length..];
    var pages = rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)).ToArray();
    return await CircuitMemory.RunAsync(circuits, pages, explain);
}

// dotnet run -c Release --project Dashboard.Benchmarks -- live [updates] [pages]
//   job progress → open Activity Center, vs a bare hub client; server CPU per open page at 10 reports/s
if (args is ["live", .. var live])
{
    var updates = live is [var u, ..] && int.TryParse(u, out var n1) ? n1 : 100;
    var pages = live is [_, var p, ..] && int.TryParse(p, out var n2) ? n2 : 10;
    return await LiveUpdates.RunAsync(updates, pages);
}

// dotnet run -c Release --project Dashboard.Benchmarks -- fanout [subscribers] [updates]
//   one job's progress heard by 1,000 hub subscribers at once vs one subscriber alone
if (args is ["fanout", .. var fan])
{
    var subscribers = fan is [var s, ..] && int.TryParse(s, out var n3) ? n3 : 1_000;
    var updates = fan is [_, var u, ..] && int.TryParse(u, out var n4) ? n4 : 50;
    return await FanOut.RunAsync(subscribers, updates);
}

// dotnet run -c Release --project Dashboard.Benchmarks -- startup [--large]
//   process start → first page vs the stock template; --large adds a data folder with 200,000 jobs
if (args is ["startup", .. var startup]) return await StartupTime.RunAsync(startup.Contains("--large"));

// dotnet run -c Release --project Dashboard.Benchmarks -- navigation
//   address → first rows on screen for Users and the Activity Center vs the app's not-found page
if (args is ["navigation", ..]) return await FirstRows.RunAsync();

// dotnet run -c Release --project Dashboard.Benchmarks -- postgres [BenchmarkDotNet arguments]
//   the list benchmarks on a throwaway PostgreSQL cluster (Debian's server programs, a temp folder, a loopback port)
if (args is ["postgres", .. var onPostgres])
{
    var server = await Dashboard.Tests.Support.PostgresServer.GetAsync();
    // Every case runs in a process of its own, which inherits this.
    Environment.SetEnvironmentVariable(Dashboard.Benchmarks.ScaleData.PostgresVariable, server.ConnectionString("postgres"));
    args = onPostgres;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
