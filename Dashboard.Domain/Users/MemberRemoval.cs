using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

/// <summary>
/// Removing a member, shared by User details and the operator's command line: the replacement takes over as
/// Admin of every Project and Dataset the member alone administered, in the same transaction as the removal.
/// </summary>
internal static class MemberRemoval
{
    public static async Task<Result> RemoveAsync(DashboardDbContext db, WorkspaceMember member,
        Guid? replacementId, DateTimeOffset now, CancellationToken ct)
    {
        var soleAdminOf = await ResourceAccessService.SoleAdminOfAsync(db, member.WorkspaceId, member.Id, ct);
        if (soleAdminOf.Count > 0)
        {
            if (replacementId is null)
                return Error.Invalid($"{member.DisplayName} is the only Admin of {Describe(soleAdminOf)}. Choose a member to become their Admin.", "Replacement");
            var replacement = await Replacements(db, member).FirstOrDefaultAsync(m => m.Id == replacementId, ct);
            if (replacement is null)
                return Error.Invalid("The replacement must be another Internal member of this workspace.", "Replacement");

            foreach (var resource in soleAdminOf)
            {
                var entry = await db.ResourceAccess.FirstOrDefaultAsync(a => a.ResourceId == resource.Id && a.MemberId == replacement.Id, ct);
                if (entry is null) db.ResourceAccess.Add(ResourceAccess.ForMember(resource.Id, replacement.Id, ResourceRole.Admin, now));
                else entry.ChangeRole(ResourceRole.Admin);
            }
        }

        // Group places, resource access and invitation links go with the membership (cascading keys).
        db.Members.Remove(member);
        // Removed from their last workspace, the person has no business being signed in anywhere: a new security
        // stamp ends every session of theirs at its next request (and open pages within the revalidation interval).
        if (member.AccountId is { } accountId
            && !await db.Members.AnyAsync(m => m.AccountId == accountId && m.Id != member.Id && m.Status == MemberStatus.Joined, ct))
            await SecurityStamps.RenewAsync(db, accountId, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>Who may take over: Internal members of the workspace who have not declined, other than the one leaving.</summary>
    public static IQueryable<WorkspaceMember> Replacements(DashboardDbContext db, WorkspaceMember leaving) =>
        db.Members.Where(m => m.WorkspaceId == leaving.WorkspaceId && m.Id != leaving.Id
                              && m.UserType == UserType.Internal && m.Status != MemberStatus.Declined);

    public static string Describe(IReadOnlyList<SoleAdminResource> resources) =>
        string.Join(", ", resources.Select(r => $"{r.Kind} \"{r.Name}\""));
}
