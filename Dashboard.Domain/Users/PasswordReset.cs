using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <summary>
/// "Forgot password?": a link mailed to the address sets a new password. Following it proves the mailbox, so it
/// also confirms the address, and the new security stamp ends every session, so someone who signed up with another
/// person's address (and knows the password they chose) loses the account to its real owner.
/// </summary>
public sealed class PasswordReset(UserManager<Account> users, DashboardDbContext db, TimeProvider clock, MembershipChanges changes)
{
    /// <summary>The link to mail, or null when no account uses the address (the page answers the same either way).</summary>
    public async Task<ConfirmationLink?> IssueAsync(string? email, CancellationToken ct = default)
    {
        var valid = EmailAddresses.Validate(email);
        if (!valid.Succeeded || await users.FindByEmailAsync(valid.Value) is not { } account) return null;
        return new ConfirmationLink(account.Id, account.Email!, account.DisplayName, await users.GeneratePasswordResetTokenAsync(account));
    }

    public async Task<Result<ConfirmedAddress>> ResetAsync(Guid accountId, string? token, string? newPassword, CancellationToken ct = default)
    {
        const string Invalid = "This link to choose a new password is not valid any more: it may be incomplete, already used, or expired. Ask for a new one.";
        var account = await users.FindByIdAsync(accountId.ToString());
        if (account is null || string.IsNullOrWhiteSpace(token)) return Error.Invalid(Invalid);
        var problems = await AccountRules.CheckPasswordAsync(users, account.Email!, newPassword, account.DisplayName);
        if (problems.Count > 0) return problems[0];

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var reset = await users.ResetPasswordAsync(account, token, newPassword!);
        if (!reset.Succeeded)
            return reset.Errors.Any(e => e.Code == "InvalidToken") ? Error.Invalid(Invalid) : IdentityErrors.ToError(reset);
        string? joined = null;
        if (!account.EmailConfirmed)
        {
            account.EmailConfirmed = true;
            await users.UpdateAsync(account);
            joined = await EmailDomainJoin.JoinAsync(db, account, clock.GetUtcNow(), ct);
        }
        // Someone else may have been signed in with the old password: the failed-attempt count starts afresh too.
        await users.ResetAccessFailedCountAsync(account);
        changes.Record(db, account.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Announce(account.Id);
        return new ConfirmedAddress(account.Email!, joined);
    }
}
