using Dashboard.Domain.Audit;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Groups;

/// <summary>
/// Groups and their members and managers. Admins and Workforce Managers create groups; Admins rename and delete
/// them and choose their managers (Internal members only); a group's managers add and remove its members. Plain
/// members do not see who manages a group, and managing a group gives no access to what it is assigned to.
/// </summary>
public sealed class GroupService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public async Task<Page<GroupRow>> ListAsync(Actor actor, string? search, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var groups = db.Groups.AsNoTracking().Where(g => g.WorkspaceId == actor.WorkspaceId);
        if (!actor.Can(Permission.SeeOtherMembers))
            groups = groups.Where(g => g.Members.Any(m => m.MemberId == actor.MemberId) || g.Managers.Any(m => m.MemberId == actor.MemberId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchText.Contains(search);
            groups = groups.Where(g => EF.Functions.Like(g.Name, pattern, SearchText.Escape));
        }

        var total = await groups.CountAsync(ct);
        var rows = await groups.OrderBy(g => g.NormalizedName).Skip(page.Skip).Take(page.Take)
            .Select(g => new
            {
                g.Id, g.Name, g.Description, MemberCount = g.Members.Count,
                Managers = (from manager in g.Managers
                            join m in db.Members on manager.MemberId equals m.Id
                            orderby m.DisplayName
                            select m.DisplayName).ToList(),
                IsManager = g.Managers.Any(m => m.MemberId == actor.MemberId),
            })
            .ToListAsync(ct);
        return new Page<GroupRow>(rows.Select(r => new GroupRow(r.Id, r.Name, r.Description, r.MemberCount,
            CanSeeManagers(actor, r.IsManager) ? r.Managers : null, actor.Can(Permission.ManageAllGroups) || r.IsManager)).ToList(), total);
    }

    public async Task<Result<GroupDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var group = await GroupAuthority.FindVisibleAsync(db, actor, id, ct);
        if (!group.Succeeded) return group.Error!;
        var isManager = group.Value.Managers.Any(m => m.MemberId == actor.MemberId);

        // A Tasker "cannot see other workspace members": only themself by name, the rest as a count.
        var memberIds = group.Value.Members.Select(m => m.MemberId).ToList();
        var members = await People(db, actor.Can(Permission.SeeOtherMembers) ? memberIds : memberIds.Where(m => m == actor.MemberId), ct);
        var managers = CanSeeManagers(actor, isManager) ? await People(db, group.Value.Managers.Select(m => m.MemberId), ct) : null;
        var visible = ResourceAuthority.Visible(db, actor).Select(r => r.Id);
        var access = await (from a in db.ResourceAccess
                            join r in db.Resources on a.ResourceId equals r.Id
                            where a.GroupId == id
                            orderby r.NormalizedName
                            select new { a.Id, r, a.Role, Visible = visible.Contains(r.Id) }).AsNoTracking().ToListAsync(ct);
        return new GroupDetails(group.Value.Id, group.Value.Name, group.Value.Description, members, managers,
            access.Where(a => a.Visible).Select(a => new GroupResource(a.Id, a.r.Id, a.r.Kind, a.r.Name, a.Role)).ToList(),
            actor.Can(Permission.ManageAllGroups) || isManager, actor.Can(Permission.ManageAllGroups), memberIds.Count,
            access.Where(a => !a.Visible).GroupBy(a => a.r.Kind).Select(g => new HiddenResources(g.Key, g.Count())).ToList(),
            group.Value.Version);
    }

    /// <summary>The first step of creating a group: its name and description, checked before members are chosen.</summary>
    public async Task<Result> ValidateDetailsAsync(Actor actor, string? name, string? description, Guid? exceptId = null,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ValidateDetailsAsync(db, actor, name, description, exceptId, ct);
    }

    public async Task<Result<Guid>> CreateAsync(Actor actor, CreateGroup command, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.CreateGroups);
        if (!allowed.Succeeded) return allowed.Error!;
        return await Writes.RunAsync<Guid>(actor, async write =>
        {
            var details = await ValidateDetailsAsync(write.Db, actor, command.Name, command.Description, null, ct);
            if (!details.Succeeded) return details.Error!;
            var members = await GroupAuthority.CheckMembersAsync(write.Db, actor, command.MemberIds, managers: false, ct);
            if (!members.Succeeded) return members.Error!;
            var managers = await GroupAuthority.CheckMembersAsync(write.Db, actor, command.ManagerIds, managers: true, ct);
            if (!managers.Succeeded) return managers.Error!;

            var group = new Group(actor.WorkspaceId, command.Name!.Trim(), command.Description?.Trim() ?? "", write.Now);
            foreach (var id in command.MemberIds) group.AddMember(id);
            foreach (var id in command.ManagerIds) group.AddManager(id);
            write.Db.Groups.Add(group);
            await write.RecordAsync(AuditActions.GroupCreated, group.Name, null,
                $"{command.MemberIds.Count} members, {command.ManagerIds.Count} managers", ct);
            return await SaveAsync(write, group.Name, ct) is { } conflict ? conflict : group.Id;
        }, ct);
    }

    /// <param name="seenVersion">The version the page showed (<see cref="GroupDetails.Version"/>): a newer one refuses the save.</param>
    public Task<Result> UpdateAsync(Actor actor, Guid id, Guid seenVersion, string? name, string? description, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var group = await GroupAuthority.FindForAdminAsync(write.Db, actor, id, "rename a group", ct);
            if (!group.Succeeded) return group.Error!;
            if (group.Value.Version != seenVersion) return await ChangedMeanwhileAsync(write.Db, actor, group.Value, ct);
            var details = await ValidateDetailsAsync(write.Db, actor, name, description, id, ct);
            if (!details.Succeeded) return details;

            await write.RecordAsync(AuditActions.GroupChanged, group.Value.Name, $"{group.Value.Name}: {group.Value.Description}",
                $"{name!.Trim()}: {description?.Trim()}", ct);
            group.Value.Rename(name!.Trim());
            group.Value.Describe(description?.Trim() ?? "");
            try
            {
                return await SaveAsync(write, group.Value.Name, ct) ?? Result.Success();
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another save passed the same check a moment earlier; its version is the one stored.
                var now = await write.Db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
                return now is null ? Error.NotFound("That group no longer exists.") : await ChangedMeanwhileAsync(write.Db, actor, now, ct);
            }
        }, ct);

    /// <summary>"X changed this a moment ago — reload to see it", naming whoever the audit log says changed it last.</summary>
    private static async Task<Error> ChangedMeanwhileAsync(DashboardDbContext db, Actor actor, Group group, CancellationToken ct)
    {
        var who = await LastChange.ByWhomAsync(db, actor.WorkspaceId, AuditActions.GroupChanged, e => e.After != null && e.After.StartsWith(group.Name + ":"), ct);
        return Error.Stale($"{who} changed this group a moment ago — reload to see it. Nothing was saved.");
    }

    /// <summary>The confirmation for deleting a group: it names the resources that lose the group's access.</summary>
    public async Task<Result<string>> DescribeDeletionAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var group = await GroupAuthority.FindForAdminAsync(db, actor, id, "delete groups", ct);
        if (!group.Succeeded) return group.Error!;
        var resources = await (from a in db.ResourceAccess
                               join r in db.Resources on a.ResourceId equals r.Id
                               where a.GroupId == id
                               orderby r.NormalizedName
                               select r).AsNoTracking().ToListAsync(ct);
        var members = group.Value.Members.Count;
        var loses = resources.Count == 0
            ? "It gives no access to any resource."
            : $"Its {members} member{(members == 1 ? "" : "s")} lose the access it gives to " +
              string.Join(", ", resources.Select(r => $"{r.Kind} \"{r.Name}\"")) + ".";
        return $"Delete the group \"{group.Value.Name}\"? {loses} This cannot be undone.";
    }

    public Task<Result> DeleteAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var group = await GroupAuthority.FindForAdminAsync(write.Db, actor, id, "delete groups", ct);
            if (!group.Succeeded) return group.Error!;
            write.Db.Groups.Remove(group.Value);
            await write.RecordAsync(AuditActions.GroupDeleted, group.Value.Name, $"{group.Value.Members.Count} members", null, ct);
            return Result.Success();
        }, ct);

    private static bool CanSeeManagers(Actor actor, bool isManagerOfGroup) => actor.Can(Permission.CreateGroups) || isManagerOfGroup;

    private static async Task<Result> ValidateDetailsAsync(DashboardDbContext db, Actor actor, string? rawName, string? rawDescription,
        Guid? exceptId, CancellationToken ct)
    {
        var name = Names.Validate(rawName, "Group name", Group.NameMaxLength, "Name");
        if (!name.Succeeded) return name.Error!;
        var description = rawDescription?.Trim() ?? "";
        if (description.Length > Group.DescriptionMaxLength)
            return Error.Invalid($"The description can have at most {Group.DescriptionMaxLength} characters (it has {description.Length}).", "Description");
        var normalized = Names.Normalize(name.Value);
        var taken = await db.Groups.AnyAsync(g => g.WorkspaceId == actor.WorkspaceId && g.NormalizedName == normalized && g.Id != exceptId, ct);
        return taken ? NameTaken(name.Value) : Result.Success();
    }

    private static Task<List<GroupPerson>> People(DashboardDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return db.Members.Where(m => list.Contains(m.Id)).OrderBy(m => m.DisplayName)
            .Select(m => new GroupPerson(m.Id, m.DisplayName, m.Email, m.UserType, m.Status)).ToListAsync(ct);
    }

    private static Error NameTaken(string name) => Error.Conflict($"A group called \"{name}\" already exists in this workspace.", "Name");

    private static async Task<Error?> SaveAsync(ActingContext write, string name, CancellationToken ct)
    {
        try
        {
            await write.SaveAsync(ct);
            return null;
        }
        catch (DbUpdateException exception) when (exception.InnerException?.Message.Contains("UNIQUE") == true)
        {
            return NameTaken(name);
        }
    }
}
