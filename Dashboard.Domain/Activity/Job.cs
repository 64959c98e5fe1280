using Dashboard.Domain.Common;

namespace Dashboard.Domain.Activity;

public enum JobType
{
    DataImport,
    ModelTraining,
    LabelImport,
}

/// <summary>Moves only forward: Processing, then Success or Error.</summary>
public enum JobStatus
{
    Processing,
    Success,
    Error,
}

/// <summary>
/// A unit of work the Activity Center shows. Built-in jobs (imports) run inside the app; external ones
/// (model training) are created and advanced by workers through the jobs API.
/// </summary>
public sealed class Job
{
    public const int TitleMaxLength = 200;
    public const int ErrorSummaryMaxLength = 2000;
    /// <summary>Problems stored per job; a worker reporting more gets the first ones and a count of the rest.</summary>
    public const int MaxProblems = 1000;

    private readonly List<JobProblem> _problems = [];

    private Job() { }

    public Job(Guid workspaceId, JobType type, string title, Guid? resourceId, Guid? startedByMemberId,
        Guid? startedByApiKeyId, bool isExternal, DateTimeOffset startedAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        Type = type;
        Title = title;
        ResourceId = resourceId;
        StartedByMemberId = startedByMemberId;
        StartedByApiKeyId = startedByApiKeyId;
        IsExternal = isExternal;
        StartedAt = startedAt;
        LastUpdateAt = startedAt;
        Status = JobStatus.Processing;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public JobType Type { get; private set; }
    public JobStatus Status { get; private set; }
    public string Title { get; private set; } = "";
    public Guid? ResourceId { get; private set; }
    public Guid? StartedByMemberId { get; private set; }
    public Guid? StartedByApiKeyId { get; private set; }
    public bool IsExternal { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>Last progress or heartbeat; an external job silent for too long is failed as "no heartbeat".</summary>
    public DateTimeOffset LastUpdateAt { get; private set; }
    public int ItemsDone { get; private set; }
    public int ItemsTotal { get; private set; }
    /// <summary>For imports: the storage folder, relative to the data folder's storage root.</summary>
    public string? StorageFolder { get; private set; }
    public string? ErrorSummary { get; private set; }
    public IReadOnlyCollection<JobProblem> Problems => _problems;

    /// <summary>
    /// Bumped by every change and checked when saving (a concurrency token): of two changes made from the same
    /// reading, the second is refused, so concurrent final reports cannot both win.
    /// </summary>
    public int Version { get; private set; }

    public const int LeaseOwnerMaxLength = 128;

    /// <summary>For built-in jobs: when its upload was whole and it began to wait for a worker (a row is the queue).</summary>
    public DateTimeOffset? QueuedAt { get; private set; }
    /// <summary>
    /// The node holding the job — receiving its upload, or running it — renewing <see cref="LeaseExpiresAt"/> while it
    /// lives. A job whose lease ran out is failed by whichever node notices; a queued job has no owner.
    /// </summary>
    public string? LeaseOwner { get; private set; }
    /// <summary>Checked when saving (a concurrency token): a job renewed since it was read is not failed as expired.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public bool IsFinished => Status != JobStatus.Processing;

    /// <summary>A new built-in job is held by the node receiving its upload until it is queued.</summary>
    public void HoldLease(string owner, DateTimeOffset until) => (LeaseOwner, LeaseExpiresAt) = (owner, until);

    public void UseStorageFolder(string folder) => StorageFolder = folder;

    public Result ReportProgress(int done, int total, DateTimeOffset at)
    {
        if (IsFinished) return Error.Conflict($"The job has already ended ({Status}); its progress cannot change.");
        if (total < 0 || done < 0 || done > total)
            return Error.Invalid($"Progress must satisfy 0 ≤ done ≤ total (got {done} of {total}).");
        ItemsDone = done;
        ItemsTotal = total;
        LastUpdateAt = at;
        Version++;
        return Result.Success();
    }

    public Result Succeed(DateTimeOffset at)
    {
        if (IsFinished) return Error.Conflict($"The job has already ended ({Status}); it cannot become Success.");
        Status = JobStatus.Success;
        ItemsDone = ItemsTotal;
        FinishedAt = at;
        LastUpdateAt = at;
        Version++;
        return Result.Success();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public Result Fail(string summary, IEnumerable<(string Item, string Message)> problems, DateTimeOffset at)
    {
        if (IsFinished) return Error.Conflict($"The job has already ended ({Status}); it cannot become Error.");
        Status = JobStatus.Error;
        ErrorSummary = Clip(summary, ErrorSummaryMaxLength);
        var position = 0;
        var more = 0;
        foreach (var (item, message) in problems)
        {
            if (position < MaxProblems) _problems.Add(new JobProblem(Id, position++, Clip(item, JobProblem.ItemMaxLength), Clip(message, JobProblem.MessageMaxLength)));
            else more++;
        }
        if (more > 0) _problems.Add(new JobProblem(Id, position, "…", $"and {more} more problem{(more == 1 ? "" : "s")}, not stored"));
        FinishedAt = at;
        LastUpdateAt = at;
        Version++;
        return Result.Success();
    }
}

/// <summary>One item-level problem of a failed job, in the order it was found.</summary>
public sealed class JobProblem
{
    public const int ItemMaxLength = 1024;
    public const int MessageMaxLength = 2000;

    private JobProblem() { }

    public JobProblem(Guid jobId, int position, string item, string message)
    {
        Id = Ids.New();
        JobId = jobId;
        Position = position;
        Item = item;
        Message = message;
    }

    public Guid Id { get; private set; }
    public Guid JobId { get; private set; }
    public int Position { get; private set; }
    public string Item { get; private set; } = "";
    public string Message { get; private set; } = "";
}
