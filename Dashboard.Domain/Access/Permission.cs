namespace Dashboard.Domain.Access;

/// <summary>The rows of the workspace permission table (docs/product.md, "Roles and the permission table").</summary>
public enum Permission
{
    AddAndRemoveUsers,
    ViewAllResources,
    CreateResources,
    AccessAssignedResources,
    CreateGroups,
    SeeOtherMembers,
    ChangeUserRoles,
    /// <summary>Project tags, issue tags, security settings and email domains.</summary>
    ManageWorkspaceSettings,
    /// <summary>Rename, delete and choose the managers of any group, not only one's own (docs/product.md, "Settings → Groups").</summary>
    ManageAllGroups,
    /// <summary>Edit, delete and share any Project, Dataset or Ontology, as if its Admin.</summary>
    ManageAllResources,
}

/// <summary>One cell of the table: refused, allowed, or allowed only over Taskers.</summary>
public enum Grant
{
    No,
    Yes,
    TaskersOnly,
}
