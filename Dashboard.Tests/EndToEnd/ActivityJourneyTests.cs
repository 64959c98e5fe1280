using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class ActivityJourneyTests : BrowserJourney
{
    private readonly string _files = Path.Combine(Path.GetTempPath(), "dashboard-e2e-files-" + Guid.NewGuid().ToString("N"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(_files);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    private string FileOf(string name, byte[] content)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static ILocator JobRow(IPage page, string title) =>
        page.Locator("[data-testid=activity-grid] tbody tr").Filter(new() { HasText = title });

    [BrowserFact]
    public Task AnImportStartedInOnePage_MovesLiveInAnother_AndAFailedLabelImportShowsItsDetails() =>
        Session.JourneyAsync(AnImportStartedInOnePage_MovesLiveInAnother_AndAFailedLabelImportShowsItsDetailsJourneyAsync);

    private async Task AnImportStartedInOnePage_MovesLiveInAnother_AndAFailedLabelImportShowsItsDetailsJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var resources = Session.App.Services.GetRequiredService<ResourceService>();
        var actor = await Session.ActorAsync(admin);
        var dataset = (await resources.CreateAsync(actor, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        var ontology = (await resources.CreateAsync(actor, new CreateResource(ResourceKind.Ontology, "Road", ""))).Value;
        await Session.App.Services.GetRequiredService<ResourceConnections>().AddClassAsync(actor, ontology, "Car", LabelShape.BoundingBox);
        var project = (await resources.CreateAsync(actor, new CreateResource(ResourceKind.Project, "Perception", "", ontology, [dataset]))).Value;

        var watcher = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(watcher, admin);
        await watcher.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(watcher);
        await Expect(watcher.Locator("[data-testid=activity-live]")).ToHaveTextAsync("Live");
        // Everything the polite live region says, in order: a screen reader hears each.
        await watcher.EvaluateAsync("""
            () => {
              const region = document.querySelector("[data-testid=activity-announcer]");
              window.announced = [];
              new MutationObserver(() => window.announced.push(region.textContent.trim()))
                .observe(region, { childList: true, characterData: true, subtree: true });
            }
            """);

        // A few megabytes, so the upload takes long enough to watch the job wait at 0 %.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var big = png.Concat(new byte[6 * 1024 * 1024]).ToArray();
        var worker = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(worker, admin);
        await worker.GotoAsync($"/datasets/{dataset}");
        await BrowserSession.WaitForInteractiveAsync(worker);
        await worker.Locator("[data-testid=resource-import]").ClickAsync();
        await BrowserSession.ChooseImportFilesAsync(worker, [FileOf("frame-1.png", big), FileOf("frame-2.png", png)]);
        await Expect(worker.Locator("[data-testid=import-chosen]")).ToContainTextAsync("2 files");
        await worker.Locator("[data-testid=import-start]").ClickAsync();

        var row = JobRow(watcher, "2 files into Street scenes");
        await Expect(row.Locator("[data-testid=job-status]")).ToHaveTextAsync("Processing");
        await BrowserSession.ScreenshotAsync(watcher, "activity-processing");
        await Expect(row.Locator("[data-testid=job-status]")).ToHaveTextAsync("Success", new() { Timeout = 30_000 });
        await BrowserSession.ScreenshotAsync(watcher, "activity-success");
        // The start and the end were said, and nothing about the progress in between.
        await Expect(watcher.Locator("[data-testid=activity-announcer]")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(watcher.Locator("[data-testid=activity-announcer]")).ToHaveTextAsync("2 files into Street scenes: Success.");
        var announced = await watcher.EvaluateAsync<string[]>("() => window.announced.filter(t => t)");
        Assert.Contains("2 files into Street scenes: started.", announced);
        Assert.All(announced, said => Assert.Matches(@"^2 files into Street scenes: (started|Processing|Success)\.$", said));
        Assert.True(announced.Distinct().Count() <= 3, "Announced: " + string.Join(" | ", announced));

        // "View folder" lists what the import stored.
        await row.Locator("[data-testid=job-folder]").ClickAsync();
        await Expect(watcher.Locator("[data-testid=job-files]")).ToContainTextAsync("frame-1.png");
        await Expect(watcher.Locator("[data-testid=job-files]")).ToContainTextAsync("frame-2.png");
        // A download is the workspace's data: the browser and proxies between must not keep it.
        var download = await watcher.Locator("[data-testid=job-files] tr").Filter(new() { HasText = "frame-2.png" }).Locator("a").GetAttributeAsync("href");
        var fetched = await watcher.APIRequest.GetAsync(download!);
        Assert.Equal(200, fetched.Status);
        Assert.Contains("no-store", fetched.Headers["cache-control"]);
        Assert.Equal(png, await fetched.BodyAsync());

        // A labels file naming an unknown class imports nothing, and says why.
        await watcher.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(watcher);
        await worker.GotoAsync($"/projects/{project}");
        await BrowserSession.WaitForInteractiveAsync(worker);
        await worker.Locator("[data-testid=resource-import]").ClickAsync();
        await BrowserSession.ChooseImportFilesAsync(worker, FileOf("labels.json", """
            {"images": [{"id": 1, "file_name": "frame-2.png"}], "categories": [{"id": 1, "name": "Truck"}],
             "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 1, 5, 5]}]}
            """u8.ToArray()));
        await worker.Locator("[data-testid=import-start]").ClickAsync();

        var labels = JobRow(watcher, "Labels from labels.json into Perception");
        await Expect(labels.Locator("[data-testid=job-status]")).ToHaveTextAsync("Error", new() { Timeout = 30_000 });
        await labels.Locator("[data-testid=job-error-details]").ClickAsync();
        await Expect(watcher.Locator("[data-testid=job-error-summary]")).ToHaveTextAsync("Nothing was imported: the file has 2 problems.");
        await Expect(watcher.Locator("[data-testid=job-problems]")).ToContainTextAsync("\"Truck\" is not a class of this Project's Ontology.");
        await BrowserSession.ScreenshotAsync(watcher, "activity-error-details");
    }

    [BrowserFact]
    public Task AnUploadShowsItsBytes_AndCanBeCancelledMidway_LeavingNothingImported() =>
        Session.JourneyAsync(AnUploadShowsItsBytesAndCanBeCancelledMidwayJourneyAsync);

    private async Task AnUploadShowsItsBytesAndCanBeCancelledMidwayJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var actor = await Session.ActorAsync(admin);
        var dataset = (await Session.App.Services.GetRequiredService<ResourceService>()
            .CreateAsync(actor, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var large = FileOf("large.png", png.Concat(new byte[48 * 1024 * 1024]).ToArray());

        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync($"/datasets/{dataset}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=resource-import]").ClickAsync();
        await BrowserSession.ChooseImportFilesAsync(page, large);
        await Expect(page.Locator("[data-testid=import-chosen]")).ToContainTextAsync("1 file");
        await page.Locator("[data-testid=import-start]").ClickAsync();

        // Progress counts bytes within the one file, not whole files.
        var progress = page.Locator("[data-testid=import-progress]");
        await Expect(progress).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Uploading large\.png… [\d.]+ (KB|MB) of 48 MB \((?!0 %)\d{1,2} %\)"),
            new() { Timeout = 30_000 });
        await BrowserSession.ScreenshotAsync(page, "import-upload-progress");
        await page.Locator("[data-testid=import-cancel-upload]").ClickAsync();

        await Expect(page.Locator("[data-testid=import-error]")).ToContainTextAsync("Upload cancelled. Nothing was imported");
        await page.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(page);
        var row = JobRow(page, "1 file into Street scenes");
        await Expect(row.Locator("[data-testid=job-status]")).ToHaveTextAsync("Error");
        var staging = Session.App.Services.GetRequiredService<Dashboard.Domain.Activity.Imports.ImportFolders>().StagingRoot;
        Assert.Empty(Directory.Exists(staging) ? Directory.GetFileSystemEntries(staging) : []);
    }
}
