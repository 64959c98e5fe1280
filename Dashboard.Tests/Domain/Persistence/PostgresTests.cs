using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Dashboard.Tests.Domain.Persistence;

/// <summary>
/// What is PostgreSQL's own: its migrations on a real server, several nodes starting at once, the queue's claim
/// with SKIP LOCKED, and the search served by trigram indexes. (The rest of the domain suite runs on PostgreSQL too:
/// DASHBOARD_TEST_DATABASE=Postgres, as .ci/run does.)
/// </summary>
[Trait("Database", "Postgres")]
public class PostgresTests
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);

    private static PooledDbContextFactory<DashboardDbContext> Node(string connectionString)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseConnection.Postgres(connectionString).Configure(options);
        return new PooledDbContextFactory<DashboardDbContext>(options.Options);
    }

    [PostgresFact]
    public async Task ThreeNodesStartingAtOnce_OnAnEmptyDatabase_MigrateItOnce()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateEmptyDatabaseAsync();
        try
        {
            // Three processes' worth of connections, started together as a deploy starts its nodes.
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => DatabaseInitializer.MigrateAsync(Node(connectionString)))));

            await using var db = Node(connectionString).CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var applied = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync();
            Assert.Equal(db.Database.GetMigrations().Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
            Assert.False(await db.Members.AnyAsync());
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [PostgresFact]
    public async Task TwoNodesDrainingTheQueue_NeverTakeTheSameJob()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var queued = await QueuedImportsAsync(database, 30);
        var (a, b) = (new JobQueue(Node(database.Database!.ConnectionString), _clock, WorkerNode.ForThisProcess()),
            new JobQueue(Node(database.Database.ConnectionString), _clock, WorkerNode.ForThisProcess()));

        static async Task<List<Guid>> DrainAsync(JobQueue queue)
        {
            var taken = new List<Guid>();
            while (await queue.ClaimNextAsync() is { } next) taken.Add(next.JobId);
            return taken;
        }
        var both = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));

        var all = both.SelectMany(t => t).ToList();
        Assert.Equal(queued.Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [PostgresFact]
    public async Task AJobAnotherNodeIsClaiming_IsPassedOver_NotWaitedFor()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var queued = await QueuedImportsAsync(database, 2);
        // Another node's claim in progress: the oldest row is locked in its open transaction.
        await using var other = new NpgsqlConnection(database.Database!.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var lockOldest = new NpgsqlCommand("""SELECT "Id" FROM "Jobs" WHERE "Id" = @id FOR UPDATE""", other, transaction))
        {
            lockOldest.Parameters.AddWithValue("id", queued[0]);
            await lockOldest.ExecuteScalarAsync();
        }

        var claim = new JobQueue(database, _clock, WorkerNode.ForThisProcess()).ClaimNextAsync();

        Assert.Same(claim, await Task.WhenAny(claim, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(queued[1], (await claim)!.Value.JobId);
    }

    [PostgresFact]
    public async Task TheUsersSearch_IgnoresCase_AndIsServedByTheTrigramIndexes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var workspace = await Seed.WorkspaceAsync(database);
        var admin = await Seed.MemberAsync(database, workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Lovelace");
        await Seed.MemberAsync(database, workspace, WorkspaceRole.Member, "grace@acme.example", "Grace Hopper");
        var directory = new MemberDirectory(database);

        Assert.Equal(["Ada Lovelace"], (await directory.ListAsync(admin, new MemberQuery("LOVEL"))).Value.Items.Select(m => m.DisplayName));
        Assert.Equal(["Grace Hopper"], (await directory.ListAsync(admin, new MemberQuery("Grace@ACME"))).Value.Items.Select(m => m.DisplayName));
        Assert.Empty((await directory.ListAsync(admin, new MemberQuery("100%"))).Value.Items);

        // A handful of rows is read fastest without an index; with scans priced out, the plan shows the index applies.
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        var pattern = Dashboard.Domain.Common.SearchText.Contains("hopper");
        var search = db.Members.Where(m => EF.Functions.Like(m.DisplayName, pattern, Dashboard.Domain.Common.SearchText.Escape));
        // The query as EF Core writes it, its one parameter a literal (the test's own text, nothing typed by anyone).
        var sql = "EXPLAIN " + search.ToQueryString().Split('\n', 2)[1].Replace("@pattern", "'%hopper%'", StringComparison.Ordinal);
#pragma warning disable EF1003
        var plan = string.Join("\n", await db.Database.SqlQueryRaw<string>(sql).ToListAsync());
#pragma warning restore EF1003
        Assert.Contains("IX_Members_DisplayName_Trigrams", plan, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TwoChangesInOneWorkspace_TakeTurns_WhileAnotherWorkspaceIsNotHeldUp()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var acme = await Seed.MemberAsync(database, await Seed.WorkspaceAsync(database, "Acme"), WorkspaceRole.Admin);
        var acmeToo = await Seed.MemberAsync(database, await DatabaseWorkspaceAsync(database, acme.WorkspaceId), WorkspaceRole.Admin);
        var other = await Seed.MemberAsync(database, await Seed.WorkspaceAsync(database, "Other Co"), WorkspaceRole.Admin);
        var writes = new ActingWrites(database, _clock);
        var firstInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letFirstFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = writes.RunAsync(acme, async _ =>
        {
            firstInside.TrySetResult();
            await letFirstFinish.Task;
            return Dashboard.Domain.Common.Result.Success();
        }, default);
        await firstInside.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var sameWorkspace = writes.RunAsync(acmeToo, _ => Task.FromResult(Dashboard.Domain.Common.Result.Success()), default);
        var otherWorkspace = writes.RunAsync(other, _ => Task.FromResult(Dashboard.Domain.Common.Result.Success()), default);

        Assert.True((await otherWorkspace.WaitAsync(TimeSpan.FromSeconds(10))).Succeeded);
        await Task.Delay(300);
        Assert.False(sameWorkspace.IsCompleted, "a second change in the workspace ran while the first was still open");
        letFirstFinish.SetResult();
        Assert.True((await first).Succeeded);
        Assert.True((await sameWorkspace.WaitAsync(TimeSpan.FromSeconds(10))).Succeeded);
    }

    private static async Task<Dashboard.Domain.Workspaces.Workspace> DatabaseWorkspaceAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateDbContext();
        return await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private async Task<List<Guid>> QueuedImportsAsync(TestDatabase database, int count)
    {
        var workspace = await Seed.WorkspaceAsync(database, "Acme Vision");
        var member = await Seed.MemberAsync(database, workspace, WorkspaceRole.Member);
        var dataset = (await new ResourceService(database, _clock).CreateAsync(member, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        var jobs = new JobService(database, _clock, new JobEvents(), WorkerNode.ForThisProcess());
        var queue = new JobQueue(database, _clock, WorkerNode.ForThisProcess());
        var queued = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var job = (await jobs.StartImportAsync(member, JobType.DataImport, dataset, $"Import {i}")).Value;
            Assert.True(await queue.EnqueueAsync(job.Id));
            queued.Add(job.Id);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        return queued;
    }
}
