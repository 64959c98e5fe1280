using Dashboard.Domain.Common;
using System.IO.Compression;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Activity;

public class ImportRunnerTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 2, 3];

    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dashboard-import-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = default!;
    private JobService _jobs = default!;
    private ImportFolders _folders = default!;
    private ResourceService _resources = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _jobs = new JobService(_database, _clock, new JobEvents());
        _folders = new ImportFolders(Path.Combine(_root, "storage"), Path.Combine(_root, "staging"));
        _resources = new ResourceService(_database, _clock);
        var workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<Job> StageAsync(JobType type, Guid resourceId, params (string Name, byte[] Content)[] files)
    {
        var job = (await _jobs.StartImportAsync(_admin, type, resourceId, "Import")).Value;
        var staging = _folders.StagingFor(job.Id);
        Directory.CreateDirectory(staging);
        for (var i = 0; i < files.Length; i++)
            await File.WriteAllBytesAsync(Path.Combine(staging, type == JobType.LabelImport ? LabelImportRunner.StagedFileName : $"{i:0000}_{files[i].Name}"), files[i].Content);
        return job;
    }

    private DataImportRunner Runner(ImportLimits? limits = null) =>
        new(_database, _jobs, _folders, _clock, NullLogger<DataImportRunner>.Instance, Options.Create(limits ?? new ImportLimits()));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        return buffer.ToArray();
    }

    [Fact]
    public async Task ADataImport_StoresAndRegistersTheGoodFiles_AndListsTheUnreadableOne()
    {
        var dataset = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        var job = await StageAsync(JobType.DataImport, dataset,
            ("frame-1.png", Png), ("broken.png", "not an image"u8.ToArray()), ("batch.zip", Zip(("sub/frame-2.jpg", Jpeg))));
        var runner = Runner();

        await runner.RunAsync(job.Id, CancellationToken.None);

        await using var db = _database.CreateDbContext();
        var units = await db.DataUnits.Where(u => u.JobId == job.Id).OrderBy(u => u.Name).ToListAsync();
        Assert.Equal(["frame-1.png", "frame-2.jpg"], units.Select(u => u.Name));
        Assert.Equal(("image/png", Png.Length), (units[0].ContentType, (int)units[0].Size));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)), units[0].Sha256);
        Assert.Equal(Png, await File.ReadAllBytesAsync(_folders.StorageFor(units[0].StoragePath)));
        Assert.False(File.Exists(Path.Combine(_folders.StorageFor(job.StorageFolder!), "broken.png")));
        Assert.False(Directory.Exists(_folders.StagingFor(job.Id)));

        var details = (await _jobs.GetAsync(_admin, job.Id)).Value;
        // The job counts what is registered, and lists every item with its outcome.
        Assert.Equal((JobStatus.Error, 2, 3), (details.Job.Status, details.Job.ItemsDone, details.Job.ItemsTotal));
        Assert.StartsWith("1 of 3 files could not be imported; the other 2 are in the Dataset.", details.Job.ErrorSummary);
        var problem = Assert.Single(details.Problems);
        Assert.Equal("broken.png", problem.Item);
        Assert.Contains("not a valid PNG file", problem.Message);
        var items = (await new ImportedFiles(_database).ListImportItemsAsync(_admin, job.Id)).Value;
        Assert.Equal([("frame-1.png", true), ("batch.zip/sub/frame-2.jpg", true), ("broken.png", false)],
            items.Select(i => (i.Item, i.Registered)).OrderBy(i => !i.Registered).ThenBy(i => i.Item.Length));
        Assert.Contains(units[0].Sha256, items.Single(i => i.Item == "frame-1.png").Detail);

        // Another workspace's Admin learns nothing of the import, not even that it exists.
        var stranger = await Seed.MemberAsync(_database, await Seed.WorkspaceAsync(_database, "Elsewhere"), WorkspaceRole.Admin);
        Assert.Equal(ErrorKind.NotFound, (await new ImportedFiles(_database).ListImportItemsAsync(stranger, job.Id)).Error!.Kind);
    }

    [Fact]
    public async Task AZipBomb_IsRefusedWithoutBeingUnpacked_WhileItsHonestEntriesImport()
    {
        var dataset = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        // 64 MB of zeros behind a PNG signature deflates to a few tens of KB: over 1,000 times its compressed size.
        var bomb = new byte[64 * 1024 * 1024];
        Png.CopyTo(bomb, 0);
        var job = await StageAsync(JobType.DataImport, dataset, ("innocent.zip", Zip(("frame-1.png", Png), ("huge.png", bomb))));

        await Runner().RunAsync(job.Id, CancellationToken.None);

        var details = (await _jobs.GetAsync(_admin, job.Id)).Value;
        var problem = Assert.Single(details.Problems);
        Assert.Equal("innocent.zip/huge.png", problem.Item);
        Assert.Contains("looks like an archive built to fill the disk", problem.Message);
        var stored = Directory.GetFiles(_folders.StorageFor(job.StorageFolder!)).Select(Path.GetFileName);
        Assert.Equal(["frame-1.png"], stored);
        Assert.False(Directory.Exists(_folders.StagingFor(job.Id)));
    }

    [Theory]
    [InlineData("files", "This import holds 3 files; at most 2 are imported at once.")]
    [InlineData("bytes", "This import would expand to 57 bytes; at most 40 bytes is imported at once.")]
    [InlineData("disk", "Not enough free disk space")]
    public async Task AnImportPastItsLimits_IsRefusedWhole_BeforeAnythingIsStored(string limit, string message)
    {
        var dataset = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        var job = await StageAsync(JobType.DataImport, dataset, ("a.png", Png), ("b.png", Png), ("c.png", Png));
        var limits = limit switch
        {
            "files" => new ImportLimits { MaxFiles = 2 },
            "bytes" => new ImportLimits { MaxImportBytes = 40 },
            _ => new ImportLimits { FreeDiskMarginBytes = long.MaxValue / 2 },
        };

        await Runner(limits).RunAsync(job.Id, CancellationToken.None);

        var details = (await _jobs.GetAsync(_admin, job.Id)).Value;
        Assert.Equal(JobStatus.Error, details.Job.Status);
        Assert.Contains(message, details.Job.ErrorSummary);
        Assert.False(Directory.Exists(_folders.StorageFor(job.StorageFolder!)));
        Assert.False(Directory.Exists(_folders.StagingFor(job.Id)));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.DataUnits.AnyAsync(u => u.JobId == job.Id));
    }

    [Fact]
    public async Task AfterACrash_HousekeepingRemovesAbandonedUploadsAndUnregisteredFiles_AndKeepsWhatIsWaitingOrRegistered()
    {
        var dataset = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        var crashed = await StageAsync(JobType.DataImport, dataset, ("a.png", Png), ("b.png", Png));
        var waiting = await StageAsync(JobType.DataImport, dataset, ("c.png", Png));
        // The crash: a.png was stored and registered, b.png was stored but not registered, c.png was being copied.
        var folder = _folders.StorageFor(crashed.StorageFolder!);
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "a.png"), Png);
        await File.WriteAllBytesAsync(Path.Combine(folder, "b.png"), Png);
        await File.WriteAllBytesAsync(Path.Combine(folder, "c.png.partial"), Png[..4]);
        await using (var db = _database.CreateDbContext())
        {
            db.DataUnits.Add(new DataUnit(dataset, crashed.Id, "a.png", Png.Length, "image/png", "00", $"{crashed.StorageFolder}/a.png", Seed.Now));
            await db.SaveChangesAsync();
        }
        await _jobs.FailAsync(crashed.Id, JobService.InterruptedMessage, []);

        var swept = await new ImportHousekeeping(_database, _folders, NullLogger<ImportHousekeeping>.Instance).SweepAsync();

        Assert.Equal(new ImportHousekeeping.Swept(1, 2), swept);
        Assert.Equal(["a.png"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.False(Directory.Exists(_folders.StagingFor(crashed.Id)));
        Assert.True(Directory.Exists(_folders.StagingFor(waiting.Id)));
    }

    private async Task<(Guid Project, Guid Dataset)> LabelledProjectAsync()
    {
        var ontology = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, "Road", ""))).Value;
        await new ResourceConnections(_database, _clock).AddClassAsync(_admin, ontology, "Car", LabelShape.BoundingBox);
        await new ResourceConnections(_database, _clock).AddClassAsync(_admin, ontology, "Lane", LabelShape.Polygon);
        var dataset = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        var project = (await _resources.CreateAsync(_admin, new CreateResource(ResourceKind.Project, "Perception", "", ontology, [dataset]))).Value;
        await using var db = _database.CreateDbContext();
        db.DataUnits.Add(new DataUnit(dataset, null, "a.png", 10, "image/png", "00", "x/a.png", Seed.Now));
        await db.SaveChangesAsync();
        return (project, dataset);
    }

    private async Task<int> LabelCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Labels.CountAsync();
    }

    [Fact]
    public async Task ALabelFileWithOneBadClass_ImportsNothing_AndSaysWhere()
    {
        var (project, _) = await LabelledProjectAsync();
        var job = await StageAsync(JobType.LabelImport, project, ("labels.json", """
            {"images": [{"id": 1, "file_name": "a.png"}],
             "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "Truck"}],
             "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 2, 30, 40]},
                             {"image_id": 1, "category_id": 2, "bbox": [5, 5, 10, 10]}]}
            """u8.ToArray()));

        await new LabelImportRunner(_database, _jobs, _folders, _clock).RunAsync(job.Id, CancellationToken.None);

        var details = (await _jobs.GetAsync(_admin, job.Id)).Value;
        Assert.Equal(JobStatus.Error, details.Job.Status);
        Assert.Equal("Nothing was imported: the file has 2 problems.", details.Job.ErrorSummary);
        Assert.Equal(["categories[1]: \"Truck\" is not a class of this Project's Ontology.", "annotations[1]: category_id does not name a usable category of this file."],
            details.Problems.Select(p => $"{p.Item}: {p.Message}"));
        Assert.Equal(0, await LabelCountAsync());
    }

    [Fact]
    public async Task AGoodLabelFile_ImportsEveryLabel()
    {
        var (project, _) = await LabelledProjectAsync();
        var job = await StageAsync(JobType.LabelImport, project, ("labels.json", """
            {"images": [{"id": 7, "file_name": "A.PNG"}],
             "categories": [{"id": 1, "name": "Car"}, {"id": 2, "name": "Lane"}],
             "annotations": [{"image_id": 7, "category_id": 1, "bbox": [1, 2, 30, 40]},
                             {"image_id": 7, "category_id": 2, "segmentation": [[0, 0, 10, 0, 10, 10]]}]}
            """u8.ToArray()));

        await new LabelImportRunner(_database, _jobs, _folders, _clock).RunAsync(job.Id, CancellationToken.None);

        Assert.Equal(JobStatus.Success, (await _jobs.GetAsync(_admin, job.Id)).Value.Job.Status);
        Assert.Equal(2, await LabelCountAsync());
    }

    [Fact]
    public async Task ALabelFileThatIsNotJson_SaysWhereItBreaks()
    {
        var (project, _) = await LabelledProjectAsync();
        var job = await StageAsync(JobType.LabelImport, project, ("labels.json", "{\n  \"images\": [\n    oops\n]}"u8.ToArray()));

        await new LabelImportRunner(_database, _jobs, _folders, _clock).RunAsync(job.Id, CancellationToken.None);

        var problem = Assert.Single((await _jobs.GetAsync(_admin, job.Id)).Value.Problems);
        Assert.StartsWith("line 3", problem.Item);
        Assert.StartsWith("The file is not valid JSON", problem.Message);
    }
}
