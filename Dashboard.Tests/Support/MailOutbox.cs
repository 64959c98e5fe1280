using System.Collections.Concurrent;
using Dashboard.App.Auth;
using Dashboard.Domain.Users;

namespace Dashboard.Tests.Support;

/// <summary>The account mail the app would have sent, kept for the test to read: the mail edge, not a mock of the app.</summary>
public sealed class MailOutbox : IAccountMailer
{
    public ConcurrentQueue<(string Email, Uri Link)> Confirmations { get; } = new();
    public ConcurrentQueue<string> SignUpAttempts { get; } = new();
    public ConcurrentQueue<(string Email, Uri Link)> PasswordResets { get; } = new();

    public Task SendPasswordResetAsync(ConfirmationLink reset, Uri link, CancellationToken ct = default)
    {
        PasswordResets.Enqueue((reset.Email, link));
        return Task.CompletedTask;
    }

    public Task SendConfirmationAsync(ConfirmationLink confirmation, Uri link, CancellationToken ct = default)
    {
        Confirmations.Enqueue((confirmation.Email, link));
        return Task.CompletedTask;
    }

    public Task SendSignUpAttemptAsync(string email, Uri signInLink, CancellationToken ct = default)
    {
        SignUpAttempts.Enqueue(email);
        return Task.CompletedTask;
    }

    /// <summary>The newest confirmation link sent to <paramref name="email"/>.</summary>
    public Uri LinkFor(string email) =>
        Confirmations.LastOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)).Link
        ?? throw new InvalidOperationException($"No confirmation link went to {email}.");
}
