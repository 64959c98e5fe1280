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
/// here, so they cannot disagree about a job.
/// </summary>
public sealed class JobEvents
{
    public event Action<JobChange>? Changed;

    public void Publish(Job job, bool created = false) => Changed?.Invoke(new JobChange(job.Id, job.WorkspaceId, job.StartedByMemberId,
        job.Type, job.Status, job.ItemsDone, job.ItemsTotal, job.LastUpdateAt, job.FinishedAt, created));
}
