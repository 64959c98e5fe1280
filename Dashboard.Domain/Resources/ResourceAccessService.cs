using Dashboard.Domain.Audit;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Resources;

/// <summary>Who has access to a resource, and changing it. Workspace Admins and the resource's Admins may change it.</summary>
public sealed class ResourceAccessService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public async Task<Result<ResourceAccessList>> ListAsync(Actor actor, Guid resourceId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await ResourceAuthority.FindVisibleAsync(db, actor, resourceId, null, ct);
        if (!found.Succeeded) return found.Error!;

        var direct = await (from a in db.ResourceAccess
                            join m in db.Members on a.MemberId equals m.Id
                            where a.ResourceId == resourceId
                            select new { a.Id, a.Role, Member = m }).AsNoTracking().ToListAsync(ct);
        var groups = await (from a in db.ResourceAccess
                            join g in db.Groups on a.GroupId equals g.Id
                            where a.ResourceId == resourceId
                            orderby g.NormalizedName
                            select new GroupGrant(a.Id, g.Id, g.Name, a.Role, g.Members.Count)).ToListAsync(ct);
        var groupIds = groups.Select(g => g.GroupId).ToList();
        var viaGroups = await (from gm in db.GroupMemberships
                               join m in db.Members on gm.MemberId equals m.Id
                               where groupIds.Contains(gm.GroupId)
                               select new { gm.GroupId, Member = m }).AsNoTracking().ToListAsync(ct);
        var admins = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == actor.WorkspaceId && m.Role == WorkspaceRole.Admin && m.Status == MemberStatus.Joined)
            .ToListAsync(ct);

        var members = direct.Select(d => d.Member).Concat(viaGroups.Select(v => v.Member)).Concat(admins)
            .DistinctBy(m => m.Id);
        var people = members.Select(m =>
            {
                var own = direct.FirstOrDefault(d => d.Member.Id == m.Id);
                var through = groups.Where(g => viaGroups.Any(v => v.GroupId == g.GroupId && v.Member.Id == m.Id)).ToList();
                return new PersonWithAccess(m.Id, m.DisplayName, m.Email, m.Status, own?.Id, own?.Role, through,
                    m.Role == WorkspaceRole.Admin && m.Status == MemberStatus.Joined);
            })
            .OrderBy(p => p.DirectRole is null && p.ViaGroups.Count == 0) // assigned people first, then workspace Admins
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (actor.Can(Permission.SeeOtherMembers)) return new ResourceAccessList(people, groups);
        var own = people.Where(p => p.MemberId == actor.MemberId).ToList();
        return new ResourceAccessList(own, groups, people.Count - own.Count);
    }

    /// <summary>Members or groups (matching <paramref name="search"/>) that can still be given direct access.</summary>
    public async Task<Result<IReadOnlyList<AccessCandidate>>> FindCandidatesAsync(Actor actor, Guid resourceId, bool groups,
        string? search, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await ResourceAuthority.FindManageableAsync(db, actor, resourceId, null, ct);
        if (!found.Succeeded) return found.Error!;
        var pattern = SearchText.Contains(search ?? "");

        if (groups)
            return await db.Groups.Where(g => g.WorkspaceId == actor.WorkspaceId
                                              && !db.ResourceAccess.Any(a => a.ResourceId == resourceId && a.GroupId == g.Id)
                                              && EF.Functions.Like(g.Name, pattern, SearchText.Escape))
                .OrderBy(g => g.NormalizedName).Take(20)
                .Select(g => new AccessCandidate(g.Id, g.Name, g.Members.Count + " members")).ToListAsync(ct);

        var members = await ResourceAuthority.AssignableMembers(db, actor.WorkspaceId)
            .Where(m => !db.ResourceAccess.Any(a => a.ResourceId == resourceId && a.MemberId == m.Id)
                        && (EF.Functions.Like(m.DisplayName, pattern, SearchText.Escape) || EF.Functions.Like(m.Email, pattern, SearchText.Escape)))
            .OrderBy(m => m.DisplayName).Take(20)
            .Select(m => new AccessCandidate(m.Id, m.DisplayName, m.Email)).ToListAsync(ct);
        if (!Workforce.CanJoinThrough(found.Value.Kind) || members.Count >= 20) return members;

        var workforce = await Workforce.Search(db, actor.WorkspaceId, search)
            .OrderBy(c => c.Member.DisplayName).Take(20 - members.Count)
            .Select(c => new AccessCandidate(c.Member.Id, c.Member.DisplayName, c.Member.Email + " · from workforce " + c.HomeWorkspaceName + ", joins as Tasker"))
            .ToListAsync(ct);
        return members.Concat(workforce).ToList();
    }

    /// <summary>Gives each member one role on the resource; a member who already has direct access gets the new role.</summary>
    public Task<Result> AddMembersAsync(Actor actor, Guid resourceId, IReadOnlyCollection<Guid> memberIds, ResourceRole role,
        CancellationToken ct = default) => AddAsync(actor, resourceId, memberIds, role, groups: false, ct);

    /// <summary>Gives each group one role on the resource: its members hold that role there collectively.</summary>
    public Task<Result> AddGroupsAsync(Actor actor, Guid resourceId, IReadOnlyCollection<Guid> groupIds, ResourceRole role,
        CancellationToken ct = default) => AddAsync(actor, resourceId, groupIds, role, groups: true, ct);

    private async Task<Result> AddAsync(Actor actor, Guid resourceId, IReadOnlyCollection<Guid> ids, ResourceRole role, bool groups,
        CancellationToken ct)
    {
        return await Writes.RunAsync(actor, async write =>
        {
            var db = write.Db;
            var found = await ResourceAuthority.FindManageableAsync(db, actor, resourceId, null, ct);
            if (!found.Succeeded) return found.Error!;
            var kind = found.Value.Kind;
            if (!ResourceRoles.For(kind).Contains(role))
                return Error.Invalid($"{kind.WithCapitalArticle()} has no {role.Display()} role. Choose one of: {string.Join(", ", ResourceRoles.For(kind).Select(r => r.Display()))}.", "Role");
            if (ids.Count == 0)
                return Error.Invalid(groups ? "Choose at least one group." : "Choose at least one member.", groups ? "Groups" : "Members");

            var distinct = ids.Distinct().ToList();
            var known = groups
                ? await db.Groups.Where(g => g.WorkspaceId == actor.WorkspaceId && distinct.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)
                : await ResourceAuthority.AssignableMembers(db, actor.WorkspaceId).Where(m => distinct.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
            var now = clock.GetUtcNow();
            if (!groups && known.Count != distinct.Count && Workforce.CanJoinThrough(kind))
            {
                // People offered from workforce workspaces join this one now, in the same save as their access.
                var others = distinct.Except(known).ToList();
                var joining = await Workforce.JoinAsync(write, others, ct, $"{kind} \"{found.Value.Name}\"");
                distinct = distinct.Select(id => joining.TryGetValue(id, out var member) ? member.Id : id).Distinct().ToList();
                known.AddRange(joining.Values.Select(m => m.Id).Distinct());
            }
            if (known.Count != distinct.Count)
                return Error.NotFound(groups
                    ? "One of the chosen groups no longer exists. Reload and choose again."
                    : "One of the chosen members is no longer in the workspace (or declined the invitation). Reload and choose again.");

            var existing = await db.ResourceAccess
                .Where(a => a.ResourceId == resourceId && (groups ? a.GroupId != null && distinct.Contains(a.GroupId.Value)
                                                                  : a.MemberId != null && distinct.Contains(a.MemberId.Value)))
                .ToListAsync(ct);
            foreach (var id in distinct)
            {
                var entry = existing.FirstOrDefault(a => (groups ? a.GroupId : a.MemberId) == id);
                if (entry is not null) entry.ChangeRole(role);
                else db.ResourceAccess.Add(groups ? ResourceAccess.ForGroup(resourceId, id, role, now) : ResourceAccess.ForMember(resourceId, id, role, now));
            }
            await write.RecordAsync(AuditActions.AccessChanged, $"{kind} \"{found.Value.Name}\"", null,
                $"{distinct.Count} {(groups ? "group(s)" : "member(s)")} as {role.Display()}", ct);
            return Result.Success();
        }, ct);
    }

    public async Task<Result> ChangeRoleAsync(Actor actor, Guid resourceId, Guid accessId, ResourceRole role, CancellationToken ct = default)
    {
        return await Writes.RunAsync(actor, async write =>
        {
            var db = write.Db;
            var found = await ResourceAuthority.FindManageableAsync(db, actor, resourceId, null, ct);
            if (!found.Succeeded) return found.Error!;
            if (!ResourceRoles.For(found.Value.Kind).Contains(role))
                return Error.Invalid($"{found.Value.Kind.WithCapitalArticle()} has no {role.Display()} role.", "Role");
            var entry = await db.ResourceAccess.FirstOrDefaultAsync(a => a.Id == accessId && a.ResourceId == resourceId, ct);
            if (entry is null) return Error.NotFound("That access entry no longer exists. Reload to see the current members.");
            if (entry.Role == ResourceRole.Admin && role != ResourceRole.Admin && await IsLastAdminEntryAsync(db, entry, ct))
                return Error.Conflict("This is the only Admin of the resource. Make someone else Admin first.");

            await write.RecordAsync(AuditActions.AccessChanged, $"{found.Value.Kind} \"{found.Value.Name}\"", entry.Role.Display(),
                role.Display(), ct);
            entry.ChangeRole(role);
            return Result.Success();
        }, ct);
    }

    public async Task<Result> RemoveAsync(Actor actor, Guid resourceId, Guid accessId, CancellationToken ct = default)
    {
        return await Writes.RunAsync(actor, async write =>
        {
            var db = write.Db;
            var found = await ResourceAuthority.FindManageableAsync(db, actor, resourceId, null, ct);
            if (!found.Succeeded) return found.Error!;
            var entry = await db.ResourceAccess.FirstOrDefaultAsync(a => a.Id == accessId && a.ResourceId == resourceId, ct);
            if (entry is null) return Error.NotFound("That access entry no longer exists. Reload to see the current members.");
            if (entry.Role == ResourceRole.Admin && await IsLastAdminEntryAsync(db, entry, ct))
                return Error.Conflict("This is the only Admin of the resource. Make someone else Admin before removing them.");

            db.ResourceAccess.Remove(entry);
            await write.RecordAsync(AuditActions.AccessChanged, $"{found.Value.Kind} \"{found.Value.Name}\"", entry.Role.Display(),
                "removed", ct);
            return Result.Success();
        }, ct);
    }

    /// <summary>
    /// The Projects and Datasets where <paramref name="memberId"/> is the only Admin (counting direct Admins and
    /// Admin groups with members), which would be left without one if the member went.
    /// </summary>
    public async Task<IReadOnlyList<SoleAdminResource>> SoleAdminOfAsync(Guid workspaceId, Guid memberId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await SoleAdminOfAsync(db, workspaceId, memberId, ct);
    }

    internal static async Task<IReadOnlyList<SoleAdminResource>> SoleAdminOfAsync(DashboardDbContext db, Guid workspaceId, Guid memberId,
        CancellationToken ct)
    {
        var candidates = await (from a in db.ResourceAccess
                                join r in db.Resources on a.ResourceId equals r.Id
                                where a.MemberId == memberId && a.Role == ResourceRole.Admin && r.WorkspaceId == workspaceId
                                      && !(r is Ontology)
                                      && !db.ResourceAccess.Any(o => o.ResourceId == r.Id && o.Role == ResourceRole.Admin && o.Id != a.Id
                                          && (o.MemberId != null || db.GroupMemberships.Any(gm => gm.GroupId == o.GroupId && gm.MemberId != memberId)))
                                orderby r.NormalizedName
                                select r).AsNoTracking().ToListAsync(ct);
        return candidates.Select(r => new SoleAdminResource(r.Id, r.Kind, r.Name)).ToList();
    }

    private static async Task<bool> IsLastAdminEntryAsync(DashboardDbContext db, ResourceAccess entry, CancellationToken ct) =>
        !await db.ResourceAccess.AnyAsync(a => a.ResourceId == entry.ResourceId && a.Role == ResourceRole.Admin && a.Id != entry.Id, ct);
}
