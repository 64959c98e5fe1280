namespace Dashboard.Domain.Activity;

// What JobService takes from external workers and gives back about a job.

public sealed record JobProblemRow(int Position, string Item, string Message);

public sealed record JobDetails(JobRow Job, IReadOnlyList<JobProblemRow> Problems);

/// <summary>An external worker's new job. Only Model training arrives this way; imports are built in.</summary>
public sealed record ExternalJobCommand(JobType Type, string? Title, Guid? ResourceId);

/// <summary>A worker's report: progress, and optionally the end (Success, or Error with a summary and problems).</summary>
public sealed record ExternalJobUpdate(int? ItemsDone, int? ItemsTotal, JobStatus? Status, string? ErrorSummary,
    IReadOnlyList<ExternalJobProblem>? Problems);

public sealed record ExternalJobProblem(string Item, string Message);
