using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Workspaces;

public sealed record SecuritySettings(bool IsWorkforce, bool RequireTwoFactor, int MembersWithoutTwoFactor, Guid Version);

/// <summary>The workspace's security settings (Admins only).</summary>
public sealed class WorkspaceSettingsService(IDbContextFactory<DashboardDbContext> factory, MembershipChanges changes, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public async Task<Result<SecuritySettings>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        // One read: the settings and how many joined members still lack two-factor sign-in.
        return await db.Workspaces.Where(w => w.Id == actor.WorkspaceId)
            .Select(w => new SecuritySettings(w.IsWorkforce, w.RequireTwoFactor,
                (from m in db.Members
                 join a in db.Users on m.AccountId equals a.Id
                 where m.WorkspaceId == w.Id && m.Status == MemberStatus.Joined && !a.TwoFactorEnabled
                 select m.Id).Count(),
                w.SettingsVersion))
            .FirstAsync(ct);
    }

    /// <param name="seenVersion">The <see cref="SecuritySettings.Version"/> the page showed: a newer one refuses the save.</param>
    public async Task<Result> SetRequireTwoFactorAsync(Actor actor, bool required, Guid? seenVersion = null, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        List<Guid?> affected = [];
        var result = await Writes.RunAsync(actor, async write =>
        {
            var db = write.Db;
            // Requiring what one lacks would lock the Admin out of the very setting; ask for their own set-up first.
            if (required && !await db.Users.AnyAsync(a => a.Id == actor.AccountId && a.TwoFactorEnabled, ct))
                return Error.Conflict("Turn on two-factor sign-in for your own account first (Account → Security); otherwise this would lock you out.", "RequireTwoFactor");
            var workspace = await db.Workspaces.FirstAsync(w => w.Id == actor.WorkspaceId, ct);
            if (seenVersion is { } seen && workspace.SettingsVersion != seen) return await ChangedMeanwhileAsync(db, actor, ct);
            if (workspace.RequireTwoFactor == required) return Result.Success();
            workspace.SetRequireTwoFactor(required);
            await write.RecordAsync(AuditActions.SecurityChanged, "Require two-factor sign-in",
                required ? "off" : "on", required ? "on" : "off", ct);
            try
            {
                await write.SaveAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return await ChangedMeanwhileAsync(db, actor, ct);
            }
            affected = await db.Members.Where(m => m.WorkspaceId == actor.WorkspaceId && m.AccountId != null).Select(m => m.AccountId).ToListAsync(ct);
            changes.RecordWorkspace(db, actor.WorkspaceId);
            return Result.Success();
        }, ct);
        // Members without two-factor lose the workspace at once; their open pages are told (after the commit).
        if (result.Succeeded) foreach (var account in affected) changes.Announce(account);
        return result;
    }

    private static async Task<Error> ChangedMeanwhileAsync(DashboardDbContext db, Actor actor, CancellationToken ct)
    {
        var who = await LastChange.ByWhomAsync(db, actor.WorkspaceId, AuditActions.SecurityChanged, null, ct);
        return Error.Stale($"{who} changed the security settings a moment ago — reload to see them. Nothing was saved.");
    }
}
