using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Persistence.Configurations;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Resources;

/// <summary>
/// Who may see and who may manage a resource, in one place. Seeing: workspace Admins see everything ("View all"),
/// others what they are assigned to directly or through a group they are a member of (managing a group is not
/// membership). Managing (editing, access, deleting): workspace Admins and the resource's own Admins.
/// </summary>
internal static class ResourceAuthority
{
    public static IQueryable<Resource> OfKind(this IQueryable<Resource> resources, ResourceKind kind) =>
        resources.Where(r => EF.Property<string>(r, ResourceConfiguration.DiscriminatorColumn) == kind.ToString());

    public static IQueryable<Resource> Visible(DashboardDbContext db, Actor actor)
    {
        var inWorkspace = db.Resources.Where(r => r.WorkspaceId == actor.WorkspaceId);
        if (actor.Can(Permission.ViewAllResources)) return inWorkspace;
        if (!actor.Can(Permission.AccessAssignedResources)) return inWorkspace.Where(_ => false);

        var myGroups = db.GroupMemberships.Where(m => m.MemberId == actor.MemberId).Select(m => m.GroupId);
        return inWorkspace.Where(r => db.ResourceAccess.Any(a => a.ResourceId == r.Id
            && (a.MemberId == actor.MemberId || (a.GroupId != null && myGroups.Contains(a.GroupId.Value)))));
    }

    /// <summary>The roles the member holds on the resource, directly and through groups they belong to.</summary>
    public static Task<List<ResourceRole>> RolesOfAsync(DashboardDbContext db, Guid memberId, Guid resourceId, CancellationToken ct)
    {
        var groups = db.GroupMemberships.Where(m => m.MemberId == memberId).Select(m => m.GroupId);
        return db.ResourceAccess
            .Where(a => a.ResourceId == resourceId
                        && (a.MemberId == memberId || (a.GroupId != null && groups.Contains(a.GroupId.Value))))
            .Select(a => a.Role)
            .ToListAsync(ct);
    }

    /// <summary>The resource if the actor may see it; otherwise NotFound, so its existence is not revealed.</summary>
    public static async Task<Result<Resource>> FindVisibleAsync(DashboardDbContext db, Actor actor, Guid id,
        ResourceKind? kind, CancellationToken ct)
    {
        var resource = await Visible(db, actor).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null || (kind is { } k && resource.Kind != k))
            return Error.NotFound($"That {(kind?.ToString() ?? "resource").ToLowerInvariant()} does not exist, or you have no access to it.");
        return resource;
    }

    /// <summary>The resource if the actor may manage it (workspace Admin or the resource's Admin).</summary>
    public static async Task<Result<Resource>> FindManageableAsync(DashboardDbContext db, Actor actor, Guid id,
        ResourceKind? kind, CancellationToken ct)
    {
        var found = await FindVisibleAsync(db, actor, id, kind, ct);
        if (!found.Succeeded) return found;
        if (await CanManageAsync(db, actor, id, ct)) return found;
        return Error.Forbidden($"Only workspace Admins and the {found.Value.Kind.ToString().ToLowerInvariant()}'s Admins can change \"{found.Value.Name}\".");
    }

    public static async Task<bool> CanManageAsync(DashboardDbContext db, Actor actor, Guid resourceId, CancellationToken ct) =>
        actor.Can(Permission.ManageAllResources) || (await RolesOfAsync(db, actor.MemberId, resourceId, ct)).Contains(ResourceRole.Admin);

    /// <summary>Checks a name for a resource of <paramref name="kind"/>: trimmed, bounded, unique per kind in the workspace.</summary>
    public static async Task<Result<string>> ValidateNameAsync(DashboardDbContext db, Guid workspaceId, ResourceKind kind,
        string? raw, Guid? exceptId, CancellationToken ct)
    {
        var name = Names.Validate(raw, $"{kind} name", Resource.NameMaxLength, "Name");
        if (!name.Succeeded) return name;
        var normalized = Names.Normalize(name.Value);
        var taken = await db.Resources.Where(r => r.WorkspaceId == workspaceId && r.NormalizedName == normalized && r.Id != exceptId)
            .OfKind(kind).AnyAsync(ct);
        return taken
            ? NameTaken(kind, name.Value)
            : name;
    }

    public static Error NameTaken(ResourceKind kind, string name) =>
        Error.Conflict($"{kind.WithCapitalArticle()} called \"{name}\" already exists in this workspace.", "Name");

    public static Result<string> ValidateDescription(string? raw)
    {
        var description = raw?.Trim() ?? "";
        return description.Length > Resource.DescriptionMaxLength
            ? Error.Invalid($"The description can have at most {Resource.DescriptionMaxLength} characters (it has {description.Length}).", "Description")
            : description;
    }

    /// <summary>Whether an invited or joined member of the workspace (declined members cannot be given access).</summary>
    public static IQueryable<WorkspaceMember> AssignableMembers(DashboardDbContext db, Guid workspaceId) =>
        db.Members.Where(m => m.WorkspaceId == workspaceId && m.Status != MemberStatus.Declined);
}
