using Dashboard.Domain.Invitations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.App.Features.Users;

/// <summary>Mail settings ("Dashboard:Smtp"); without a Host nothing is mailed and links are shown to copy.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Dashboard:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Workspace Dashboard <dashboard@localhost>";
    /// <summary>StartTLS when the server offers it (the default), or "None" for a local relay.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
}

/// <summary>Delivers invitation links. The one edge the tests replace.</summary>
public interface IInvitationMailer
{
    bool IsConfigured { get; }

    /// <summary>True when the mail went out; false means the inviting Admin must pass the link on.</summary>
    Task<bool> SendAsync(IssuedInvitation invitation, Uri link, CancellationToken ct = default);
}

public sealed class SmtpInvitationMailer(IOptions<SmtpOptions> options, ILogger<SmtpInvitationMailer> logger) : IInvitationMailer
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task<bool> SendAsync(IssuedInvitation invitation, Uri link, CancellationToken ct = default)
    {
        var (workspaceName, inviterName) = (invitation.WorkspaceName, invitation.InvitedBy);
        if (!IsConfigured)
        {
            // Without mail the log is the operator's copy of the link (SPEC); it expires with the invitation.
            logger.LogInformation("Invitation link for {Email} to {Workspace}, valid until {ExpiresAt:u}: {Link}",
                invitation.Email, workspaceName, invitation.ExpiresAt, link);
            return false;
        }

        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(invitation.Email));
        message.Subject = $"{inviterName} invited you to {workspaceName}";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                    {inviterName} invited you to join {workspaceName} on Workspace Dashboard.

                    Open this link to accept; it works once, until {invitation.ExpiresAt:d MMM yyyy HH:mm} UTC:
                    {link}

                    If you do not want to join, ignore this message or decline from your Home page.
                    """,
        };
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
            logger.LogInformation("Invitation mailed to {Email} for {Workspace}", invitation.Email, workspaceName);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not mail the invitation to {Email}; the link is shown to the inviting Admin: {Link}", invitation.Email, link);
            return false;
        }
    }
}

/// <summary>Where an invitation link points: always the sign-in page, which also offers sign-up.</summary>
public static class InvitationLinks
{
    public static Uri For(string baseUri, string token) =>
        new(new Uri(baseUri), $"account/login?invitation={Uri.EscapeDataString(token)}");
}
