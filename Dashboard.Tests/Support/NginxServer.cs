using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.Support;

/// <summary>
/// Debian's nginx in front of the test's app nodes, with the site file an operator installs (deploy/nginx/
/// dashboard.conf) — only its node addresses, port and name replaced — so the shipped configuration is what is tested.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    private readonly string _folder = Directory.CreateTempSubdirectory("dashboard-nginx-").FullName;
    private Process? _process;

    private NginxServer(int port) => Port = port;

    public int Port { get; }

    public string BaseAddress => $"http://127.0.0.1:{Port}";

    public static string? MissingReason =>
        !File.Exists(NginxPath) && !ServerTests.Required ? "nginx is not installed (apt-get install -y nginx); CI runs these tests." : null;

    public static async Task<NginxServer> StartAsync(string repository, params int[] nodePorts)
    {
        var server = new NginxServer(PostgresServer.FreePort());
        var site = await File.ReadAllTextAsync(Path.Combine(repository, "deploy", "nginx", "dashboard.conf"));
        site = NodeLines().Replace(site, "");
        site = site.Replace("    hash $remote_addr consistent;", "    hash $remote_addr consistent;\n"
            + string.Concat(nodePorts.Select(p => $"    server 127.0.0.1:{p} max_fails=2 fail_timeout=10s;\n")), StringComparison.Ordinal);
        site = site.Replace("listen 80;", $"listen 127.0.0.1:{server.Port};", StringComparison.Ordinal)
            .Replace("server_name dashboard.example.com;", "server_name 127.0.0.1;", StringComparison.Ordinal);
        var f = server._folder;
        var config = $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            daemon off;
            worker_processes 1;
            pid {{f}}/nginx.pid;
            error_log {{f}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{f}}/body;
                proxy_temp_path {{f}}/proxy;
                fastcgi_temp_path {{f}}/fastcgi;
                uwsgi_temp_path {{f}}/uwsgi;
                scgi_temp_path {{f}}/scgi;
            {{site}}
            }
            """;
        var path = Path.Combine(f, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        server._process = Process.Start(new ProcessStartInfo(NginxPath, ["-c", path, "-p", f]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        server._process.BeginErrorReadLine();
        server._process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (server._process.HasExited)
                throw new InvalidOperationException($"nginx exited with {server._process.ExitCode}: {ReadOrEmpty(Path.Combine(f, "error.log"))}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", server.Port);
                return server;
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        throw new TimeoutException("nginx did not listen.");
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    [GeneratedRegex(@"^\s*server 10\.0\.0\.\d+:\d+[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex NodeLines();

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
