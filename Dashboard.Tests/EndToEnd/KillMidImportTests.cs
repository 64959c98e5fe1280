using System.IO.Compression;
using Dashboard.Domain.Activity;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The app as an operator runs it — its own process on its own data folder — killed with SIGKILL while an import
/// registers files, then started again. What the restart must find: the job failed as interrupted, its count equal
/// to the units registered, every stored file registered and every registered file stored, no upload left staged —
/// and an import that was waiting for a worker runs, since the queue is rows of the database.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class KillMidImportTests : IAsyncLifetime
{
    private const int Files = 6000;
    // One import at a time, so a second one waits in the queue while the first runs.
    private readonly AppProcess _app = new(new() { ["Dashboard__Jobs__Concurrency"] = "1" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [BrowserFact]
    public async Task AnImportKilledMidway_LeavesNoDebris_AndCountsThatAgree_AfterARestart()
    {
        await _app.StartAsync("--demo");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AppProcess.LaunchBrowserAsync(playwright);
        var page = await _app.SignedInPageAsync(browser);
        var dataset = await _app.ScalarAsync<string>("SELECT Id FROM Resources WHERE ResourceKind = 'Dataset' ORDER BY NormalizedName LIMIT 1");

        var earlier = (await _app.ColumnAsync("SELECT Id FROM Jobs")).ToHashSet();
        // Thousands of small images in one archive: enough registrations to be caught in the middle of them.
        await page.GotoAsync($"/datasets/{dataset}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=resource-import]").ClickAsync();
        await BrowserSession.ChooseImportFilesAsync(page, new FilePayload { Name = "frames.zip", MimeType = "application/zip", Buffer = Frames() });
        await page.Locator("[data-testid=import-start]").ClickAsync();

        var job = await AppProcess.WaitForAsync(async () => (await _app.ColumnAsync("SELECT Id FROM Jobs WHERE Type = 'DataImport'")).FirstOrDefault(id => !earlier.Contains(id)),
            id => id is not null);
        Assert.NotNull(job);
        var registered = await AppProcess.WaitForAsync(() => _app.ScalarAsync<long>($"SELECT COUNT(*) FROM DataUnits WHERE JobId = '{job}'"), n => n >= 50);
        Assert.True(registered < Files, $"the import finished ({registered} files) before it could be interrupted");
        await _app.KillAsync();

        await _app.StartAsync();

        // The killed node's lease runs out (three seconds here) and the new process fails the job as interrupted.
        var (status, done, total, summary) = await AppProcess.WaitForAsync(() => _app.JobAsync(job!), j => j.Status != JobStatus.Processing);
        var units = await _app.ScalarAsync<long>($"SELECT COUNT(*) FROM DataUnits WHERE JobId = '{job}'");
        Assert.Equal(JobStatus.Error, status);
        Assert.Equal((units, Files), (done, total));
        Assert.StartsWith(JobService.InterruptedMessage, summary);
        Assert.Contains($"{units:N0} of {Files:N0} files are in the Dataset", summary);

        // Right after failing it, the same node clears what the cut-off import left on disk.
        var storagePaths = await _app.ColumnAsync($"SELECT StoragePath FROM DataUnits WHERE JobId = '{job}'");
        var folder = Path.Combine(_app.DataFolder, "storage", Path.GetDirectoryName(storagePaths[0])!);
        var registeredNames = storagePaths.Select(Path.GetFileName).Order().ToList();
        var stored = await AppProcess.WaitForAsync(() => Task.FromResult(Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList()),
            files => files.SequenceEqual(registeredNames));
        Assert.Equal(registeredNames, stored);
        var staging = Path.Combine(_app.DataFolder, "staging", Guid.Parse(job!).ToString("N"));
        Assert.False(await AppProcess.WaitForAsync(() => Task.FromResult(Directory.Exists(staging)), exists => !exists), "the upload's staging folder survived the restart");

        // The list behind "View error details" names exactly the files that are in.
        page = await _app.SignedInPageAsync(browser);
        var csv = await (await page.APIRequest.GetAsync($"/activity/jobs/{job}/items.csv")).TextAsync();
        Assert.Equal(units, csv.Split("\r\n").Count(line => line.Contains(",registered,")));
    }

    [BrowserFact]
    public async Task AnImportQueuedWhenTheAppIsKilled_RunsAfterItStartsAgain()
    {
        await _app.StartAsync("--demo");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AppProcess.LaunchBrowserAsync(playwright);
        var page = await _app.SignedInPageAsync(browser);
        var dataset = await _app.ScalarAsync<string>("SELECT Id FROM Resources WHERE ResourceKind = 'Dataset' ORDER BY NormalizedName LIMIT 1");
        await page.GotoAsync($"/datasets/{dataset}");
        await BrowserSession.WaitForInteractiveAsync(page);
        var earlier = (await _app.ColumnAsync("SELECT Id FROM Jobs")).ToHashSet();

        async Task<string> ImportAsync(string name, byte[] zip)
        {
            await page.Locator("[data-testid=resource-import]").ClickAsync();
            await BrowserSession.ChooseImportFilesAsync(page, new FilePayload { Name = name, MimeType = "application/zip", Buffer = zip });
            await page.Locator("[data-testid=import-start]").ClickAsync();
            var id = await AppProcess.WaitForAsync(async () => (await _app.ColumnAsync("SELECT Id FROM Jobs WHERE Type = 'DataImport'"))
                .FirstOrDefault(j => !earlier.Contains(j)), j => j is not null);
            earlier.Add(id!);
            // Queued once its upload is whole (thousands of files take a while through the circuit): the dialog closes.
            await Assertions.Expect(page.Locator("[data-testid=import-start]")).ToBeHiddenAsync(new() { Timeout = 120_000 });
            return id!;
        }

        var running = await ImportAsync("frames.zip", Frames());
        await AppProcess.WaitForAsync(() => _app.ScalarAsync<long>($"SELECT COUNT(*) FROM DataUnits WHERE JobId = '{running}'"), n => n >= 10);
        var waiting = await ImportAsync("three.zip", Frames(3));
        Assert.Equal(1, await _app.ScalarAsync<long>($"SELECT COUNT(*) FROM Jobs WHERE Id = '{waiting}' AND QueuedAt IS NOT NULL AND LeaseOwner IS NULL"));
        await _app.KillAsync();

        await _app.StartAsync();

        var (status, done, total, _) = await AppProcess.WaitForAsync(() => _app.JobAsync(waiting), j => j.Status != JobStatus.Processing);
        Assert.Equal((JobStatus.Success, 3L, 3L), (status, done, total));
        Assert.Equal(3, await _app.ScalarAsync<long>($"SELECT COUNT(*) FROM DataUnits WHERE JobId = '{waiting}'"));
        var cutOff = await AppProcess.WaitForAsync(() => _app.JobAsync(running), j => j.Status != JobStatus.Processing);
        Assert.StartsWith(JobService.InterruptedMessage, cutOff.Summary);
    }

    internal static byte[] Frames(int files = Files)
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[120]];
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < files; i++)
            {
                png[^1] = (byte)i;
                using var entry = archive.CreateEntry($"frames/{i:D5}.png", CompressionLevel.Fastest).Open();
                entry.Write(png);
            }
        return zip.ToArray();
    }
}
