using System.Security.Cryptography;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Invitations;

/// <summary>
/// A domain whose confirmed sign-ups join the workspace automatically — once verified. Until then it is pending,
/// with a DNS TXT record for the domain's owner to publish; only one workspace can hold a domain verified.
/// </summary>
public sealed class EmailDomain
{
    /// <summary>The host name the TXT record is published under, in front of the domain itself.</summary>
    public const string RecordPrefix = "_dashboard-verify";

    private EmailDomain() { }

    public EmailDomain(Guid workspaceId, string domain, WorkspaceRole role, UserType userType, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        Domain = domain.Trim().ToLowerInvariant();
        Role = role;
        UserType = userType;
        CreatedAt = createdAt;
        // 128 random bits: nobody can publish the record without being told it.
        VerificationToken = "dashboard-verify=" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string Domain { get; private set; } = "";
    public WorkspaceRole Role { get; private set; }
    public UserType UserType { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string VerificationToken { get; private set; } = "";
    public DateTimeOffset? VerifiedAt { get; private set; }

    public bool IsVerified => VerifiedAt is not null;

    /// <summary>Where the TXT record goes, e.g. <c>_dashboard-verify.acme.example</c>.</summary>
    public string RecordName => RecordNameFor(Domain);

    public static string RecordNameFor(string domain) => $"{RecordPrefix}.{domain}";

    public void MarkVerified(DateTimeOffset at) => VerifiedAt ??= at;
}
