namespace Dashboard.Domain.Access;

/// <summary>
/// The workspace permission table of docs/product.md, exactly, as data. Every domain service asks it through
/// <see cref="Actor"/>; the UI asks it only to decide what to show.
/// </summary>
public static class PermissionTable
{
    private static readonly WorkspaceRole[] Columns =
        [WorkspaceRole.Admin, WorkspaceRole.Member, WorkspaceRole.WorkforceManager, WorkspaceRole.Tasker];

    private const Grant Y = Grant.Yes, N = Grant.No, T = Grant.TaskersOnly;

    //                                                                   Admin Member WfMgr Tasker
    private static readonly Dictionary<Permission, Grant[]> Rows = new()
    {
        [Permission.AddAndRemoveUsers] =        [Y, N, T, N],
        [Permission.ViewAllResources] =         [Y, N, N, N],
        [Permission.CreateResources] =          [Y, Y, Y, N],
        [Permission.AccessAssignedResources] =  [Y, Y, Y, Y],
        [Permission.CreateGroups] =             [Y, N, Y, N],
        [Permission.SeeOtherMembers] =          [Y, Y, Y, N],
        [Permission.ChangeUserRoles] =          [Y, N, N, N],
        [Permission.ManageWorkspaceSettings] =  [Y, N, N, N],
        [Permission.ManageAllGroups] =          [Y, N, N, N],
        [Permission.ManageAllResources] =       [Y, N, N, N],
    };

    public static IReadOnlyList<WorkspaceRole> Roles => Columns;
    public static IReadOnlyCollection<Permission> Permissions => Rows.Keys;

    public static Grant GrantFor(WorkspaceRole role, Permission permission) =>
        Rows[permission][Array.IndexOf(Columns, role)];

    /// <summary>Human wording of a permission, used in refusal messages.</summary>
    public static string Describe(Permission permission) => permission switch
    {
        Permission.AddAndRemoveUsers => "add and remove users",
        Permission.ViewAllResources => "view all Projects, Datasets and Ontologies",
        Permission.CreateResources => "create Projects, Datasets and Ontologies",
        Permission.AccessAssignedResources => "access Projects, Datasets and Ontologies",
        Permission.CreateGroups => "create user groups",
        Permission.SeeOtherMembers => "see other workspace members",
        Permission.ChangeUserRoles => "change user roles",
        Permission.ManageWorkspaceSettings => "manage tags, security settings and email domains",
        Permission.ManageAllGroups => "manage every group",
        Permission.ManageAllResources => "manage every Project, Dataset and Ontology",
        _ => permission.ToString(),
    };
}
