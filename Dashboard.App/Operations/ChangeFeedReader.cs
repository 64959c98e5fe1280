using Dashboard.Domain.Activity;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Operations;

public sealed class ChangeFeedOptions
{
    public const string Section = "Dashboard:Events";

    /// <summary>How often each node reads the change feed; a Redis message wakes it sooner.</summary>
    public double PollSeconds { get; set; } = 1;
}

/// <summary>
/// Replays, in this process, the membership, security and key changes other processes made (another node, the
/// operator's command line): each wrote a <see cref="FeedEntry"/> in the change's own transaction. The entries of
/// the last minute are read every poll and each is replayed once — a minute, because a change committed late (a slow
/// transaction, a node whose clock runs behind) still appears within it. Old entries are deleted after a day.
/// </summary>
public sealed class ChangeFeedReader(IDbContextFactory<DashboardDbContext> factory, MembershipChanges changes, ApiKeyService keys,
    JobEvents jobs, TimeProvider clock, IOptions<ChangeFeedOptions> options, ILogger<ChangeFeedReader> logger) : BackgroundService
{
    private static readonly TimeSpan Lookback = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    private readonly Dictionary<Guid, DateTimeOffset> _replayed = [];
    private readonly SemaphoreSlim _wake = new(0);
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    /// <summary>Reads the feed now rather than at the next poll (a Redis message says an entry was written).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));
        // What was written before this process started concerns no page of it.
        var since = clock.GetUtcNow();
        // Nothing is open to hear a replay while the process starts, and the first read (its query built on first use)
        // would share the cores with the first page: it waits one interval, or for a wake-up. The lookback covers it.
        try
        {
            await _wake.WaitAsync(interval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                await ReplayAsync(since - Lookback, stoppingToken);
                since = now;
                if (now - _lastCleanup > CleanupInterval) await CleanUpAsync(now, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading the change feed failed; trying again in {Interval}", interval);
            }
            try
            {
                await _wake.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    internal async Task ReplayAsync(DateTimeOffset from, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = await db.ChangeFeed.AsNoTracking().Where(e => e.At >= from && e.Origin != changes.Origin)
            .OrderBy(e => e.At).ToListAsync(ct);
        var jobsToShow = new Dictionary<Guid, bool>();
        foreach (var entry in entries.Where(e => _replayed.TryAdd(e.Id, e.At)))
        {
            switch (entry.Kind)
            {
                case FeedKind.AccountChanged:
                    changes.Replay(entry.SubjectId);
                    break;
                case FeedKind.ApiKeyRevoked:
                    keys.AnnounceRevoked(entry.SubjectId);
                    break;
                case FeedKind.WorkspaceMembersChanged:
                    var accounts = await db.Members.Where(m => m.WorkspaceId == entry.SubjectId && m.AccountId != null)
                        .Select(m => m.AccountId).ToListAsync(ct);
                    foreach (var account in accounts) changes.Replay(account!.Value);
                    break;
                case FeedKind.JobStarted or FeedKind.JobFinished:
                    jobsToShow[entry.SubjectId] = jobsToShow.GetValueOrDefault(entry.SubjectId) || entry.Kind == FeedKind.JobStarted;
                    break;
            }
        }
        await ReplayJobsAsync(db, jobsToShow, ct);
        foreach (var old in _replayed.Where(r => r.Value < from - Lookback).Select(r => r.Key).ToList()) _replayed.Remove(old);
    }

    /// <summary>
    /// Pages hear each job as it stands now, read in one query: with Redis they may have heard it already (applying it
    /// again changes nothing), without it this is how another node's jobs start and end on them.
    /// </summary>
    private async Task ReplayJobsAsync(DashboardDbContext db, Dictionary<Guid, bool> startedByJob, CancellationToken ct)
    {
        if (startedByJob.Count == 0) return;
        var ids = startedByJob.Keys.ToList();
        var current = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(ct);
        foreach (var job in current.OrderBy(j => j.StartedAt)) jobs.Receive(JobEvents.ChangeOf(job, created: startedByJob[job.Id]));
    }

    private async Task CleanUpAsync(DateTimeOffset now, CancellationToken ct)
    {
        _lastCleanup = now;
        var before = now - Kept;
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.ChangeFeed.Where(e => e.At < before).ExecuteDeleteAsync(ct);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
