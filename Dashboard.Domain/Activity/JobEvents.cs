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
/// </summary>
public sealed class JobEvents
{
    /// <summary>Every change, this node's and other nodes'.</summary>
    public event Action<JobChange>? Changed;

    /// <summary>Changes made on this node only.</summary>
    public event Action<JobChange>? ChangedHere;

    public void Publish(Job job, bool created = false)
    {
        var change = new JobChange(job.Id, job.WorkspaceId, job.StartedByMemberId,
            job.Type, job.Status, job.ItemsDone, job.ItemsTotal, job.LastUpdateAt, job.FinishedAt, created);
        ChangedHere?.Invoke(change);
        Changed?.Invoke(change);
    }

    /// <summary>A change another node made and published.</summary>
    public void Receive(JobChange change) => Changed?.Invoke(change);
}
