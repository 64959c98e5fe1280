using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Resources;

/// <summary>A person who can reach the resource, with every reason why (direct role, groups, workspace Admin).</summary>
public sealed record PersonWithAccess(Guid MemberId, string Name, string Email, MemberStatus Status,
    Guid? DirectAccessId, ResourceRole? DirectRole, IReadOnlyList<GroupGrant> ViaGroups, bool IsWorkspaceAdmin)
{
    /// <summary>The short explanation on the member's row.</summary>
    public string Explanation => string.Join(" · ", Reasons());

    private IEnumerable<string> Reasons()
    {
        if (DirectRole is { } role) yield return $"Direct: {role.Display()}";
        foreach (var group in ViaGroups) yield return $"Via group {group.GroupName}: {group.Role.Display()}";
        if (IsWorkspaceAdmin) yield return "Workspace Admin (sees every resource)";
    }
}

public sealed record GroupGrant(Guid AccessId, Guid GroupId, string GroupName, ResourceRole Role, int MemberCount);

/// <param name="HiddenPeople">People with access the actor may not see by name (a Tasker sees only themself).</param>
public sealed record ResourceAccessList(IReadOnlyList<PersonWithAccess> People, IReadOnlyList<GroupGrant> Groups, int HiddenPeople = 0);

/// <summary>Who receives access: exactly one of a member or a group.</summary>
public sealed record AccessHolder(Guid? MemberId, Guid? GroupId)
{
    public static AccessHolder Member(Guid memberId) => new(memberId, null);
    public static AccessHolder Group(Guid groupId) => new(null, groupId);
}

public sealed record AccessCandidate(Guid Id, string Name, string? Detail);

/// <summary>Sole-Admin resources of a member: the Users tab asks for a replacement before removing them.</summary>
public sealed record SoleAdminResource(Guid Id, ResourceKind Kind, string Name);
