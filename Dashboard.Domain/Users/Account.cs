using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <summary>One login. Its memberships live in <see cref="Workspaces.WorkspaceMember"/>.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The workspace this person last chose in the app bar; kept so the choice survives sign-out.</summary>
    public Guid? CurrentWorkspaceId { get; set; }
}
