using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Activity;

/// <param name="Seek">Reads the page from a row the list shows (the next, the same or the previous page) along the index.</param>
public sealed record JobQuery(
    IReadOnlyCollection<JobType>? Types = null,
    IReadOnlyCollection<JobStatus>? Statuses = null,
    PageRequest? Page = null,
    PageSeek<JobRow>? Seek = null);

public sealed record JobRow(Guid Id, JobType Type, JobStatus Status, string Title, string? ResourceName,
    string? StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int ItemsDone, int ItemsTotal,
    string? StorageFolder, string? ErrorSummary, Guid? ResourceId = null);

/// <summary>
/// The Activity Center list, newest first. Admins see every job of the workspace; everyone else sees the jobs
/// they started. "Sees every job" follows the table's "View all" row, the one Admins alone hold. The order is fixed —
/// newest first, then by id between jobs started at the same moment — so a page can be read from its neighbour's row.
/// </summary>
public sealed class JobDirectory(IDbContextFactory<DashboardDbContext> factory)
{
    // The page every Admin opens first — the workspace's jobs, newest first, unfiltered — compiled once: EF Core then
    // skips translating the query on each call, which is most of what it adds to the bare SQL. Same shape as Rows, same
    // order as NewestFirst (a compiled query's expression cannot call either). The capped count rides along as a
    // column: a subquery that names no row of the page, which SQLite and PostgreSQL each run once per statement, so
    // the page and its count cost one command and one round trip, not two.
    private static readonly CompiledPerModel<Func<DashboardDbContext, Guid, int, int, IAsyncEnumerable<CountedRow>>> WorkspacePage = new(() =>
        EF.CompileAsyncQuery((DashboardDbContext db, Guid workspaceId, int skip, int take) =>
            db.Jobs.AsNoTracking().Where(j => j.WorkspaceId == workspaceId)
                .OrderByDescending(j => j.StartedAt).ThenByDescending(j => j.Id).Skip(skip).Take(take)
                .Select(j => new CountedRow(new JobRow(j.Id, j.Type, j.Status, j.Title,
                    db.Resources.Where(r => r.Id == j.ResourceId).Select(r => r.Name).FirstOrDefault(),
                    db.Members.Where(m => m.Id == j.StartedByMemberId).Select(m => m.DisplayName).FirstOrDefault()
                        ?? db.ApiKeys.Where(k => k.Id == j.StartedByApiKeyId).Select(k => "API key " + k.Name).FirstOrDefault(),
                    j.StartedAt, j.FinishedAt, j.ItemsDone, j.ItemsTotal, j.StorageFolder, j.ErrorSummary, j.ResourceId),
                    db.Jobs.Where(ahead => ahead.WorkspaceId == workspaceId).OrderByDescending(ahead => ahead.StartedAt)
                        .Skip(skip).Take(CappedCount.Ahead + 1).Count()))));

    private sealed record CountedRow(JobRow Row, int CountAhead);

    public async Task<Page<JobRow>> ListAsync(Actor actor, JobQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var page = query.Page ?? new PageRequest();
        if (actor.Can(Permission.ViewAllResources) && query.Types is not { Count: > 0 } && query.Statuses is not { Count: > 0 }
            && query.Seek is null && !page.IsLast)
            return await WorkspacePageAsync(db, actor.WorkspaceId, page, ct);
        var jobs = JobService.VisibleTo(db, actor);
        if (query.Types is { Count: > 0 } types) jobs = jobs.Where(j => types.Contains(j.Type));
        if (query.Statuses is { Count: > 0 } statuses) jobs = jobs.Where(j => statuses.Contains(j.Status));

        return await PageAsync(db, jobs, page, query.Seek, ct);
    }

    private static async Task<Page<JobRow>> WorkspacePageAsync(DashboardDbContext db, Guid workspaceId, PageRequest page, CancellationToken ct)
    {
        var rows = new List<JobRow>(page.Take);
        var ahead = 0;
        await foreach (var (row, countAhead) in WorkspacePage.For(db)(db, workspaceId, page.Skip, page.Take).WithCancellation(ct))
        {
            rows.Add(row);
            ahead = countAhead;
        }
        // No row, no count with it: an empty first page is an empty list; past the end, FromAheadAsync counts them all.
        var (total, atLeast) = await CappedCount.FromAheadAsync(ahead, page, () => db.Jobs.CountAsync(j => j.WorkspaceId == workspaceId, ct));
        return rows.Count == 0 ? new Page<JobRow>([], total) : new Page<JobRow>(rows, total, atLeast);
    }

    /// <summary>One job as the list shows it, when the actor may see it: a live page adds a job that just started.</summary>
    public async Task<JobRow?> GetRowAsync(Actor actor, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Rows(db, JobService.VisibleTo(db, actor).Where(j => j.Id == jobId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// A page, newest first, and a count capped at <see cref="CappedCount.Ahead"/> rows past the page's start rather
    /// than all of them (200,000 jobs cost 20 ms a count). With a seek, the page and the count start from the row
    /// given instead of stepping over every row ahead of the page.
    /// </summary>
    private static async Task<Page<JobRow>> PageAsync(DashboardDbContext db, IQueryable<Job> jobs, PageRequest page,
        PageSeek<JobRow>? seek, CancellationToken ct)
    {
        if (page.IsLast) return await LastPageAsync(db, jobs, page, ct);
        if (seek is { From: SeekFrom.Before, Row: var nextPageFirst })
        {
            var earlier = await Rows(db, OldestFirst(Before(jobs, nextPageFirst)).Take(page.Take)).ToListAsync(ct);
            // Less than a page before it: jobs ahead of it were removed, so the page is read by its place instead.
            if (earlier.Count < page.Take) return await PageAsync(db, jobs, page, null, ct);
            earlier.Reverse();
            var (shownTotal, shownAtLeast) = await CappedCount.FromAheadAsync(await CountAheadAsync(AtOrAfter(jobs, earlier[0]), 0, ct),
                page, () => jobs.CountAsync(ct));
            return new Page<JobRow>(earlier, shownTotal, shownAtLeast);
        }
        var from = seek switch
        {
            { From: SeekFrom.After, Row: var lastShown } => After(jobs, lastShown),
            { From: SeekFrom.AtOrAfter, Row: var firstShown } => AtOrAfter(jobs, firstShown),
            _ => jobs,
        };
        return await PageFromAsync(db, from, page, seek is null ? page.Skip : 0, () => jobs.CountAsync(ct), ct);
    }

    private static async Task<Page<JobRow>> PageFromAsync(DashboardDbContext db, IQueryable<Job> from, PageRequest page, int skip,
        Func<Task<int>> countAll, CancellationToken ct)
    {
        var (total, atLeast) = await CappedCount.FromAheadAsync(await CountAheadAsync(from, skip, ct), page, countAll);
        if (total <= page.Skip) return new Page<JobRow>([], total);
        var rows = await Rows(db, NewestFirst(from).Skip(skip).Take(page.Take)).ToListAsync(ct);
        return new Page<JobRow>(rows, total, atLeast);
    }

    private static Task<int> CountAheadAsync(IQueryable<Job> from, int skip, CancellationToken ct) =>
        NewestFirst(from).Skip(skip).Take(CappedCount.Ahead + 1).CountAsync(ct);

    /// <summary>The oldest jobs, read from the far end of the index: one full count says which page that is.</summary>
    private static async Task<Page<JobRow>> LastPageAsync(DashboardDbContext db, IQueryable<Job> jobs, PageRequest page, CancellationToken ct)
    {
        var total = await jobs.CountAsync(ct);
        var lastIndex = Math.Max(0, total - 1) / page.Take;
        var rows = await Rows(db, OldestFirst(jobs).Take(total - lastIndex * page.Take)).ToListAsync(ct);
        rows.Reverse();
        return new Page<JobRow>(rows, total, PageIndex: lastIndex);
    }

    private static IOrderedQueryable<Job> NewestFirst(IQueryable<Job> jobs) =>
        jobs.OrderByDescending(j => j.StartedAt).ThenByDescending(j => j.Id);

    private static IOrderedQueryable<Job> OldestFirst(IQueryable<Job> jobs) =>
        jobs.OrderBy(j => j.StartedAt).ThenBy(j => j.Id);

    // The seeks follow NewestFirst: "after" a row is older, or as old with a smaller id. Each also bounds StartedAt on
    // its own: the OR alone is no range PostgreSQL can start an index scan at (it read page 7,600 in 65 ms, not 1 ms).
    private static IQueryable<Job> After(IQueryable<Job> jobs, JobRow row) =>
        jobs.Where(j => j.StartedAt <= row.StartedAt
                        && (j.StartedAt < row.StartedAt || (j.StartedAt == row.StartedAt && j.Id.CompareTo(row.Id) < 0)));

    private static IQueryable<Job> AtOrAfter(IQueryable<Job> jobs, JobRow row) =>
        jobs.Where(j => j.StartedAt <= row.StartedAt
                        && (j.StartedAt < row.StartedAt || (j.StartedAt == row.StartedAt && j.Id.CompareTo(row.Id) <= 0)));

    private static IQueryable<Job> Before(IQueryable<Job> jobs, JobRow row) =>
        jobs.Where(j => j.StartedAt >= row.StartedAt
                        && (j.StartedAt > row.StartedAt || (j.StartedAt == row.StartedAt && j.Id.CompareTo(row.Id) > 0)));

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
        return await PageAsync(db, jobs, page, seek: null, ct);
    }
}
