using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Groups;

/// <summary>
/// A group's members and managers: its managers (and Admins) add and remove members; Admins choose managers, who
/// must be Internal. Adding and removing one person commutes with anyone else's change, so it needs no version; a
/// person who left the workspace meanwhile is refused, never brought back.
/// </summary>
public sealed class GroupPeople(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public Task<Result> AddMembersAsync(Actor actor, Guid id, IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var group = await GroupAuthority.FindForMemberEditAsync(write.Db, actor, id, ct);
            if (!group.Succeeded) return group.Error!;
            if (memberIds.Count == 0) return Error.Invalid("Choose at least one member to add.", "Members");
            var checkedIds = await GroupAuthority.CheckMembersAsync(write.Db, actor, memberIds, managers: false, ct);
            if (!checkedIds.Succeeded) return checkedIds;

            foreach (var memberId in memberIds) group.Value.AddMember(memberId);
            await write.RecordAsync(AuditActions.GroupChanged, group.Value.Name, null, $"added {memberIds.Count} member(s)", ct);
            return Result.Success();
        }, ct);

    public Task<Result> RemoveMemberAsync(Actor actor, Guid id, Guid memberId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var group = await GroupAuthority.FindForMemberEditAsync(write.Db, actor, id, ct);
            if (!group.Succeeded) return group.Error!;
            var membership = group.Value.Members.FirstOrDefault(m => m.MemberId == memberId);
            if (membership is null) return Error.NotFound("That person is not a member of this group.");
            write.Db.GroupMemberships.Remove(membership);
            await write.RecordAsync(AuditActions.GroupChanged, group.Value.Name, await GroupAuthority.NameOfAsync(write.Db, memberId, ct), "removed as member", ct);
            return await SaveRemovalAsync(write, "That person is no longer a member of this group.", ct);
        }, ct);

    public Task<Result> AddManagersAsync(Actor actor, Guid id, IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var group = await GroupAuthority.FindForAdminAsync(write.Db, actor, id, "choose group managers", ct);
            if (!group.Succeeded) return group.Error!;
            if (memberIds.Count == 0) return Error.Invalid("Choose at least one manager to add.", "Managers");
            var checkedIds = await GroupAuthority.CheckMembersAsync(write.Db, actor, memberIds, managers: true, ct);
            if (!checkedIds.Succeeded) return checkedIds;

            foreach (var memberId in memberIds) group.Value.AddManager(memberId);
            await write.RecordAsync(AuditActions.GroupChanged, group.Value.Name, null, $"added {memberIds.Count} manager(s)", ct);
            return Result.Success();
        }, ct);

    public Task<Result> RemoveManagerAsync(Actor actor, Guid id, Guid memberId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var group = await GroupAuthority.FindForAdminAsync(write.Db, actor, id, "choose group managers", ct);
            if (!group.Succeeded) return group.Error!;
            var manager = group.Value.Managers.FirstOrDefault(m => m.MemberId == memberId);
            if (manager is null) return Error.NotFound("That person does not manage this group.");
            write.Db.GroupManagers.Remove(manager);
            await write.RecordAsync(AuditActions.GroupChanged, group.Value.Name, await GroupAuthority.NameOfAsync(write.Db, memberId, ct), "removed as manager", ct);
            return await SaveRemovalAsync(write, "That person no longer manages this group.", ct);
        }, ct);


    /// <summary>Members who can be added (as members, or as managers: Internal only), matching <paramref name="search"/>.</summary>
    public async Task<Result<IReadOnlyList<GroupPerson>>> FindCandidatesAsync(Actor actor, Guid? groupId, bool managers,
        string? search, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (groupId is { } id)
        {
            var group = managers ? await GroupAuthority.FindForAdminAsync(db, actor, id, "choose group managers", ct) : await GroupAuthority.FindForMemberEditAsync(db, actor, id, ct);
            if (!group.Succeeded) return group.Error!;
        }
        else if (!actor.Can(Permission.CreateGroups))
            return actor.Require(Permission.CreateGroups).Error!;

        var pattern = SearchText.Contains(search ?? "");
        var candidates = ResourceAuthority.AssignableMembers(db, actor.WorkspaceId)
            .Where(m => EF.Functions.Like(m.DisplayName, pattern, SearchText.Escape) || EF.Functions.Like(m.Email, pattern, SearchText.Escape));
        if (managers) candidates = candidates.Where(m => m.UserType == UserType.Internal); // MembershipRules.CanManageGroups, as SQL
        if (groupId is { } existing)
            candidates = managers
                ? candidates.Where(m => !db.GroupManagers.Any(x => x.GroupId == existing && x.MemberId == m.Id))
                : candidates.Where(m => !db.GroupMemberships.Any(x => x.GroupId == existing && x.MemberId == m.Id));
        return await candidates.OrderBy(m => m.DisplayName).Take(20)
            .Select(m => new GroupPerson(m.Id, m.DisplayName, m.Email, m.UserType, m.Status)).ToListAsync(ct);
    }


    /// <summary>Saves a removal; if someone removed the same row a moment earlier, nothing is saved and it says so.</summary>
    private static async Task<Result> SaveRemovalAsync(ActingContext write, string alreadyGone, CancellationToken ct)
    {
        try
        {
            await write.SaveAsync(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.NotFound(alreadyGone);
        }
    }
}
