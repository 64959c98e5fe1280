using System.Diagnostics;
using System.Net.Sockets;

namespace Dashboard.Tests.Support;

/// <summary>
/// A throwaway Redis for a test: Debian's redis-server on a loopback port, nothing saved to disk, stopped (and so
/// "down" for the app) when disposed or when <see cref="StopAsync"/> is called.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string ServerPath = "/usr/bin/redis-server";

    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The value for <c>Dashboard:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Why a test needing Redis cannot run here, or null when it can (always null under CI, which must run it).</summary>
    public static string? MissingReason =>
        !File.Exists(ServerPath) && !ServerTests.Required ? "Redis is not installed (apt-get install -y redis-server); CI runs these tests." : null;

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(PostgresServer.FreePort());
        var start = new ProcessStartInfo(ServerPath, ["--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        server._process = Process.Start(start)!;
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (server._process.HasExited) throw new InvalidOperationException($"redis-server exited with {server._process.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", server.Port);
                return server;
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        throw new TimeoutException($"redis-server did not listen on port {server.Port}.");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }
}

/// <summary>
/// A test that needs Redis. Locally it is skipped when it is not installed; under CI (CI=true)
/// it always runs, so a missing server fails the build instead of hiding the test.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.MissingReason is { } reason) Skip = reason;
    }
}
