using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Activity;

public sealed record JobQuery(
    IReadOnlyCollection<JobType>? Types = null,
    IReadOnlyCollection<JobStatus>? Statuses = null,
    PageRequest? Page = null);

public sealed record JobRow(Guid Id, JobType Type, JobStatus Status, string Title, string? ResourceName,
    string? StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int ItemsDone, int ItemsTotal,
    string? StorageFolder, string? ErrorSummary, Guid? ResourceId = null);

/// <summary>
/// The Activity Center list, newest first. Admins see every job of the workspace; everyone else sees the jobs
/// they started. "Sees every job" follows the table's "View all" row, the one Admins alone hold.
/// </summary>
public sealed class JobDirectory(IDbContextFactory<DashboardDbContext> factory)
{
    // The page every Admin opens first — the workspace's jobs, newest first, unfiltered — compiled once: EF Core then
    // skips translating the query on each call, which is most of what it adds to the bare SQL. Same shape as Rows.
    private static readonly CompiledPerModel<Func<DashboardDbContext, Guid, int, int, IAsyncEnumerable<JobRow>>> WorkspacePage = new(() =>
        EF.CompileAsyncQuery((DashboardDbContext db, Guid workspaceId, int skip, int take) =>
            db.Jobs.AsNoTracking().Where(j => j.WorkspaceId == workspaceId).OrderByDescending(j => j.StartedAt).Skip(skip).Take(take)
                .Select(j => new JobRow(j.Id, j.Type, j.Status, j.Title,
                    db.Resources.Where(r => r.Id == j.ResourceId).Select(r => r.Name).FirstOrDefault(),
                    db.Members.Where(m => m.Id == j.StartedByMemberId).Select(m => m.DisplayName).FirstOrDefault()
                        ?? db.ApiKeys.Where(k => k.Id == j.StartedByApiKeyId).Select(k => "API key " + k.Name).FirstOrDefault(),
                    j.StartedAt, j.FinishedAt, j.ItemsDone, j.ItemsTotal, j.StorageFolder, j.ErrorSummary, j.ResourceId))));

    private static readonly CompiledPerModel<Func<DashboardDbContext, Guid, int, Task<int>>> WorkspaceCountAhead = new(() =>
        EF.CompileAsyncQuery((DashboardDbContext db, Guid workspaceId, int skip) =>
            db.Jobs.Where(j => j.WorkspaceId == workspaceId).OrderByDescending(j => j.StartedAt)
                .Skip(skip).Take(CappedCount.Ahead + 1).Count()));

    public async Task<Page<JobRow>> ListAsync(Actor actor, JobQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var page = query.Page ?? new PageRequest();
        if (actor.Can(Permission.ViewAllResources) && query.Types is not { Count: > 0 } && query.Statuses is not { Count: > 0 })
            return await WorkspacePageAsync(db, actor.WorkspaceId, page, ct);
        var jobs = JobService.VisibleTo(db, actor);
        if (query.Types is { Count: > 0 } types) jobs = jobs.Where(j => types.Contains(j.Type));
        if (query.Statuses is { Count: > 0 } statuses) jobs = jobs.Where(j => statuses.Contains(j.Status));

        return await PageAsync(db, jobs, page, ct);
    }

    private static async Task<Page<JobRow>> WorkspacePageAsync(DashboardDbContext db, Guid workspaceId, PageRequest page, CancellationToken ct)
    {
        var (total, atLeast) = await CappedCount.FromAheadAsync(await WorkspaceCountAhead.For(db)(db, workspaceId, page.Skip), page,
            () => db.Jobs.CountAsync(j => j.WorkspaceId == workspaceId, ct));
        if (total <= page.Skip) return new Page<JobRow>([], total);
        var rows = new List<JobRow>(page.Take);
        await foreach (var row in WorkspacePage.For(db)(db, workspaceId, page.Skip, page.Take).WithCancellation(ct)) rows.Add(row);
        return new Page<JobRow>(rows, total, atLeast);
    }

    /// <summary>One job as the list shows it, when the actor may see it: a live page adds a job that just started.</summary>
    public async Task<JobRow?> GetRowAsync(Actor actor, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Rows(db, JobService.VisibleTo(db, actor).Where(j => j.Id == jobId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// A page, newest first, and a count capped at <see cref="CappedCount.Ahead"/> rows past the page's start rather
    /// than all of them (200,000 jobs cost 20 ms a count).
    /// </summary>
    private static async Task<Page<JobRow>> PageAsync(DashboardDbContext db, IQueryable<Job> jobs, PageRequest page, CancellationToken ct)
    {
        var newestFirst = jobs.OrderByDescending(j => j.StartedAt);
        var (total, atLeast) = await CappedCount.CountAsync(newestFirst, page, ct);
        if (total <= page.Skip) return new Page<JobRow>([], total);
        var rows = await Rows(db, newestFirst.Skip(page.Skip).Take(page.Take)).ToListAsync(ct);
        return new Page<JobRow>(rows, total, atLeast);
    }

    /// <summary>Jobs as the list and the API show them: names of the resource and of whoever started it.</summary>
    internal static IQueryable<JobRow> Rows(DashboardDbContext db, IQueryable<Job> jobs) =>
        jobs.Select(j => new JobRow(j.Id, j.Type, j.Status, j.Title,
            db.Resources.Where(r => r.Id == j.ResourceId).Select(r => r.Name).FirstOrDefault(),
            db.Members.Where(m => m.Id == j.StartedByMemberId).Select(m => m.DisplayName).FirstOrDefault()
                ?? db.ApiKeys.Where(k => k.Id == j.StartedByApiKeyId).Select(k => "API key " + k.Name).FirstOrDefault(),
            j.StartedAt, j.FinishedAt, j.ItemsDone, j.ItemsTotal, j.StorageFolder, j.ErrorSummary, j.ResourceId));

    /// <summary>One job of the key's workspace as the API shows it; null when there is none.</summary>
    public async Task<JobRow?> GetForCallerAsync(ApiCaller caller, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Rows(db, db.Jobs.AsNoTracking().Where(j => j.Id == jobId && j.WorkspaceId == caller.WorkspaceId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The jobs API's list: every job of the key's workspace, filtered and paged like the tab.</summary>
    public async Task<Page<JobRow>> ListForCallerAsync(ApiCaller caller, JobQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var page = query.Page ?? new PageRequest();
        if (query.Types is not { Count: > 0 } && query.Statuses is not { Count: > 0 })
            return await WorkspacePageAsync(db, caller.WorkspaceId, page, ct);
        var jobs = db.Jobs.AsNoTracking().Where(j => j.WorkspaceId == caller.WorkspaceId);
        if (query.Types is { Count: > 0 } types) jobs = jobs.Where(j => types.Contains(j.Type));
        if (query.Statuses is { Count: > 0 } statuses) jobs = jobs.Where(j => statuses.Contains(j.Status));
        return await PageAsync(db, jobs, page, ct);
    }
}
