using BenchmarkDotNet.Running;
using Dashboard.Benchmarks.Circuits;

// dotnet run -c Release --project Dashboard.Benchmarks                           (every list)
// dotnet run -c Release --project Dashboard.Benchmarks -- --filter '*Jobs*'
// dotnet run -c Release --project Dashboard.Benchmarks -- circuits [N] [--why] [page ...]
//   heap per idle circuit vs the stock template; --why prints what one circuit is made of, by type
if (args is ["circuits", .. var rest])
{
    var circuits = rest.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 20);
    var explain = rest.Contains("--why");
    var pages = rest.Where(a => a != "--why" && !int.TryParse(a, out _)).ToArray();
    return await CircuitMemory.RunAsync(circuits, pages, explain);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
