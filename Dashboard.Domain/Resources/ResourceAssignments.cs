using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Resources;

/// <summary>
/// "Assign to …" on a member's or a group's page: one role on several resources at once, where the actor may change
/// access. Access to one resource, from the resource's own page, is <see cref="ResourceAccessService"/>.
/// </summary>
public sealed class ResourceAssignments(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    /// <summary>Resources of <paramref name="kind"/> whose access the actor may change: the choices of "Assign to …".</summary>
    public async Task<IReadOnlyList<ResourceLink>> FindManageableAsync(Actor actor, ResourceKind kind, string? search,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var resources = db.Resources.Where(r => r.WorkspaceId == actor.WorkspaceId).OfKind(kind);
        if (!actor.Can(Permission.ManageAllResources))
        {
            var myGroups = db.GroupMemberships.Where(m => m.MemberId == actor.MemberId).Select(m => m.GroupId);
            resources = resources.Where(r => db.ResourceAccess.Any(a => a.ResourceId == r.Id && a.Role == ResourceRole.Admin
                && (a.MemberId == actor.MemberId || (a.GroupId != null && myGroups.Contains(a.GroupId.Value)))));
        }
        var pattern = SearchText.Contains(search ?? "");
        return await resources.Where(r => EF.Functions.Like(r.Name, pattern, SearchText.Escape))
            .OrderBy(r => r.NormalizedName).Take(20)
            .Select(r => new ResourceLink(r.Id, r.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// "Assign to …": gives one member or one group the same role on several resources of one kind, all or
    /// nothing. The actor must be able to change access on every one of them.
    /// </summary>
    public async Task<Result> AssignAsync(Actor actor, ResourceKind kind, IReadOnlyCollection<Guid> resourceIds, AccessHolder holder,
        ResourceRole role, CancellationToken ct = default)
    {
        if (resourceIds.Count == 0) return Error.Invalid($"Choose at least one {kind.ToString().ToLowerInvariant()}.", "Resources");
        if (!ResourceRoles.For(kind).Contains(role))
            return Error.Invalid($"{kind.WithCapitalArticle()} has no {role.Display()} role.", "Role");

        return await Writes.RunAsync(actor, async write =>
        {
            var db = write.Db;
            var holderExists = holder.GroupId is { } groupId
                ? await db.Groups.AnyAsync(g => g.Id == groupId && g.WorkspaceId == actor.WorkspaceId, ct)
                : await ResourceAuthority.AssignableMembers(db, actor.WorkspaceId).AnyAsync(m => m.Id == holder.MemberId, ct);
            if (!holderExists) return Error.NotFound("That member or group is no longer in the workspace.");

            var now = write.Now;
            foreach (var resourceId in resourceIds.Distinct())
            {
                var found = await ResourceAuthority.FindManageableAsync(db, actor, resourceId, kind, ct);
                if (!found.Succeeded) return found.Error!;
                var entry = await db.ResourceAccess.FirstOrDefaultAsync(a => a.ResourceId == resourceId
                    && (holder.GroupId != null ? a.GroupId == holder.GroupId : a.MemberId == holder.MemberId), ct);
                if (entry is not null) entry.ChangeRole(role);
                else db.ResourceAccess.Add(holder.GroupId is { } g
                    ? ResourceAccess.ForGroup(resourceId, g, role, now)
                    : ResourceAccess.ForMember(resourceId, holder.MemberId!.Value, role, now));
            }
            await write.RecordAsync(AuditActions.AccessChanged, $"{resourceIds.Distinct().Count()} {kind}(s)", null,
                $"{(holder.GroupId is null ? "a member" : "a group")} as {role.Display()}", ct);
            return Result.Success();
        }, ct);
    }
}
