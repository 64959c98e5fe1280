using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Dashboard.App.Operations;
using Dashboard.Domain.Activity;
using Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The app as an operator runs it — its own process on its own data folder — killed with SIGKILL while an import
/// registers files, then started again. What the restart must find: the job failed as interrupted, its count equal
/// to the units registered, every stored file registered and every registered file stored, no upload left staged.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class KillMidImportTests : IAsyncLifetime
{
    private const int Files = 6000;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("dashboard-kill-").FullName;
    private readonly int _port = FreePort();
    private Process? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Stop(_app);
        await Task.Delay(200);
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    [BrowserFact]
    public async Task AnImportKilledMidway_LeavesNoDebris_AndCountsThatAgree_AfterARestart()
    {
        _app = await StartAppAsync("--demo");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await SignedInPageAsync(browser);
        var dataset = await ScalarAsync<string>("SELECT Id FROM Resources WHERE ResourceKind = 'Dataset' ORDER BY NormalizedName LIMIT 1");

        var earlier = (await ColumnAsync("SELECT Id FROM Jobs")).ToHashSet();
        // Thousands of small images in one archive: enough registrations to be caught in the middle of them.
        await page.GotoAsync($"/datasets/{dataset}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=resource-import]").ClickAsync();
        await page.Locator("[data-testid=import-files]").SetInputFilesAsync(new FilePayload { Name = "frames.zip", MimeType = "application/zip", Buffer = Frames() });
        await page.Locator("[data-testid=import-start]").ClickAsync();

        var job = await WaitForAsync(async () => (await ColumnAsync("SELECT Id FROM Jobs WHERE Type = 'DataImport'")).FirstOrDefault(id => !earlier.Contains(id)),
            id => id is not null);
        Assert.NotNull(job);
        var registered = await WaitForAsync(() => ScalarAsync<long>($"SELECT COUNT(*) FROM DataUnits WHERE JobId = '{job}'"), n => n >= 50);
        Assert.True(registered < Files, $"the import finished ({registered} files) before it could be interrupted");
        _app.Kill(entireProcessTree: true);
        await _app.WaitForExitAsync();

        _app = await StartAppAsync();

        var (status, done, total, summary) = await JobAsync(job!);
        var units = await ScalarAsync<long>($"SELECT COUNT(*) FROM DataUnits WHERE JobId = '{job}'");
        Assert.Equal(JobStatus.Error, status);
        Assert.Equal((units, Files), (done, total));
        Assert.StartsWith(JobService.InterruptedMessage, summary);
        Assert.Contains($"{units:N0} of {Files:N0} files are in the Dataset", summary);

        var storagePaths = await ColumnAsync($"SELECT StoragePath FROM DataUnits WHERE JobId = '{job}'");
        var folder = Path.Combine(_dataFolder, "storage", Path.GetDirectoryName(storagePaths[0])!);
        var stored = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(storagePaths.Select(Path.GetFileName).Order().ToList(), stored);
        var staging = Path.Combine(_dataFolder, "staging");
        Assert.False(Directory.Exists(Path.Combine(staging, Guid.Parse(job!).ToString("N"))), "the upload's staging folder survived the restart");

        // The list behind "View error details" names exactly the files that are in.
        page = await SignedInPageAsync(browser);
        var csv = await (await page.APIRequest.GetAsync($"/activity/jobs/{job}/items.csv")).TextAsync();
        Assert.Equal(units, csv.Split("\r\n").Count(line => line.Contains(",registered,")));
    }

    private async Task<IPage> SignedInPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{_port}" });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, DemoData.AdminEmail, DemoData.Password);
        return page;
    }

    private static byte[] Frames()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[120]];
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < Files; i++)
            {
                png[^1] = (byte)i;
                using var entry = archive.CreateEntry($"frames/{i:D5}.png", CompressionLevel.Fastest).Open();
                entry.Write(png);
            }
        return zip.ToArray();
    }

    private async Task<Process> StartAppAsync(params string[] extra)
    {
        var root = AppContext.BaseDirectory;
        var repository = new DirectoryInfo(root);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Dashboard.sln"))) repository = repository.Parent;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(root, "Dashboard.App.dll"), "--urls", $"http://127.0.0.1:{_port}",
                     "--contentRoot", Path.Combine(repository!.FullName, "Dashboard.App") }.Concat(extra))
            start.ArgumentList.Add(argument);
        start.Environment["DASHBOARD_DATA"] = _dataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return process;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        Stop(process);
        throw new TimeoutException("The app did not answer /healthz within 90 seconds.");
    }

    private static void Stop(Process? process)
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.Dispose();
    }

    private SqliteConnection Open() =>
        new($"Data Source={Path.Combine(_dataFolder, "dashboard.db")};Mode=ReadOnly;Default Timeout=30");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private async Task<(JobStatus Status, long Done, long Total, string Summary)> JobAsync(string id)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = new SqliteCommand($"SELECT Status, ItemsDone, ItemsTotal, ErrorSummary FROM Jobs WHERE Id = '{id}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (Enum.Parse<JobStatus>(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3));
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value) || DateTime.UtcNow > deadline) return value;
            }
            catch (SqliteException) when (DateTime.UtcNow < deadline) { }
            await Task.Delay(25);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
