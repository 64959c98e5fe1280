using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Activity;

/// <summary>This process among the app's nodes, as a job's lease names it, and how long a lease lasts unrenewed.</summary>
public sealed record WorkerNode(string Id, TimeSpan Lease)
{
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    /// <summary>A name no other process shares, even a later one on the same machine: a restart never inherits leases.</summary>
    public static WorkerNode ForThisProcess(TimeSpan? lease = null) =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", lease ?? DefaultLease);
}

/// <summary>
/// Built-in jobs waiting for a worker are rows, not items of an in-memory channel: an import queued when the app
/// stopped runs after it starts again, and a worker on any node takes the oldest by a conditional update (of two
/// workers racing for one job, one changes the row and the other moves on), then holds its lease while it runs.
/// The shape follows database-backed queues such as Solid Queue and Oban.
/// </summary>
public sealed class JobQueue(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock, WorkerNode node)
{
    /// <summary>Rung when this node queues a job, so its own workers start at once rather than at their next look.</summary>
    public event Action? Queued;

    /// <summary>The job's upload is whole: it waits for any node's worker. False when it ended or was queued already.</summary>
    public async Task<bool> EnqueueAsync(Guid jobId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var queued = await db.Jobs
            .Where(j => j.Id == jobId && j.Status == JobStatus.Processing && !j.IsExternal && j.QueuedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.QueuedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
        if (queued == 1) Queued?.Invoke();
        return queued == 1;
    }

    /// <summary>The oldest queued job, now leased to this node; null when none waits.</summary>
    public async Task<(Guid JobId, JobType Type)?> ClaimNextAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsNpgsql()) return await ClaimSkippingLockedAsync(db, ct);
        while (true)
        {
            var next = await Waiting(db).OrderBy(j => j.QueuedAt).Select(j => new { j.Id, j.Type }).FirstOrDefaultAsync(ct);
            if (next is null) return null;
            var until = clock.GetUtcNow() + node.Lease;
            // Only a row still unowned changes: a worker that lost the race updates nothing and tries the next.
            var claimed = await Waiting(db).Where(j => j.Id == next.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, node.Id).SetProperty(j => j.LeaseExpiresAt, until), ct);
            if (claimed == 1) return (next.Id, next.Type);
        }
    }

    /// <summary>
    /// PostgreSQL locks the oldest waiting row and passes over rows other workers hold locked (FOR UPDATE SKIP LOCKED):
    /// workers on several nodes never wait for, nor collide on, one another's claims.
    /// </summary>
    private async Task<(Guid JobId, JobType Type)?> ClaimSkippingLockedAsync(DashboardDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var processing = nameof(JobStatus.Processing);
        var next = await db.Jobs.FromSql($"""
                SELECT * FROM "Jobs"
                WHERE "Status" = {processing} AND NOT "IsExternal" AND "QueuedAt" IS NOT NULL AND "LeaseOwner" IS NULL
                ORDER BY "QueuedAt" LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).AsNoTracking().ToListAsync(ct);
        if (next.Count == 0) return null;
        var until = clock.GetUtcNow() + node.Lease;
        await db.Jobs.Where(j => j.Id == next[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, node.Id).SetProperty(j => j.LeaseExpiresAt, until), ct);
        await transaction.CommitAsync(ct);
        return (next[0].Id, next[0].Type);
    }

    /// <summary>Pushes back the expiry of every lease this node holds; each is renewed well within its length.</summary>
    public async Task<int> RenewLeasesAsync(CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + node.Lease;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Jobs.Where(j => j.LeaseOwner == node.Id && j.Status == JobStatus.Processing)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until), ct);
    }

    private static IQueryable<Job> Waiting(DashboardDbContext db) =>
        db.Jobs.Where(j => j.Status == JobStatus.Processing && !j.IsExternal && j.QueuedAt != null && j.LeaseOwner == null);
}
