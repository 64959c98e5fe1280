using Dashboard.App.Operations;
using Dashboard.Domain.Users;

namespace Dashboard.App.Auth;

/// <summary>The mail an account's owner gets about the account itself. The edge the tests replace to read the links.</summary>
public interface IAccountMailer
{
    /// <summary>Sends the confirmation link; without mail settings it goes to the log for the operator.</summary>
    Task SendConfirmationAsync(ConfirmationLink confirmation, Uri link, CancellationToken ct = default);

    /// <summary>Sends the link to choose a new password; without mail settings it goes to the log for the operator.</summary>
    Task SendPasswordResetAsync(ConfirmationLink reset, Uri link, CancellationToken ct = default);

    /// <summary>Tells the owner of a taken address that someone tried to sign up with it (the page said nothing).</summary>
    Task SendSignUpAttemptAsync(string email, Uri signInLink, CancellationToken ct = default);
}

public sealed class SmtpAccountMailer(MailDelivery mail, ILogger<SmtpAccountMailer> logger) : IAccountMailer
{
    public async Task SendConfirmationAsync(ConfirmationLink confirmation, Uri link, CancellationToken ct = default)
    {
        var mailed = await mail.SendAsync(confirmation.Email, "Confirm your address for Workspace Dashboard", $"""
            Hello {confirmation.DisplayName},

            Open this link, and sign in when asked, to confirm that {confirmation.Email} is yours:
            {link}

            Until you do, invitations sent to this address and workspaces that take in people from its domain stay closed.
            If you did not create an account, someone else typed your address: ignore this message, or take the account
            over with "Forgot your password?" on the sign-in page.
            """, ct);
        if (!mailed)
            logger.LogInformation("Confirmation link for {Email} (no mail sent; pass it on, or run admin confirm-email): {Link}",
                confirmation.Email, link);
    }

    public async Task SendPasswordResetAsync(ConfirmationLink reset, Uri link, CancellationToken ct = default)
    {
        var mailed = await mail.SendAsync(reset.Email, "Choose a new password for Workspace Dashboard", $"""
            Hello {reset.DisplayName},

            Someone asked to choose a new password for {reset.Email}. If it was you, open this link (it works once, for a day):
            {link}

            Choosing a new password signs this account out everywhere else. If you did not ask, ignore this message.
            """, ct);
        if (!mailed)
            logger.LogInformation("Password link for {Email} (no mail sent; pass it on): {Link}", reset.Email, link);
    }

    public async Task SendSignUpAttemptAsync(string email, Uri signInLink, CancellationToken ct = default)
    {
        var mailed = await mail.SendAsync(email, "Someone tried to create an account with your address", $"""
            Someone tried to create a Workspace Dashboard account with {email}, which already has one.
            Nothing changed. If it was you, sign in instead (or choose a new password there with "Forgot password?"):
            {signInLink}

            If it was not you, you can ignore this message.
            """, ct);
        if (!mailed) logger.LogInformation("Sign-up attempted with the existing account {Email}; no mail sent", email);
    }
}

/// <summary>Where a confirmation or password link points.</summary>
public static class ConfirmationLinks
{
    public static Uri For(string baseUri, ConfirmationLink confirmation, string path = AuthPaths.ConfirmEmail) =>
        new(new Uri(baseUri), $"{path.TrimStart('/')}?account={confirmation.AccountId}&code={Uri.EscapeDataString(confirmation.Token)}");
}
