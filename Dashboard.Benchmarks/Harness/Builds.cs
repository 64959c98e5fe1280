using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dashboard.Benchmarks.Harness;

/// <summary>The two apps compared, published in Release: this one, and the stock template created beside it.</summary>
public static class Builds
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "dashboard-perf");

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dashboard.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    /// <summary>
    /// Publishes Dashboard.App as it is now (every run, so the figures are of the code checked out), for this
    /// platform as docs/operations.md says to publish it: precompiled (ReadyToRun), using the installed runtime.
    /// </summary>
    public static async Task<string> PublishAppAsync()
    {
        var output = Path.Combine(Scratch, "app");
        await RunAsync(RepositoryRoot(), "publish", "Dashboard.App", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-o", output, "--nologo", "-v", "quiet");
        return output;
    }

    /// <summary>
    /// The stock template exactly as <c>dotnet new blazor --interactivity Server</c> makes it with this SDK, created
    /// once and published; its Counter page is the anchor every page here is compared with.
    /// </summary>
    public static async Task<string> PublishStockTemplateAsync()
    {
        var project = Path.Combine(Scratch, "stock-template");
        var output = Path.Combine(Scratch, "stock-template-published");
        if (!File.Exists(Path.Combine(output, "StockTemplate.dll")))
        {
            if (Directory.Exists(project)) Directory.Delete(project, recursive: true);
            await RunAsync(Scratch, "new", "blazor", "--interactivity", "Server", "--name", "StockTemplate", "--output", project);
            await RunAsync(project, "publish", "-c", "Release", "-o", output, "--nologo", "-v", "quiet");
        }
        return output;
    }

    private static async Task RunAsync(string folder, params string[] arguments)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with {process.ExitCode}.");
    }
}
