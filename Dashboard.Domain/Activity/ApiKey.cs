using Dashboard.Domain.Common;

namespace Dashboard.Domain.Activity;

/// <summary>A workspace key for external workers. The secret is shown once; only its SHA-256 is kept.</summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;

    private ApiKey() { }

    public ApiKey(Guid workspaceId, string name, string prefix, string keyHash, Guid createdByMemberId, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        Name = name;
        Prefix = prefix;
        KeyHash = keyHash;
        CreatedByMemberId = createdByMemberId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The first characters of the key, so a person can tell keys apart without the secret.</summary>
    public string Prefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public Guid CreatedByMemberId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
