using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Persistence;
using Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Activity;

/// <summary>
/// The import queue as rows of the real database: what waits survives a restart, two nodes never take the same
/// job, and a job whose node stopped renewing its lease is failed — a live node's job never is.
/// </summary>
public class JobQueueTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private Actor _member = default!;
    private Guid _dataset;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _member = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Member);
        _dataset = (await new ResourceService(_database, _clock).CreateAsync(_member, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>One node: its identity, the job service that starts imports there, and its view of the queue.</summary>
    private (WorkerNode Node, JobService Jobs, JobQueue Queue) Node()
    {
        var node = WorkerNode.ForThisProcess();
        return (node, new JobService(_database, _clock, new JobEvents(), node), new JobQueue(_database, _clock, node));
    }

    private async Task<Guid> UploadedImportAsync(JobService jobs, JobQueue queue, string title = "Frames")
    {
        var job = (await jobs.StartImportAsync(_member, JobType.DataImport, _dataset, title)).Value;
        Assert.True(await queue.EnqueueAsync(job.Id));
        return job.Id;
    }

    private async Task<Job> JobAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [Fact]
    public async Task AnImportQueuedBeforeAStop_IsTakenByTheNextProcess_Oldest_First()
    {
        var before = Node();
        var first = await UploadedImportAsync(before.Jobs, before.Queue, "First");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await UploadedImportAsync(before.Jobs, before.Queue, "Second");

        // The process stops; a new one (another node id) starts on the same database.
        var after = Node();
        Assert.Equal((first, JobType.DataImport), await after.Queue.ClaimNextAsync());
        Assert.Equal((second, JobType.DataImport), await after.Queue.ClaimNextAsync());
        Assert.Null(await after.Queue.ClaimNextAsync());
        Assert.Equal(after.Node.Id, (await JobAsync(first)).LeaseOwner);
    }

    /// <summary>SQLite's claim; PostgreSQL's (SKIP LOCKED) is in PostgresTests.</summary>
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task TwoNodesRacingForTheQueue_NeverTakeTheSameJob()
    {
        var producer = Node();
        var queued = new List<Guid>();
        for (var i = 0; i < 30; i++) queued.Add(await UploadedImportAsync(producer.Jobs, producer.Queue, $"Import {i}"));
        // Two nodes are two connections to one file, as in production; the in-memory test database has one connection.
        var file = Path.Combine(Path.GetTempPath(), $"dashboard-queue-{Guid.NewGuid():N}.db");
        await using (var copy = new SqliteConnection($"Data Source={file}"))
        {
            await copy.OpenAsync();
            _database.Connection.BackupDatabase(copy);
        }
        var shared = new FileDatabase(file);
        var (a, b) = (new JobQueue(shared, _clock, WorkerNode.ForThisProcess()), new JobQueue(shared, _clock, WorkerNode.ForThisProcess()));

        async Task<List<Guid>> DrainAsync(JobQueue queue)
        {
            var taken = new List<Guid>();
            while (await queue.ClaimNextAsync() is { } next) taken.Add(next.JobId);
            return taken;
        }
        var both = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));
        SqliteConnection.ClearAllPools();
        File.Delete(file);

        var all = both.SelectMany(t => t).ToList();
        Assert.Equal(queued.Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    private sealed class FileDatabase(string path) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={path};Default Timeout=30").Options);
    }

    [Fact]
    public async Task ALiveNodesLease_IsRenewed_WhileAStoppedNodesRunsOut_AndOnlyThatJobIsFailed()
    {
        var (live, stopped) = (Node(), Node());
        var producer = Node();
        var first = await UploadedImportAsync(producer.Jobs, producer.Queue, "First");
        var second = await UploadedImportAsync(producer.Jobs, producer.Queue, "Second");
        Assert.Equal(first, (await live.Queue.ClaimNextAsync())!.Value.JobId);
        Assert.Equal(second, (await stopped.Queue.ClaimNextAsync())!.Value.JobId);

        // Well past a lease; the live node renewed along the way, the stopped one could not.
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(WorkerNode.DefaultLease / 2);
            await live.Queue.RenewLeasesAsync();
        }
        Assert.Equal(1, await live.Jobs.FailExpiredLeasesAsync());

        Assert.Equal(JobStatus.Processing, (await JobAsync(first)).Status);
        var failed = await JobAsync(second);
        Assert.Equal(JobStatus.Error, failed.Status);
        Assert.StartsWith(JobService.InterruptedMessage, failed.ErrorSummary);
    }

    [Fact]
    public async Task AJobStillUploading_IsNotQueued_AndAnEndedJobCannotBe()
    {
        var node = Node();
        var uploading = (await node.Jobs.StartImportAsync(_member, JobType.DataImport, _dataset, "Uploading")).Value;
        Assert.Null(await node.Queue.ClaimNextAsync());
        Assert.Equal(node.Node.Id, (await JobAsync(uploading.Id)).LeaseOwner);

        await node.Jobs.FailAsync(uploading.Id, "The upload was cancelled.", []);
        Assert.False(await node.Queue.EnqueueAsync(uploading.Id));
        Assert.Null(await node.Queue.ClaimNextAsync());
    }
}
