using Dashboard.App.Operations;
using Dashboard.Domain.Invitations;

namespace Dashboard.App.Features.Users;

/// <summary>Delivers invitation links. The one edge the tests replace.</summary>
public interface IInvitationMailer
{
    bool IsConfigured { get; }

    /// <summary>True when the mail went out; false means the inviting Admin must pass the link on.</summary>
    Task<bool> SendAsync(IssuedInvitation invitation, Uri link, CancellationToken ct = default);
}

public sealed class SmtpInvitationMailer(MailDelivery mail, ILogger<SmtpInvitationMailer> logger) : IInvitationMailer
{
    public bool IsConfigured => mail.IsConfigured;

    public async Task<bool> SendAsync(IssuedInvitation invitation, Uri link, CancellationToken ct = default)
    {
        var (workspaceName, inviterName) = (invitation.WorkspaceName, invitation.InvitedBy);
        var mailed = await mail.SendAsync(invitation.Email, $"{inviterName} invited you to {workspaceName}", $"""
            {inviterName} invited you to join {workspaceName} on Workspace Dashboard.

            Open this link to accept; it works once, until {invitation.ExpiresAt:d MMM yyyy HH:mm} UTC:
            {link}

            If you do not want to join, ignore this message or decline from your Home page.
            """, ct);
        if (mailed)
            logger.LogInformation("Invitation mailed to {Email} for {Workspace}", invitation.Email, workspaceName);
        else
            // Without mail the log is the operator's copy of the link (docs/product.md); it expires with the invitation.
            logger.LogInformation("Invitation link for {Email} to {Workspace}, valid until {ExpiresAt:u}: {Link}",
                invitation.Email, workspaceName, invitation.ExpiresAt, link);
        return mailed;
    }
}

/// <summary>Where an invitation link points: always the sign-in page, which also offers sign-up.</summary>
public static class InvitationLinks
{
    public static Uri For(string baseUri, string token) =>
        new(new Uri(baseUri), $"account/login?invitation={Uri.EscapeDataString(token)}");
}
