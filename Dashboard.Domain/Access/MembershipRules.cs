using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Access;

/// <summary>
/// Which user types go with which roles (docs/product.md, "User types"): only Internal members can be Admins or
/// manage groups, and nobody is invited or admitted by a domain as Workforce — those are lent by their workforce.
/// Services check these; forms ask them to decide what to offer.
/// </summary>
public static class MembershipRules
{
    private static readonly UserType[] InternalOnly = [UserType.Internal];
    private static readonly UserType[] Invitable = [UserType.Internal, UserType.External];

    /// <summary>The types a person can be invited (or admitted by an email domain) as, with <paramref name="role"/>.</summary>
    public static IReadOnlyList<UserType> InvitableTypes(WorkspaceRole role) => role == WorkspaceRole.Admin ? InternalOnly : Invitable;

    /// <summary>Why a member of <paramref name="type"/> cannot hold <paramref name="role"/>, or null when they can.</summary>
    public static string? WhyRoleNotAllowed(WorkspaceRole role, UserType type) =>
        role == WorkspaceRole.Admin && type != UserType.Internal
            ? $"Only Internal members can be Admins; this member is {type}."
            : null;

    /// <summary>Why <paramref name="type"/> cannot be invited (or admitted by a domain) with <paramref name="role"/>, or null.</summary>
    public static string? WhyNotInvitable(WorkspaceRole role, UserType type) => type switch
    {
        UserType.Workforce => "Workforce members join on their own when a Project or Dataset is shared with their workforce workspace; choose Internal or External.",
        _ when !InvitableTypes(role).Contains(type) => $"Only Internal members can be Admins. Choose another role for {type} members.",
        _ => null,
    };

    public static bool CanManageGroups(UserType type) => type == UserType.Internal;

    /// <summary>
    /// Whether <paramref name="actor"/> may change the role of a member holding <paramref name="targetRole"/>: the table's
    /// row, except that Admins are demoted only by the server operator, so the last Admin can never go.
    /// </summary>
    public static bool CanChangeRoleOf(Actor actor, WorkspaceRole targetRole) =>
        actor.Can(Permission.ChangeUserRoles) && targetRole != WorkspaceRole.Admin;
}
