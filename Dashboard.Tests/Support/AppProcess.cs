using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dashboard.App.Operations;
using Dashboard.Domain.Activity;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// The app as an operator runs it: its own process on its own data folder and port, started, killed with SIGKILL and
/// started again; with read-only looks at its database and a signed-in browser page. Imports lease their jobs for
/// three seconds here, so what a dead process held is failed quickly.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private Process? _process;

    public AppProcess(Dictionary<string, string>? settings = null) =>
        _settings = new Dictionary<string, string>(settings ?? []) { ["Dashboard__Jobs__LeaseSeconds"] = "3" };

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("dashboard-process-").FullName;

    /// <summary>What the process wrote to its console (its log), line by line, across its starts.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    /// <summary>The running process's id, which its worker's leases name ("machine/pid/…").</summary>
    public int? ProcessId => _process?.Id;
    public int Port { get; } = FreePort();

    public async Task StartAsync(params string[] extra)
    {
        var root = AppContext.BaseDirectory;
        var repository = new DirectoryInfo(root);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Dashboard.sln"))) repository = repository.Parent;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = DataFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(root, "Dashboard.App.dll"), "--urls", $"http://127.0.0.1:{Port}",
                     "--contentRoot", Path.Combine(repository!.FullName, "Dashboard.App") }.Concat(extra))
            start.ArgumentList.Add(argument);
        start.Environment["DASHBOARD_DATA"] = DataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in _settings) start.Environment[key] = value;
        var process = _process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) Output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        Kill();
        throw new TimeoutException("The app did not answer /healthz within 90 seconds.");
    }

    /// <summary>The repository's root, where deploy/ and the app's content are.</summary>
    public static string Repository
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dashboard.sln"))) folder = folder.Parent;
            return folder!.FullName;
        }
    }

    /// <summary>The operator's command line ("admin …") as its own process beside this one, on the same settings.</summary>
    public async Task<(int ExitCode, string Output)> RunOperatorAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = DataFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Dashboard.App.dll"), "admin" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["DASHBOARD_DATA"] = DataFolder;
        foreach (var (key, value) in _settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or a lost machine.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Kill();
    }

    private void Kill()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Debian's Chromium, headless, for pages on this process (which may be killed and started under it).</summary>
    public static Task<IBrowser> LaunchBrowserAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath, Headless = true, Args = BrowserSession.ChromiumArgs,
        });

    public async Task<IPage> SignedInPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{Port}" });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, DemoData.AdminEmail, DemoData.Password);
        return page;
    }

    /// <summary>Its database: the SQLite file in its data folder, or the PostgreSQL database its settings name.</summary>
    private DbConnection Open() =>
        _settings.TryGetValue("ConnectionStrings__Dashboard", out var postgres)
            ? new Npgsql.NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={Path.Combine(DataFolder, "dashboard.db")};Mode=ReadOnly;Default Timeout=30");

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = Command(connection, sql);
        var value = await command.ExecuteScalarAsync();
        if (value is not null and not DBNull && typeof(T) == typeof(string)) return (T)(object)Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    public async Task<(JobStatus Status, long Done, long Total, string Summary)> JobAsync(string id)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = Command(connection, $"""SELECT "Status", "ItemsDone", "ItemsTotal", "ErrorSummary" FROM "Jobs" WHERE "Id" = '{id}'""");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (Enum.Parse<JobStatus>(reader.GetString(0)), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), reader.IsDBNull(3) ? "" : reader.GetString(3));
    }

    /// <summary>Reads until <paramref name="done"/> holds, or a minute has passed (then the last value, for the assert).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value) || DateTime.UtcNow > deadline) return value;
            }
            catch (DbException) when (DateTime.UtcNow < deadline) { }
            await Task.Delay(25);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Delay(200);
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
