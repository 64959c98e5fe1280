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
    public async Task<Page<JobRow>> ListAsync(Actor actor, JobQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var jobs = JobService.VisibleTo(db, actor);
        if (query.Types is { Count: > 0 } types) jobs = jobs.Where(j => types.Contains(j.Type));
        if (query.Statuses is { Count: > 0 } statuses) jobs = jobs.Where(j => statuses.Contains(j.Status));

        var total = await jobs.CountAsync(ct);
        var page = query.Page ?? new PageRequest();
        var rows = await Rows(db, jobs.OrderByDescending(j => j.StartedAt).Skip(page.Skip).Take(page.Take)).ToListAsync(ct);
        return new Page<JobRow>(rows, total);
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
        var jobs = db.Jobs.AsNoTracking().Where(j => j.WorkspaceId == caller.WorkspaceId);
        if (query.Types is { Count: > 0 } types) jobs = jobs.Where(j => types.Contains(j.Type));
        if (query.Statuses is { Count: > 0 } statuses) jobs = jobs.Where(j => statuses.Contains(j.Status));
        var total = await jobs.CountAsync(ct);
        var page = query.Page ?? new PageRequest();
        var rows = await Rows(db, jobs.OrderByDescending(j => j.StartedAt).Skip(page.Skip).Take(page.Take)).ToListAsync(ct);
        return new Page<JobRow>(rows, total);
    }
}
