using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Invitations;

/// <summary>A domain whose sign-ups join the workspace automatically; a domain belongs to one workspace.</summary>
public sealed class EmailDomain
{
    private EmailDomain() { }

    public EmailDomain(Guid workspaceId, string domain, WorkspaceRole role, UserType userType, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        Domain = domain.Trim().ToLowerInvariant();
        Role = role;
        UserType = userType;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string Domain { get; private set; } = "";
    public WorkspaceRole Role { get; private set; }
    public UserType UserType { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
