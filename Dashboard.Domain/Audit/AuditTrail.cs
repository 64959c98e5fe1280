using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain;

/// <summary>
/// Adds an audit entry to the context that makes the change, so the entry is saved in the same transaction as
/// the change itself: no change without its entry, no entry for a change that failed.
/// </summary>
internal static class AuditTrail
{
    public static async Task RecordAsync(DashboardDbContext db, Actor actor, string action, string target, string? before, string? after,
        DateTimeOffset at, CancellationToken ct)
    {
        var name = await db.Members.Where(m => m.Id == actor.MemberId).Select(m => m.DisplayName).FirstOrDefaultAsync(ct) ?? "a former member";
        db.AuditEntries.Add(new AuditEntry(actor.WorkspaceId, actor.MemberId, name, action, target, before, after, at));
    }
}
