using Dashboard.Domain.Access;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Users;

/// <summary>One resource role a member holds: directly (removable here) or through a group (changed on the group).</summary>
public sealed record MemberAssignment(Guid AccessId, Guid ResourceId, ResourceKind Kind, string ResourceName, ResourceRole Role,
    string? ViaGroup)
{
    public bool IsDirect => ViaGroup is null;
}

/// <summary>User details: who the member is, where they have access, and what the actor may do to them.</summary>
public sealed record MemberDetails(
    Guid Id,
    string DisplayName,
    string Email,
    WorkspaceRole Role,
    UserType UserType,
    MemberStatus Status,
    DateTimeOffset StatusAt,
    IReadOnlyList<string> Groups,
    IReadOnlyList<MemberAssignment> Assignments,
    InvitationLinkState? Link,
    bool CanChangeRole,
    bool CanManageMembership,
    string? WhyNotRemovable,
    string? HomeWorkspace = null,
    string? AdminNotice = null);

/// <summary>A member another could hand resources to when someone leaves.</summary>
public sealed record MemberChoice(Guid Id, string DisplayName, string Email);
