using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <summary>A confirmation link to send: the token exists only here, on its way to the mail.</summary>
public sealed record ConfirmationLink(Guid AccountId, string Email, string DisplayName, string Token);

/// <param name="JoinedWorkspace">The workspace the address's verified domain took the person into, if any.</param>
public sealed record ConfirmedAddress(string Email, string? JoinedWorkspace);

/// <summary>
/// Proving that a person owns their address: Identity's confirmation tokens (tied to the account's security stamp,
/// expiring with the data-protection token lifetime), sent at most once a minute. Confirming is what lets the
/// address count: its invitations show on Home and its verified email domain takes the person in.
/// </summary>
public sealed class AddressConfirmation(UserManager<Account> users, DashboardDbContext db, TimeProvider clock, MembershipChanges changes)
{
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    public async Task<Result<ConfirmationLink>> IssueAsync(Guid accountId, CancellationToken ct = default)
    {
        var account = await users.FindByIdAsync(accountId.ToString());
        if (account is null) return Error.NotFound("Your account no longer exists.");
        if (account.EmailConfirmed) return Error.Conflict($"{account.Email} is already confirmed.");
        var now = clock.GetUtcNow();
        if (account.ConfirmationSentAt is { } sent && now - sent < ResendInterval)
        {
            var seconds = (int)Math.Ceiling((ResendInterval - (now - sent)).TotalSeconds);
            return Error.Conflict($"A link went to {account.Email} moments ago. Check your inbox and spam folder, or send again in {seconds} seconds.");
        }
        account.ConfirmationSentAt = now;
        var updated = await users.UpdateAsync(account);
        // A concurrency failure means another "send again" won the same moment: that one sends the link.
        if (!updated.Succeeded) return Error.Conflict($"A link is on its way to {account.Email}.");
        var token = await users.GenerateEmailConfirmationTokenAsync(account);
        return new ConfirmationLink(account.Id, account.Email!, account.DisplayName, token);
    }

    public async Task<Result<ConfirmedAddress>> ConfirmAsync(Guid accountId, string? token, CancellationToken ct = default)
    {
        const string Invalid = "This confirmation link is not valid any more: it may be incomplete, older than a newer one, or expired. Sign in and send a new one from Home.";
        if (string.IsNullOrWhiteSpace(token)) return Error.Invalid(Invalid);
        var account = await users.FindByIdAsync(accountId.ToString());
        if (account is null) return Error.NotFound(Invalid);
        if (account.EmailConfirmed) return new ConfirmedAddress(account.Email!, null);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var confirmed = await users.ConfirmEmailAsync(account, token);
        if (!confirmed.Succeeded) return Error.Invalid(Invalid);
        var joined = await EmailDomainJoin.JoinAsync(db, account, clock.GetUtcNow(), ct);
        changes.Record(db, account.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Announce(account.Id);
        return new ConfirmedAddress(account.Email!, joined);
    }
}
