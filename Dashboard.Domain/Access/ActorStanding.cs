using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Access;

/// <summary>
/// An <see cref="Actor"/> is read when a page opens, and a page can stay open for hours. Before a change is
/// written, this confirms the actor still holds that membership and role, so a removal or a demotion is
/// felt at the person's very next action rather than at their next page load.
/// </summary>
internal static class ActorStanding
{
    public static async Task<Result> StillStandsAsync(DashboardDbContext db, Actor actor, CancellationToken ct)
    {
        var current = await db.Members.AsNoTracking()
            .Where(m => m.Id == actor.MemberId && m.WorkspaceId == actor.WorkspaceId && m.Status == MemberStatus.Joined)
            .Select(m => (WorkspaceRole?)m.Role)
            .FirstOrDefaultAsync(ct);
        if (current is null)
            return Error.Forbidden($"You no longer belong to {actor.WorkspaceName}. Nothing was changed.");
        if (current != actor.Role)
            return Error.Forbidden($"Your role in {actor.WorkspaceName} is now {current.Value.Display()}. Reload the page; nothing was changed.");
        var blockedByTwoFactor = await db.Workspaces.AnyAsync(w => w.Id == actor.WorkspaceId && w.RequireTwoFactor, ct)
                                 && !await db.Users.AnyAsync(a => a.Id == actor.AccountId && a.TwoFactorEnabled, ct);
        if (blockedByTwoFactor)
            return Error.Forbidden($"{actor.WorkspaceName} requires two-factor sign-in. Set it up on your account page; nothing was changed.");
        return Result.Success();
    }
}
