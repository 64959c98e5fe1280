using Dashboard.App.Operations;
using Dashboard.Domain.Users;

namespace Dashboard.App.Auth;

/// <summary>The mail an account's owner gets about the account itself. The edge the tests replace to read the links.</summary>
public interface IAccountMailer
{
    /// <summary>Sends the confirmation link; without mail settings it goes to the log for the operator.</summary>
    Task SendConfirmationAsync(ConfirmationLink confirmation, Uri link, CancellationToken ct = default);

    /// <summary>Tells the owner of a taken address that someone tried to sign up with it (the page said nothing).</summary>
    Task SendSignUpAttemptAsync(string email, Uri signInLink, CancellationToken ct = default);
}

public sealed class SmtpAccountMailer(MailDelivery mail, ILogger<SmtpAccountMailer> logger) : IAccountMailer
{
    public async Task SendConfirmationAsync(ConfirmationLink confirmation, Uri link, CancellationToken ct = default)
    {
        var mailed = await mail.SendAsync(confirmation.Email, "Confirm your address for Workspace Dashboard", $"""
            Hello {confirmation.DisplayName},

            Open this link to confirm that {confirmation.Email} is yours:
            {link}

            Until you do, invitations sent to this address and workspaces that take in people from its domain stay closed.
            If you did not create an account, ignore this message.
            """, ct);
        if (!mailed)
            logger.LogInformation("Confirmation link for {Email} (no mail sent; pass it on, or run admin confirm-email): {Link}",
                confirmation.Email, link);
    }

    public async Task SendSignUpAttemptAsync(string email, Uri signInLink, CancellationToken ct = default)
    {
        var mailed = await mail.SendAsync(email, "Someone tried to create an account with your address", $"""
            Someone tried to create a Workspace Dashboard account with {email}, which already has one.
            Nothing changed. If it was you, sign in instead:
            {signInLink}

            If it was not you, you can ignore this message.
            """, ct);
        if (!mailed) logger.LogInformation("Sign-up attempted with the existing account {Email}; no mail sent", email);
    }
}

/// <summary>Where a confirmation link points.</summary>
public static class ConfirmationLinks
{
    public static Uri For(string baseUri, ConfirmationLink confirmation) =>
        new(new Uri(baseUri), $"{AuthPaths.ConfirmEmail.TrimStart('/')}?account={confirmation.AccountId}&code={Uri.EscapeDataString(confirmation.Token)}");
}
