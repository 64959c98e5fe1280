using Dashboard.Domain.Common;

namespace Dashboard.Domain.Invitations;

/// <summary>
/// A single-use link to join a workspace. Only the SHA-256 of its token is stored, so a leaked database
/// cannot be turned into working links.
/// </summary>
public sealed class Invitation
{
    private Invitation() { }

    public Invitation(Guid workspaceId, Guid memberId, Guid? invitedByMemberId, string tokenHash,
        DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        MemberId = memberId;
        InvitedByMemberId = invitedByMemberId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid? InvitedByMemberId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    public void MarkUsed(DateTimeOffset at) => UsedAt = at;
    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
