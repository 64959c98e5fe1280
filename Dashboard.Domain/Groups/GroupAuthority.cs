using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Groups;

/// <summary>
/// Who may see and change a group, shared by <see cref="GroupService"/> and <see cref="GroupPeople"/>: those who see
/// other members see every group, others only their own; Admins change any group, its managers only its members.
/// </summary>
internal static class GroupAuthority
{
    public static async Task<Result<Group>> FindVisibleAsync(DashboardDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        var group = await db.Groups.Include(g => g.Members).Include(g => g.Managers)
            .FirstOrDefaultAsync(g => g.Id == id && g.WorkspaceId == actor.WorkspaceId, ct);
        var visible = group is not null && (actor.Can(Permission.SeeOtherMembers)
                                            || group.Members.Any(m => m.MemberId == actor.MemberId)
                                            || group.Managers.Any(m => m.MemberId == actor.MemberId));
        return visible ? group! : Error.NotFound("That group does not exist, or you cannot see it.");
    }

    public static async Task<Result<Group>> FindForMemberEditAsync(DashboardDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        var group = await FindVisibleAsync(db, actor, id, ct);
        if (!group.Succeeded || actor.Can(Permission.ManageAllGroups) || group.Value.Managers.Any(m => m.MemberId == actor.MemberId)) return group;
        return Error.Forbidden($"Only workspace Admins and the managers of \"{group.Value.Name}\" can change its members.");
    }

    public static async Task<Result<Group>> FindForAdminAsync(DashboardDbContext db, Actor actor, Guid id, string what, CancellationToken ct)
    {
        var group = await FindVisibleAsync(db, actor, id, ct);
        if (!group.Succeeded || actor.Can(Permission.ManageAllGroups)) return group;
        return Error.Forbidden($"Only workspace Admins can {what}.");
    }


    /// <summary>Every id must be a member of the workspace (not declined); managers must also be Internal.</summary>
    public static async Task<Result> CheckMembersAsync(DashboardDbContext db, Actor actor, IReadOnlyCollection<Guid> ids, bool managers,
        CancellationToken ct)
    {
        if (ids.Count == 0) return Result.Success();
        var distinct = ids.Distinct().ToList();
        var found = await ResourceAuthority.AssignableMembers(db, actor.WorkspaceId).Where(m => distinct.Contains(m.Id))
            .Select(m => new { m.Id, m.DisplayName, m.UserType }).ToListAsync(ct);
        if (found.Count != distinct.Count)
            return Error.NotFound("One of the chosen people is no longer in the workspace. Reload and choose again.");
        var notInternal = found.Where(m => !MembershipRules.CanManageGroups(m.UserType)).Select(m => m.DisplayName).ToList();
        if (managers && notInternal.Count > 0)
            return Error.Invalid($"Only Internal members can manage groups; {string.Join(", ", notInternal)} {(notInternal.Count == 1 ? "is" : "are")} not Internal.", "Managers");
        return Result.Success();
    }


    public static async Task<string> NameOfAsync(DashboardDbContext db, Guid memberId, CancellationToken ct) =>
        await db.Members.Where(m => m.Id == memberId).Select(m => m.DisplayName).FirstOrDefaultAsync(ct) ?? "a former member";
}
