using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: Debian's server binaries, a data folder in a temp folder, a
/// loopback port, no system service. Started on first use, stopped when the process exits. Every test gets its
/// own database, copied from a template the real migrations built once.
/// </summary>
public sealed class PostgresServer
{
    private const string User = "dashboard";
    private const string Template = "dashboard_template";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Where Debian keeps the server's programs (initdb, pg_ctl), or null when PostgreSQL is not installed.</summary>
    public static string? BinFolder { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
        : null;

    /// <summary>Why a test on PostgreSQL cannot run here, or null when it can (always null under CI, which must run it).</summary>
    public static string? MissingReason =>
        BinFolder is null && !ServerTests.Required
            ? "PostgreSQL is not installed (apt-get install -y postgresql); CI runs these tests."
            : null;

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Include Error Detail=true";

    /// <summary>A new, empty database (no tables), for tests of the migrations themselves.</summary>
    public async Task<string> CreateEmptyDatabaseAsync() => await CreateDatabaseAsync("template0");

    /// <summary>A new database holding the current schema, copied from the migrated template.</summary>
    public async Task<string> CreateMigratedDatabaseAsync() => await CreateDatabaseAsync(Template);

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task<string> CreateDatabaseAsync(string template)
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionString(name);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = BinFolder ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install -y postgresql).");
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-postgres", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, bin, FreePort());
        // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres account.
        if (Environment.UserName == "root") await RunAsync("chown", ["-R", "postgres", folder]);
        await server.RunServerToolAsync("initdb", ["-D", server.DataFolder, "-A", "trust", "-U", User, "--no-sync",
            "--encoding=UTF8", "--locale=C.UTF-8"]);
        // Durability is not what these tests are about: without fsync a test database is made in milliseconds.
        await server.RunServerToolAsync("pg_ctl", ["-D", server.DataFolder, "-w", "-l", Path.Combine(folder, "log"), "-o",
            $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        await server.ExecuteAsync($"CREATE DATABASE \"{Template}\"");
        var template = server.ConnectionString(Template);
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseConnection.Postgres(template).Configure(options);
        await using (var db = new DashboardDbContext(options.Options)) await db.Database.MigrateAsync();
        // A template must have no open connections while databases are copied from it (none other is open yet).
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private Task RunServerToolAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private void Stop()
    {
        try
        {
            RunServerToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "stop"]).Wait(TimeSpan.FromSeconds(20));
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception) { } // the process is ending; a leftover temp folder is all that can remain
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Whether tests that need a real server (PostgreSQL, Redis, nginx) must run: always under CI.</summary>
public static class ServerTests
{
    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
