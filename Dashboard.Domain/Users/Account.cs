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

    /// <summary>When a confirmation link last went to the address; "send again" waits a minute after it.</summary>
    public DateTimeOffset? ConfirmationSentAt { get; set; }

    /// <summary>The last authenticator time step accepted, so a code seen over a shoulder cannot be used again.</summary>
    public long? LastAuthenticatorStep { get; set; }
}
