using System.Threading.Channels;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Features.Activity;

/// <summary>"Dashboard:Jobs": how many imports run at once, and how long an external job may stay silent.</summary>
public sealed class JobOptions
{
    public const string Section = "Dashboard:Jobs";

    public int Concurrency { get; set; } = 2;
    public double HeartbeatMinutes { get; set; } = 10;
}

/// <summary>Built-in jobs whose uploads have arrived, waiting for a worker.</summary>
public sealed class JobQueue
{
    private readonly Channel<(Guid JobId, JobType Type)> _channel = Channel.CreateUnbounded<(Guid, JobType)>();

    public ValueTask EnqueueAsync(Guid jobId, JobType type) => _channel.Writer.WriteAsync((jobId, type));

    internal ChannelReader<(Guid JobId, JobType Type)> Reader => _channel.Reader;
}

/// <summary>
/// Runs built-in jobs, several at once, and fails external jobs whose worker went silent. Jobs cut off by a
/// restart are failed at start-up (see Program), since nothing would ever finish them.
/// </summary>
public sealed class JobWorker(JobQueue queue, IServiceProvider services, JobService jobs, IOptions<JobOptions> options,
    ILogger<JobWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Concurrency)).Select(_ => RunJobsAsync(stoppingToken));
        return Task.WhenAll(workers.Append(WatchHeartbeatsAsync(stoppingToken)));
    }

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        await foreach (var (jobId, type) in queue.Reader.ReadAllAsync(stoppingToken))
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
                return;
            }
            catch (Exception e)
            {
                // A bug in one job must not stop the worker, and the job must not stay Processing for ever.
                logger.LogError(e, "Job {JobId} failed unexpectedly", jobId);
                await jobs.FailAsync(jobId, $"The import stopped on an unexpected error: {e.Message}", [], CancellationToken.None);
            }
        }
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
}
