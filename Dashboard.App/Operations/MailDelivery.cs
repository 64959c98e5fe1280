using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.App.Operations;

/// <summary>Mail settings ("Dashboard:Smtp"); without a Host nothing is mailed and links go to the log.</summary>
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

/// <summary>Sends one plain-text message through the configured SMTP server; every mail of the product goes through here.</summary>
public sealed class MailDelivery(IOptions<SmtpOptions> options, ILogger<MailDelivery> logger)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    /// <summary>True when the server took the message; false when mail is not set up or the server refused it (logged).</summary>
    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        if (!IsConfigured) return false;
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not mail \"{Subject}\" to {Email}", subject, to);
            return false;
        }
    }
}
