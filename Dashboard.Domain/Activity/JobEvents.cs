using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Activity;

/// <summary>
/// What changed about a job, with enough to decide who may see it, and to update a row already on screen, without
/// reading the database.
/// </summary>
/// <param name="Created">The job was just started: it is new to every list, newest of all.</param>
public sealed record JobChange(Guid JobId, Guid WorkspaceId, Guid? StartedByMemberId, JobType Type, JobStatus Status,
    int ItemsDone, int ItemsTotal, DateTimeOffset At, DateTimeOffset? FinishedAt = null, bool Created = false);

/// <summary>
/// The one source of job events in this process. The Activity Center pages and the SignalR hub both listen
/// here, so they cannot disagree about a job. With several nodes, a change made on another node arrives through
/// <see cref="Receive"/> (the Redis bus): pages hear it in <see cref="Changed"/>, but only the node that made a change
/// relays it to the hub (<see cref="ChangedHere"/>), whose backplane already carries it to every node's clients.
/// A job's start and end are also written to the change feed in the change's own transaction (<see cref="Record"/>),
/// so other nodes' pages learn them without Redis, and even when this node dies before telling anyone.
/// </summary>
public sealed class JobEvents(MembershipChanges? feed = null)
{
    /// <summary>Every change, this node's and other nodes'.</summary>
    public event Action<JobChange>? Changed;

    /// <summary>Changes made on this node only.</summary>
    public event Action<JobChange>? ChangedHere;

    public void Publish(Job job, bool created = false)
    {
        var change = ChangeOf(job, created);
        ChangedHere?.Invoke(change);
        Changed?.Invoke(change);
    }

    public static JobChange ChangeOf(Job job, bool created = false) => new(job.Id, job.WorkspaceId, job.StartedByMemberId,
        job.Type, job.Status, job.ItemsDone, job.ItemsTotal, job.LastUpdateAt, job.FinishedAt, created);

    /// <summary>
    /// Adds the job's start or end to the change's own unit of work, for the other processes' feed readers. Progress is
    /// not recorded: it comes often, matters only while it is fresh, and travels between nodes by Redis alone.
    /// </summary>
    public void Record(DashboardDbContext db, Job job, bool started) =>
        feed?.RecordJob(db, job.Id, started ? FeedKind.JobStarted : FeedKind.JobFinished);

    /// <summary>A change another node made and published.</summary>
    public void Receive(JobChange change) => Changed?.Invoke(change);
}
