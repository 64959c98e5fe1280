using BenchmarkDotNet.Running;

// dotnet run -c Release --project Dashboard.Benchmarks            (every list)
// dotnet run -c Release --project Dashboard.Benchmarks -- --filter '*Jobs*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
