using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Groups;

/// <summary>A row of the Groups tab. <see cref="Managers"/> is null for those who may not see managers.</summary>
public sealed record GroupRow(Guid Id, string Name, string Description, int MemberCount, IReadOnlyList<string>? Managers, bool CanEdit);

public sealed record GroupPerson(Guid MemberId, string Name, string Email, UserType UserType, MemberStatus Status);

public sealed record GroupResource(Guid AccessId, Guid ResourceId, ResourceKind Kind, string Name, ResourceRole Role);

/// <summary>A group's page, and what the actor may do there.</summary>
public sealed record GroupDetails(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyList<GroupPerson> Members,
    IReadOnlyList<GroupPerson>? Managers,
    IReadOnlyList<GroupResource> Access,
    bool CanEditMembers,
    bool CanManageGroup,
    int MemberCount,
    IReadOnlyList<Resources.HiddenResources> HiddenAccess,
    Guid Version)
{
    /// <summary>Members the actor may not see by name (a Tasker sees only themself; the count is fine).</summary>
    public int HiddenMembers => MemberCount - Members.Count;
}

public sealed record CreateGroup(string? Name, string? Description, IReadOnlyCollection<Guid> MemberIds, IReadOnlyCollection<Guid> ManagerIds);
