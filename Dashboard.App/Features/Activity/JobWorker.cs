using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Features.Activity;

/// <summary>"Dashboard:Jobs": how many imports run at once, how long a lease and an external job's silence may last.</summary>
public sealed class JobOptions
{
    public const string Section = "Dashboard:Jobs";

    public int Concurrency { get; set; } = 2;
    public double HeartbeatMinutes { get; set; } = 10;
    /// <summary>A job whose node has not renewed its lease for this long is failed as interrupted.</summary>
    public double LeaseSeconds { get; set; } = WorkerNode.DefaultLease.TotalSeconds;
    /// <summary>How often an idle worker looks for imports other nodes queued; its own node's wake it at once.</summary>
    public double PollSeconds { get; set; } = 2;
}

/// <summary>
/// Runs queued imports, several at once, taking each from the database's queue (<see cref="JobQueue"/>) so any node
/// may run any import; renews this node's leases and fails jobs whose node stopped renewing theirs; fails external
/// jobs whose worker went silent.
/// </summary>
public sealed class JobWorker(JobQueue queue, WorkerNode node, IServiceProvider services, JobService jobs, ImportHousekeeping housekeeping,
    IOptions<JobOptions> options, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly TimeSpan _lookAgain = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));
    private readonly SemaphoreSlim _doorbell = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        queue.Queued += RingDoorbell;
        stoppingToken.Register(() => queue.Queued -= RingDoorbell);
        // The first page a start serves comes before the workers' first look at the queue: their first queries, each
        // built on first use, would share the cores with it (~300 ms of a fresh start on two cores). They look one poll
        // later, or at once when an import is queued here. Leases of a stopped node run out later than that anyway.
        try
        {
            await _doorbell.WaitAsync(_lookAgain, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Concurrency)).Select(_ => RunJobsAsync(stoppingToken));
        await Task.WhenAll(workers.Append(KeepLeasesAsync(stoppingToken)).Append(WatchHeartbeatsAsync(stoppingToken)));
    }

    private void RingDoorbell() => _doorbell.Release();

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            (Guid JobId, JobType Type)? next;
            try
            {
                next = await queue.ClaimNextAsync(stoppingToken);
                if (next is null)
                {
                    await _doorbell.WaitAsync(_lookAgain, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The job queue could not be read; trying again shortly");
                await Task.Delay(_lookAgain, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            await RunAsync(next.Value.JobId, next.Value.Type, stoppingToken);
        }
    }

    private async Task RunAsync(Guid jobId, JobType type, CancellationToken stoppingToken)
    {
        try
        {
            if (type == JobType.DataImport)
                await services.GetRequiredService<DataImportRunner>().RunAsync(jobId, stoppingToken);
            else
                await services.GetRequiredService<LabelImportRunner>().RunAsync(jobId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the lease runs out and the job is failed as interrupted, by this node's successor or another.
        }
        catch (Exception e)
        {
            // A bug in one job must not stop the worker, and the job must not stay Processing for ever.
            logger.LogError(e, "Job {JobId} failed unexpectedly", jobId);
            await jobs.FailAsync(jobId, $"The import stopped on an unexpected error: {e.Message}", [], CancellationToken.None);
        }
    }

    /// <summary>Renews this node's leases a few times per lease, and fails the jobs of nodes that stopped renewing.</summary>
    private async Task KeepLeasesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(node.Lease / 3);
        do
        {
            try
            {
                await queue.RenewLeasesAsync(stoppingToken);
                var failed = await jobs.FailExpiredLeasesAsync(stoppingToken);
                if (failed == 0) continue;
                logger.LogWarning("{Count} imports were interrupted: the node running them stopped", failed);
                // What their uploads and copies left behind goes now, not at some node's next start.
                await housekeeping.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Job leases could not be renewed or checked; trying again at the next round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task WatchHeartbeatsAsync(CancellationToken stoppingToken)
    {
        var heartbeat = TimeSpan.FromMinutes(options.Value.HeartbeatMinutes);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            var failed = await jobs.FailSilentExternalAsync(heartbeat, stoppingToken);
            if (failed > 0) logger.LogWarning("{Count} external jobs had no heartbeat for {Minutes} minutes and were failed", failed, heartbeat.TotalMinutes);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override void Dispose()
    {
        _doorbell.Dispose();
        base.Dispose();
    }
}
