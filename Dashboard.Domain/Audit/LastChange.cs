using System.Linq.Expressions;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Audit;

/// <summary>Who made the latest change of a kind, as the audit log names them: for "X changed this a moment ago".</summary>
internal static class LastChange
{
    /// <param name="about">Narrows the entries to the thing refused (its target, its after-value); null takes every entry of the action.</param>
    public static async Task<string> ByWhomAsync(DashboardDbContext db, Guid workspaceId, string action,
        Expression<Func<AuditEntry, bool>>? about, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.WorkspaceId == workspaceId && e.Action == action);
        if (about is not null) entries = entries.Where(about);
        return await entries.OrderByDescending(e => e.At).Select(e => e.ActorName).FirstOrDefaultAsync(ct) ?? "Someone";
    }
}
