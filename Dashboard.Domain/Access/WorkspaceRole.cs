namespace Dashboard.Domain.Access;

/// <summary>A member's role in one workspace. Stored by name, so the order carries no meaning.</summary>
public enum WorkspaceRole
{
    Admin,
    Member,
    WorkforceManager,
    Tasker,
}

public static class WorkspaceRoleNames
{
    public static string Display(this WorkspaceRole role) => role switch
    {
        WorkspaceRole.WorkforceManager => "Workforce Manager",
        _ => role.ToString(),
    };
}
