using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Audit;

public sealed record AuditQuery(string? Actor = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    PageRequest? Page = null);

public sealed record AuditRow(DateTimeOffset At, string ActorName, string Action, string Target, string? Before, string? After);

/// <summary>The workspace's audit log for Admins: newest first, filtered by who, what and when, paged or whole for export.</summary>
public sealed class AuditLog(IDbContextFactory<DashboardDbContext> factory)
{
    public const int MaxExportRows = 100_000;

    public async Task<Result<Page<AuditRow>>> ListAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = Filter(db, actor, query);
        var total = await entries.CountAsync(ct);
        var page = query.Page ?? new PageRequest();
        var rows = await entries.OrderByDescending(e => e.At).Skip(page.Skip).Take(page.Take)
            .Select(e => new AuditRow(e.At, e.ActorName, e.Action, e.Target, e.Before, e.After)).ToListAsync(ct);
        return new Page<AuditRow>(rows, total);
    }

    /// <summary>Every matching entry (up to <see cref="MaxExportRows"/>), streamed for the CSV export.</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(Actor actor, AuditQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!actor.Can(Permission.ManageWorkspaceSettings)) yield break;
        await using var db = await factory.CreateDbContextAsync(ct);
        await foreach (var row in Filter(db, actor, query).OrderByDescending(e => e.At).Take(MaxExportRows)
                           .Select(e => new AuditRow(e.At, e.ActorName, e.Action, e.Target, e.Before, e.After)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    private static IQueryable<AuditEntry> Filter(DashboardDbContext db, Actor actor, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.WorkspaceId == actor.WorkspaceId);
        if (!string.IsNullOrWhiteSpace(query.Actor))
            entries = entries.Where(e => EF.Functions.Like(e.ActorName, SearchText.Contains(query.Actor), SearchText.Escape));
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(e => e.Action == query.Action);
        if (query.From is { } from) entries = entries.Where(e => e.At >= from);
        if (query.To is { } to) entries = entries.Where(e => e.At < to);
        return entries;
    }
}
