using Dashboard.Domain.Audit;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Persistence.Configurations;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

/// <summary>
/// One member at a time: User details, role changes and removal. Admins are never demoted or removed here —
/// docs/product.md leaves that to the server operator (see <see cref="OperatorCommands"/>), so the last Admin cannot go.
/// </summary>
public sealed class MemberService(IDbContextFactory<DashboardDbContext> factory, ResourceAccessService access,
    InvitationService invitations, TimeProvider clock, MembershipChanges changes)
{
    private ActingWrites Writes => new(factory, clock);

    public const string AdminsStayMessage =
        "Admins cannot be demoted or removed in the dashboard. The server operator does it from the command line (admin demote / admin remove).";

    public async Task<Result<MemberDetails>> GetDetailsAsync(Actor actor, Guid memberId, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.SeeOtherMembers);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == actor.WorkspaceId, ct);
        if (member is null) return Error.NotFound("That member is not in this workspace (any more). Go back to the Users list.");

        var groups = await (from membership in db.GroupMemberships
                            join g in db.Groups on membership.GroupId equals g.Id
                            where membership.MemberId == memberId
                            orderby g.Name
                            select new { g.Id, g.Name }).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();

        // Only resources the actor may see themselves: details must not reveal a Project to someone outside it.
        var visible = ResourceAuthority.Visible(db, actor);
        var rows = await (from a in db.ResourceAccess
                          join r in visible on a.ResourceId equals r.Id
                          where a.MemberId == memberId || (a.GroupId != null && groupIds.Contains(a.GroupId.Value))
                          select new
                          {
                              a.Id, ResourceId = r.Id, r.Name, r.NormalizedName, a.Role, a.GroupId,
                              Kind = EF.Property<string>(r, ResourceConfiguration.DiscriminatorColumn),
                          })
            .AsNoTracking().ToListAsync(ct);
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        var assignments = rows
            .OrderBy(r => r.NormalizedName, StringComparer.Ordinal).ThenBy(r => r.GroupId.HasValue)
            .Select(r => new MemberAssignment(r.Id, r.ResourceId, Enum.Parse<ResourceKind>(r.Kind), r.Name, r.Role,
                r.GroupId is { } g ? groupNames[g] : null))
            .ToList();

        var canManage = actor.CanOver(Permission.AddAndRemoveUsers, member.Role);
        var whyNot = member.IsAdmin ? AdminsStayMessage
            : !canManage ? actor.RequireOver(Permission.AddAndRemoveUsers, member.Role).Error!.Message
            : null;
        return new MemberDetails(member.Id, member.DisplayName, member.Email, member.Role, member.UserType, member.Status,
            member.StatusAt, groups.Select(g => g.Name).ToList(), assignments,
            canManage ? await invitations.LinkStateAsync(member.Id, ct) : null,
            CanChangeRole: MembershipRules.CanChangeRoleOf(actor, member.Role),
            CanManageMembership: canManage && !member.IsAdmin,
            WhyNotRemovable: whyNot,
            HomeWorkspace: member.HomeWorkspaceId is { } home
                ? await db.Workspaces.Where(w => w.Id == home).Select(w => w.Name).FirstOrDefaultAsync(ct)
                : null,
            // Told to those who could otherwise change roles: why this one's role and membership stay as they are.
            AdminNotice: member.IsAdmin && actor.Can(Permission.ChangeUserRoles) ? AdminsStayMessage : null);
    }


    /// <param name="seenRole">The role the page showed; if the member's role is another by now, nothing changes.</param>
    public async Task<Result> ChangeRoleAsync(Actor actor, Guid memberId, WorkspaceRole role, WorkspaceRole? seenRole = null,
        CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ChangeUserRoles);
        if (!allowed.Succeeded) return allowed.Error!;
        WorkspaceMember? changed = null;
        var result = await Writes.RunAsync(actor, async write =>
        {
            var member = await write.Db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == actor.WorkspaceId, ct);
            if (member is null) return Error.NotFound("That member is no longer in the workspace. Reload the list.");
            if (seenRole is { } seen && member.Role != seen) return await RoleChangedMeanwhileAsync(write.Db, actor, member, ct);
            if (member.Role == role) return Result.Success();
            if (member.IsAdmin) return Error.Forbidden(AdminsStayMessage);
            if (MembershipRules.WhyRoleNotAllowed(role, member.UserType) is { } why) return Error.Invalid(why, "Role");

            await write.RecordAsync(AuditActions.RoleChanged, $"{member.DisplayName} <{member.Email}>", member.Role.Display(), role.Display(), ct);
            member.ChangeRole(role);
            changes.Record(write.Db, member.AccountId);
            try
            {
                await write.SaveAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The role is the member's concurrency token: another change from the same reading was saved first.
                var now = await write.Db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
                return now is null ? Error.NotFound("That member is no longer in the workspace. Reload the list.") : await RoleChangedMeanwhileAsync(write.Db, actor, now, ct);
            }
            changed = member;
            return Result.Success();
        }, ct);
        // Told after the commit: their open pages reload what is now true.
        if (result.Succeeded && changed is not null) changes.Announce(changed.AccountId);
        return result;
    }

    private static async Task<Error> RoleChangedMeanwhileAsync(DashboardDbContext db, Actor actor, WorkspaceMember member, CancellationToken ct)
    {
        var who = await LastChange.ByWhomAsync(db, actor.WorkspaceId, AuditActions.RoleChanged, e => e.Target == $"{member.DisplayName} <{member.Email}>", ct);
        return Error.Stale($"{who} changed {member.DisplayName}'s role to {member.Role.Display()} a moment ago — reload to see it. Nothing was saved.");
    }

    /// <summary>The Projects and Datasets that would be left without an Admin if the member went.</summary>
    public async Task<Result<IReadOnlyList<SoleAdminResource>>> SoleAdminOfAsync(Actor actor, Guid memberId, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.AddAndRemoveUsers);
        if (!allowed.Succeeded) return allowed.Error!;
        return Result<IReadOnlyList<SoleAdminResource>>.Success(await access.SoleAdminOfAsync(actor.WorkspaceId, memberId, ct));
    }

    /// <summary>Internal members who could take over the resources of <paramref name="memberId"/>, by name or email.</summary>
    public async Task<IReadOnlyList<MemberChoice>> FindReplacementsAsync(Actor actor, Guid memberId, string? search,
        CancellationToken ct = default)
    {
        if (!actor.Can(Permission.AddAndRemoveUsers)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var leaving = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == actor.WorkspaceId, ct);
        if (leaving is null) return [];
        var pattern = SearchText.Contains(search ?? "");
        return await MemberRemoval.Replacements(db, leaving)
            .Where(m => EF.Functions.Like(m.DisplayName, pattern, SearchText.Escape) || EF.Functions.Like(m.Email, pattern, SearchText.Escape))
            .OrderBy(m => m.DisplayName).Take(20)
            .Select(m => new MemberChoice(m.Id, m.DisplayName, m.Email)).ToListAsync(ct);
    }

    public async Task<Result> RemoveAsync(Actor actor, Guid memberId, Guid? replacementId, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.AddAndRemoveUsers);
        if (!allowed.Succeeded) return allowed.Error!;
        Guid? removedAccount = null;
        var result = await Writes.RunAsync(actor, async write =>
        {
            var member = await write.Db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == actor.WorkspaceId, ct);
            if (member is null) return Error.NotFound("That member is no longer in the workspace. Reload the list.");
            if (member.IsAdmin) return Error.Forbidden(AdminsStayMessage);
            var over = actor.RequireOver(Permission.AddAndRemoveUsers, member.Role);
            if (!over.Succeeded) return over;

            await write.RecordAsync(AuditActions.MemberRemoved, $"{member.DisplayName} <{member.Email}>", member.Role.Display(),
                replacementId is null ? null : "resources handed to a replacement", ct);
            changes.Record(write.Db, member.AccountId);
            var removed = await MemberRemoval.RemoveAsync(write.Db, member, replacementId, write.Now, ct);
            removedAccount = member.AccountId;
            return removed;
        }, ct);
        if (result.Succeeded) changes.Announce(removedAccount);
        return result;
    }
}
