using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Domain.Invitations;

/// <summary>Invitation link tokens: 256 random bits for the link, their SHA-256 for the database.</summary>
public static class InvitationTokens
{
    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>How long an invitation link works; "Dashboard:Invitations:LifetimeDays" in configuration.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Dashboard:Invitations";

    public double LifetimeDays { get; set; } = 7;

    public TimeSpan Lifetime => TimeSpan.FromDays(LifetimeDays > 0 ? LifetimeDays : 7);
}
