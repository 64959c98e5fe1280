namespace Dashboard.Domain.Workspaces;

/// <summary>How a member relates to the workspace's company (docs/product.md "User types").</summary>
public enum UserType
{
    Internal,
    External,
    Workforce,
}

/// <summary>Where a membership stands in its invitation's life.</summary>
public enum MemberStatus
{
    Invited,
    Declined,
    Joined,
}
