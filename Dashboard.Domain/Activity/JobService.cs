using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Activity;

/// <summary>
/// Jobs: started by a member (imports, run by the app's worker) or by an API key (external workers), moved only
/// forward, and announced on <see cref="JobEvents"/> after every change that is saved.
/// </summary>
public sealed class JobService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock, JobEvents events, WorkerNode? node = null)
{
    private readonly WorkerNode _node = node ?? WorkerNode.ForThisProcess();
    private ActingWrites Writes => new(factory, clock);

    public const string InterruptedMessage = "Interrupted: the node running it stopped.";
    public const string NoHeartbeatMessage = "No heartbeat: the worker stopped reporting.";

    /// <summary>A data import into a Dataset the actor may change; returns the job and its storage folder (relative).</summary>
    public async Task<Result<Job>> StartImportAsync(Actor actor, JobType type, Guid resourceId, string title, CancellationToken ct = default)
    {
        if (type == JobType.ModelTraining) return Error.Invalid("Model training jobs are started by external workers through the jobs API.");
        var kind = type == JobType.DataImport ? ResourceKind.Dataset : ResourceKind.Project;
        var started = await Writes.RunAsync<Job>(actor, async write =>
        {
            var resource = await ResourceAuthority.FindManageableAsync(write.Db, actor, resourceId, kind, ct);
            if (!resource.Succeeded) return resource.Error!;

            var job = new Job(actor.WorkspaceId, type, Truncate(title), resourceId, actor.MemberId, null, isExternal: false, write.Now);
            if (type == JobType.DataImport) job.UseStorageFolder($"{actor.WorkspaceId:N}/{resourceId:N}/{job.Id:N}");
            // Until its upload is whole and it is queued, the job is this node's: were the node to die, the lease runs out.
            job.HoldLease(_node.Id, write.Now + _node.Lease);
            write.Db.Jobs.Add(job);
            events.Record(write.Db, job, started: true);
            await write.RecordAsync(AuditActions.ImportStarted, $"{kind} \"{resource.Value.Name}\"", null, job.Title, ct);
            return job;
        }, ct);
        // Published once committed: a live page must never show a job the database does not hold.
        if (started.Succeeded) events.Publish(started.Value, created: true);
        return started;
    }

    /// <summary>The worker's progress report for a built-in job.</summary>
    public Task<Result> ReportProgressAsync(Guid jobId, int done, int total, CancellationToken ct = default) =>
        ChangeAsync(jobId, job => job.ReportProgress(done, total, clock.GetUtcNow()), ct);

    public Task<Result> SucceedAsync(Guid jobId, CancellationToken ct = default) =>
        ChangeAsync(jobId, job => job.Succeed(clock.GetUtcNow()), ct);

    public Task<Result> FailAsync(Guid jobId, string summary, IEnumerable<(string Item, string Message)> problems, CancellationToken ct = default) =>
        ChangeAsync(jobId, job => job.Fail(summary, problems, clock.GetUtcNow()), ct);

    /// <summary>
    /// Registers one imported file and counts it in the job's progress in the same save, so the job's count is
    /// always the number of units registered — a crash between two files leaves them agreeing. Refused when the job
    /// has ended meanwhile (then nothing is registered). Live pages hear of it only when <paramref name="announce"/>.
    /// </summary>
    public async Task<Result> RegisterUnitAsync(Guid jobId, Func<DataUnit> unit, int registered, int total, bool announce,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null) return Error.NotFound("That job no longer exists.");
            if (job.IsFinished) return Error.Conflict("The import ended before this file was registered.");
            var progressed = job.ReportProgress(registered, total, clock.GetUtcNow());
            if (!progressed.Succeeded) return progressed;
            db.DataUnits.Add(unit());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }
            if (announce) events.Publish(job);
            return Result.Success();
        }
    }

    public async Task<Result<JobDetails>> GetAsync(Actor actor, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await JobDirectory.Rows(db, VisibleTo(db, actor).Where(j => j.Id == jobId)).FirstOrDefaultAsync(ct);
        if (row is null) return Error.NotFound("That job does not exist, or you cannot see it.");
        var problems = await db.JobProblems.AsNoTracking().Where(p => p.JobId == jobId).OrderBy(p => p.Position)
            .Select(p => new JobProblemRow(p.Position + 1, p.Item, p.Message)).ToListAsync(ct);
        return new JobDetails(row, problems);
    }

    /// <summary>
    /// Built-in jobs whose lease ran out: the node receiving or running them stopped (a crash, a kill, a lost machine)
    /// and nothing will finish them. Any node may fail them; a lease renewed meanwhile is not failed.
    /// </summary>
    public async Task<int> FailExpiredLeasesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var expired = await db.Jobs.Where(j => j.Status == JobStatus.Processing && !j.IsExternal && j.LeaseExpiresAt < now)
            .Select(j => j.Id).ToListAsync(ct);
        return await FailAllAsync(expired, job => job.LeaseExpiresAt < now, job => job.Type == JobType.DataImport
            ? $"{InterruptedMessage} {job.ItemsDone:N0} of {job.ItemsTotal:N0} files are in the Dataset (the list is in the error details); import the others again."
            : InterruptedMessage, ct);
    }

    /// <summary>External jobs silent for longer than <paramref name="heartbeat"/> are failed; their worker is presumed gone.</summary>
    public async Task<int> FailSilentExternalAsync(TimeSpan heartbeat, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - heartbeat;
        await using var db = await factory.CreateDbContextAsync(ct);
        var silent = await db.Jobs.Where(j => j.Status == JobStatus.Processing && j.IsExternal && j.LastUpdateAt < cutoff).Select(j => j.Id).ToListAsync(ct);
        return await FailAllAsync(silent, job => job.LastUpdateAt < cutoff, _ => NoHeartbeatMessage, ct);
    }

    public async Task<Result<JobRow>> CreateExternalAsync(ApiCaller caller, ExternalJobCommand command, CancellationToken ct = default)
    {
        if (command.Type != JobType.ModelTraining)
            return Error.Invalid("Only ModelTraining jobs are created through the API; imports start from the dashboard.", "type");
        var title = Names.Validate(command.Title, "title", Job.TitleMaxLength, "title");
        if (!title.Succeeded) return title.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (command.ResourceId is { } resourceId
            && !await db.Resources.AnyAsync(r => r.Id == resourceId && r.WorkspaceId == caller.WorkspaceId, ct))
            return Error.Invalid("resourceId is not a Project, Dataset or Ontology of this workspace.", "resourceId");

        var job = new Job(caller.WorkspaceId, command.Type, title.Value, command.ResourceId, null, caller.KeyId, isExternal: true, clock.GetUtcNow());
        db.Jobs.Add(job);
        events.Record(db, job, started: true);
        await db.SaveChangesAsync(ct);
        events.Publish(job, created: true);
        return await JobDirectory.Rows(db, db.Jobs.Where(j => j.Id == job.Id)).FirstAsync(ct);
    }

    public async Task<Result<JobRow>> UpdateExternalAsync(ApiCaller caller, Guid jobId, ExternalJobUpdate update, CancellationToken ct = default)
    {
        // Error fields belong to an Error: a report that sends them with anything else is a mistake, refused whole.
        if (update.Status != JobStatus.Error && (update.ErrorSummary is not null || update.Problems is { Count: > 0 }))
            return Error.Invalid("errorSummary and problems go only with status Error.", "errorSummary");
        var changed = await ChangeAsync(
            db => db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId && j.WorkspaceId == caller.WorkspaceId && j.IsExternal, ct),
            job => Apply(job, update, clock.GetUtcNow()),
            "No job with that id was created through the API in this workspace.", ct);
        if (!changed.Succeeded) return changed.Error!;
        await using var read = await factory.CreateDbContextAsync(ct);
        return await JobDirectory.Rows(read, read.Jobs.Where(j => j.Id == jobId)).FirstAsync(ct);
    }

    /// <summary>A worker's report applied to the job as it stands now: progress, then the end if it names one.</summary>
    private static Result Apply(Job job, ExternalJobUpdate update, DateTimeOffset now)
    {
        if (update.ItemsDone is not null || update.ItemsTotal is not null)
        {
            var progress = job.ReportProgress(update.ItemsDone ?? job.ItemsDone, update.ItemsTotal ?? job.ItemsTotal, now);
            if (!progress.Succeeded) return progress;
        }
        return update.Status switch
        {
            null => job.IsFinished ? Error.Conflict($"The job has already ended ({job.Status}).") : job.ReportProgress(job.ItemsDone, job.ItemsTotal, now),
            JobStatus.Processing => job.IsFinished
                ? Error.Conflict($"The job has already ended ({job.Status}); it cannot go back to Processing.")
                : Result.Success(),
            JobStatus.Success => job.Succeed(now),
            _ => string.IsNullOrWhiteSpace(update.ErrorSummary)
                ? Error.Invalid("An Error needs errorSummary: one sentence on what went wrong.", "errorSummary")
                : job.Fail(update.ErrorSummary.Trim(), (update.Problems ?? []).Select(p => (p.Item ?? "", p.Message ?? "")), now),
        };
    }

    /// <summary>What the actor may see: Admins every job of the workspace, others the jobs they started.</summary>
    public static IQueryable<Job> VisibleTo(DashboardDbContext db, Actor actor)
    {
        var jobs = db.Jobs.AsNoTracking().Where(j => j.WorkspaceId == actor.WorkspaceId);
        return actor.Can(Permission.ViewAllResources) ? jobs : jobs.Where(j => j.StartedByMemberId == actor.MemberId);
    }

    public static bool CanSee(Actor actor, JobChange change) =>
        change.WorkspaceId == actor.WorkspaceId
        && (actor.Can(Permission.ViewAllResources) || change.StartedByMemberId == actor.MemberId);

    private async Task<Result> ChangeAsync(Guid jobId, Func<Job, Result> change, CancellationToken ct)
    {
        var changed = await ChangeAsync(db => db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct), change, "That job no longer exists.", ct);
        return changed.Succeeded ? Result.Success() : changed.Error!;
    }

    /// <summary>
    /// Reads the job, decides, saves. The job's version is checked by the save: if another change landed since the
    /// read, the decision is made again on the job as it now stands. So of concurrent final reports exactly one
    /// wins and the others see the job ended; progress reports are simply applied in turn.
    /// </summary>
    private async Task<Result<Job>> ChangeAsync(Func<DashboardDbContext, Task<Job?>> find, Func<Job, Result> change, string notFound,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var job = await find(db);
            if (job is null) return Error.NotFound(notFound);
            var wasFinished = job.IsFinished;
            var changed = change(job);
            if (!changed.Succeeded) return changed.Error!;
            if (job.IsFinished && !wasFinished) events.Record(db, job, started: false);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }
            events.Publish(job);
            return job;
        }
    }

    /// <summary>Rounds of read-decide-save under contention; each round, at least one writer wins.</summary>
    private const int MaxAttempts = 50;

    /// <summary>Fails each job that still matches <paramref name="stillDue"/> when it is read again (a late heartbeat wins).</summary>
    private async Task<int> FailAllAsync(IEnumerable<Guid> jobIds, Func<Job, bool> stillDue, Func<Job, string> message, CancellationToken ct)
    {
        var failed = 0;
        foreach (var id in jobIds)
        {
            var result = await ChangeAsync(db => db.Jobs.FirstOrDefaultAsync(j => j.Id == id, ct),
                job => job.IsFinished || !stillDue(job) ? Error.Conflict("No longer due.") : job.Fail(message(job), [], clock.GetUtcNow()),
                "That job no longer exists.", ct);
            if (result.Succeeded) failed++;
        }
        return failed;
    }

    private static string Truncate(string title) => title.Length <= Job.TitleMaxLength ? title : title[..(Job.TitleMaxLength - 1)] + "…";
}
