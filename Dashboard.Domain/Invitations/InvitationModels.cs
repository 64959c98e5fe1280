using Dashboard.Domain.Access;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Invitations;

public sealed record InviteCommand(IReadOnlyList<string> Emails, WorkspaceRole Role, UserType UserType);

/// <summary>A fresh link: the token exists only here, on its way to the mail or the inviting Admin's screen.</summary>
public sealed record IssuedInvitation(Guid MemberId, string Email, string Token, DateTimeOffset ExpiresAt, string WorkspaceName,
    string InvitedBy);

/// <summary>Why one typed address cannot be invited.</summary>
public sealed record AddressProblem(string Email, string Problem);

/// <summary>What the sign-in page shows about the invitation a link carries.</summary>
public sealed record InvitationView(string WorkspaceName, string Email, WorkspaceRole Role, string? InvitedBy,
    DateTimeOffset ExpiresAt, bool HasAccount);

/// <summary>An invitation waiting on the invitee's Home.</summary>
public sealed record PendingInvitation(Guid MemberId, string WorkspaceName, WorkspaceRole Role, UserType UserType,
    DateTimeOffset InvitedAt, string? InvitedBy);

/// <summary>The state of a member's newest invitation link, for User details.</summary>
public sealed record InvitationLinkState(DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt,
    DateTimeOffset? RevokedAt, bool Usable);
