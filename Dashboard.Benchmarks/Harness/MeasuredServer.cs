using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Benchmarks.Harness;

/// <summary>
/// A published web app run as its own process on a loopback port, with the heap probe loaded into it. Each
/// measurement gets a fresh process, so circuits a previous page left behind (kept for reconnection) never count.
/// </summary>
public sealed class MeasuredServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _probeFolder;

    private MeasuredServer(Process process, string probeFolder, Uri address)
    {
        _process = process;
        _probeFolder = probeFolder;
        Address = address;
    }

    public Uri Address { get; }
    public int ProcessId => _process.Id;
    /// <summary>From starting the process to its first page answering 200 (redirects followed).</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>CPU the server process has used so far, all threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<MeasuredServer> StartAsync(string publishFolder, string assembly, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var port = FreePort();
        var probeFolder = Directory.CreateTempSubdirectory("heap-probe-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(publishFolder, assembly));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.Environment[StartupHook.FolderVariable] = probeFolder;
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var started = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drained so a chatty log never blocks the server on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [{assembly}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new MeasuredServer(process, probeFolder, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilAnsweringAsync();
        server.StartedIn = started.Elapsed;
        return server;
    }

    /// <summary>Bytes alive on the server's GC heap after a full, compacting collection.</summary>
    public async Task<long> LiveHeapBytesAsync()
    {
        var response = Path.Combine(_probeFolder, "response");
        File.Delete(response);
        await File.WriteAllTextAsync(Path.Combine(_probeFolder, "request"), "");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(response))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The heap probe did not answer.");
            await Task.Delay(50);
        }
        return long.Parse(await File.ReadAllTextAsync(response), CultureInfo.InvariantCulture);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode}.");
            try
            {
                using var answer = await http.GetAsync(Address);
                if (answer.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server at {Address} did not answer within 3 minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_probeFolder, recursive: true);
    }
}
