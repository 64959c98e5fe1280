using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Workspaces;

public sealed record SecuritySettings(bool IsWorkforce, bool RequireTwoFactor, int MembersWithoutTwoFactor);

/// <summary>The workspace's security settings (Admins only).</summary>
public sealed class WorkspaceSettingsService(IDbContextFactory<DashboardDbContext> factory, MembershipChanges changes, TimeProvider clock)
{
    public async Task<Result<SecuritySettings>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var workspace = await db.Workspaces.AsNoTracking().FirstAsync(w => w.Id == actor.WorkspaceId, ct);
        var without = await (from m in db.Members
                             join a in db.Users on m.AccountId equals a.Id
                             where m.WorkspaceId == actor.WorkspaceId && m.Status == MemberStatus.Joined && !a.TwoFactorEnabled
                             select m.Id).CountAsync(ct);
        return new SecuritySettings(workspace.IsWorkforce, workspace.RequireTwoFactor, without);
    }

    public async Task<Result> SetRequireTwoFactorAsync(Actor actor, bool required, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var standing = await ActorStanding.StillStandsAsync(db, actor, ct);
        if (!standing.Succeeded) return standing;
        // Requiring what one lacks would lock the Admin out of the very setting; ask for their own set-up first.
        if (required && !await db.Users.AnyAsync(a => a.Id == actor.AccountId && a.TwoFactorEnabled, ct))
            return Error.Conflict("Turn on two-factor sign-in for your own account first (Account → Security); otherwise this would lock you out.");
        var workspace = await db.Workspaces.FirstAsync(w => w.Id == actor.WorkspaceId, ct);
        if (workspace.RequireTwoFactor == required) return Result.Success();
        workspace.SetRequireTwoFactor(required);
        await AuditTrail.RecordAsync(db, actor, AuditActions.SecurityChanged, "Require two-factor sign-in",
            required ? "off" : "on", required ? "on" : "off", clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        // Members without two-factor lose the workspace at once; their open pages are told.
        var affected = await db.Members.Where(m => m.WorkspaceId == actor.WorkspaceId && m.AccountId != null).Select(m => m.AccountId).ToListAsync(ct);
        foreach (var account in affected) changes.Announce(account);
        return Result.Success();
    }
}
