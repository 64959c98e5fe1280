using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real DNS server for the tests: Debian's dnsmasq on a loopback port, answering TXT records from a file in a
/// temp folder and nothing else (no upstream, no hosts file). Publishing a record restarts it on the same port.
/// </summary>
public sealed class DnsServer : IAsyncDisposable
{
    public const string DnsmasqPath = "/usr/sbin/dnsmasq";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dashboard-dns", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _records = new(StringComparer.OrdinalIgnoreCase);
    private Process? _process;

    private DnsServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The value for <c>Dashboard:Dns:Resolver</c>.</summary>
    public string Resolver => $"127.0.0.1:{Port}";

    public static async Task<DnsServer> StartAsync()
    {
        var server = new DnsServer(FreePort());
        Directory.CreateDirectory(server._folder);
        await server.RestartAsync();
        return server;
    }

    public async Task PublishTxtAsync(string name, string value)
    {
        _records[name] = value;
        await RestartAsync();
    }

    private async Task RestartAsync()
    {
        Stop();
        var config = Path.Combine(_folder, "dnsmasq.conf");
        await File.WriteAllLinesAsync(config, new[]
        {
            $"port={Port}", "listen-address=127.0.0.1", "bind-interfaces", "no-resolv", "no-hosts", "no-poll",
            // Authoritative for the test zones: a name without a record is NXDOMAIN, as a real zone answers, not REFUSED.
            "local=/example/", "local=/invalid/",
        }.Concat(_records.Select(r => $"txt-record={r.Key},{r.Value}")));
        _process = Process.Start(new ProcessStartInfo(DnsmasqPath,
            ["--keep-in-foreground", $"--conf-file={config}", "--pid-file=", "--user=root", "--log-facility=-"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await WaitUntilAnsweringAsync();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var client = new DnsClient.LookupClient(new DnsClient.LookupClientOptions(new IPEndPoint(IPAddress.Loopback, Port))
        {
            UseCache = false, Timeout = TimeSpan.FromMilliseconds(300), Retries = 0, ThrowDnsErrors = false,
        });
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"dnsmasq exited with {_process.ExitCode} on port {Port}.");
            try
            {
                var response = await client.QueryAsync("probe.invalid", DnsClient.QueryType.TXT);
                if (response.Header is not null) return;
            }
            catch (DnsClient.DnsResponseException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"dnsmasq did not answer on port {Port}.");
    }

    private static int FreePort()
    {
        // dnsmasq needs the port free for UDP and TCP both.
        for (var attempt = 0; ; attempt++)
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
            try
            {
                var tcp = new TcpListener(IPAddress.Loopback, port);
                tcp.Start();
                tcp.Stop();
                return port;
            }
            catch (SocketException) when (attempt < 20) { }
        }
    }

    private void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A test that needs dnsmasq. Locally it is skipped when dnsmasq is not installed; under CI (CI=true) it always runs,
/// so a missing server fails the build instead of hiding the test.
/// </summary>
public sealed class DnsFactAttribute : FactAttribute
{
    public DnsFactAttribute()
    {
        var required = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!required && !File.Exists(DnsServer.DnsmasqPath))
            Skip = $"dnsmasq is not installed at {DnsServer.DnsmasqPath} (apt-get install -y dnsmasq); CI runs these tests.";
    }
}

/// <summary>A browser test against a real DNS server: skipped locally without Chromium or dnsmasq, required under CI.</summary>
public sealed class BrowserAndDnsFactAttribute : FactAttribute
{
    public static bool CanRun =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || File.Exists(DnsServer.DnsmasqPath) && File.Exists(BrowserFactAttribute.ChromiumPath);

    public BrowserAndDnsFactAttribute()
    {
        if (!CanRun) Skip = "Chromium or dnsmasq is not installed (apt-get install -y chromium dnsmasq); CI runs these tests.";
    }
}
