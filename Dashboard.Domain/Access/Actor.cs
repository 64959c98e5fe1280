using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Access;

/// <summary>
/// The person acting, as a member of the workspace they are acting in. Every domain service call takes one
/// and checks the permission table for it; nothing trusts the UI to have hidden a button.
/// </summary>
public sealed record Actor(
    Guid AccountId,
    Guid MemberId,
    Guid WorkspaceId,
    string WorkspaceName,
    WorkspaceRole Role,
    UserType UserType)
{
    public Grant GrantFor(Permission permission) => PermissionTable.GrantFor(Role, permission);

    /// <summary>True when the table allows the permission at all (fully or over Taskers only).</summary>
    public bool Can(Permission permission) => GrantFor(permission) != Grant.No;

    /// <summary>True when the permission may be exercised over a member holding <paramref name="targetRole"/>.</summary>
    public bool CanOver(Permission permission, WorkspaceRole targetRole) => GrantFor(permission) switch
    {
        Grant.Yes => true,
        Grant.TaskersOnly => targetRole == WorkspaceRole.Tasker,
        _ => false,
    };

    public Result Require(Permission permission) =>
        Can(permission)
            ? Result.Success()
            : Error.Forbidden($"As {Role.Display()} in {WorkspaceName} you cannot {PermissionTable.Describe(permission)}.");

    public Result RequireOver(Permission permission, WorkspaceRole targetRole) =>
        CanOver(permission, targetRole)
            ? Result.Success()
            : Error.Forbidden(GrantFor(permission) == Grant.TaskersOnly
                ? $"As {Role.Display()} you can {PermissionTable.Describe(permission)} only for Taskers."
                : $"As {Role.Display()} in {WorkspaceName} you cannot {PermissionTable.Describe(permission)}.");
}
