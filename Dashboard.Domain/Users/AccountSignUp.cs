using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <param name="InvitationToken">The token of the link the person came by, if any; it fixes the email.</param>
public sealed record SignUpCommand(string? Email, string? DisplayName, string? Password, string? InvitationToken = null);

public enum SignUpKind
{
    /// <summary>Came by an invitation link, which proves the mailbox: confirmed and joined at once.</summary>
    Joined,
    /// <summary>A new, unconfirmed account: a confirmation link goes to the address.</summary>
    ConfirmationNeeded,
    /// <summary>The address already has an account. The page answers exactly as for a new one, and the owner is told.</summary>
    AddressTaken,
}

public sealed record SignUpOutcome(SignUpKind Kind, Account Account);

/// <summary>
/// Creates an account from the sign-in page. An address typed here proves nothing: the account stays unconfirmed —
/// no invitation, no email domain, no workspace — until its owner follows a link sent to it. Only an invitation
/// link, which was itself sent to the address, confirms and joins in the same transaction.
/// </summary>
public sealed class AccountSignUp(UserManager<Account> users, DashboardDbContext db, TimeProvider clock, MembershipChanges changes)
{
    public async Task<IReadOnlyList<Error>> ValidateAsync(SignUpCommand command)
    {
        var errors = new List<Error>();
        var name = Names.Validate(command.DisplayName, "Your name", Account.DisplayNameMaxLength, nameof(command.DisplayName));
        if (!name.Succeeded) errors.Add(name.Error!);
        var email = EmailAddresses.Validate(command.Email);
        if (!email.Succeeded) errors.Add(email.Error!);
        errors.AddRange(await AccountRules.CheckPasswordAsync(users, command.Email ?? "", command.Password, command.DisplayName));
        return errors;
    }

    public async Task<Result<SignUpOutcome>> SignUpAsync(SignUpCommand command, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(command);
        if (errors.Count > 0) return errors[0];
        var email = command.Email!.Trim();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (Invitation Invitation, WorkspaceMember Member)? invited = null;
        if (command.InvitationToken is not null)
        {
            var found = await InvitationAcceptance.FindUsableAsync(db, command.InvitationToken, now, ct);
            if (!found.Succeeded) return found.Error!;
            if (found.Value.Member.NormalizedEmail != WorkspaceMember.NormalizeEmail(email))
                return Error.Invalid($"This invitation is for {found.Value.Member.Email}; sign up with that address.", "Email");
            invited = found.Value;
        }
        else if (await users.FindByEmailAsync(email) is { } existing)
        {
            return new SignUpOutcome(SignUpKind.AddressTaken, existing);
        }

        var account = new Account { UserName = email, Email = email, DisplayName = command.DisplayName!.Trim(), CreatedAt = now };
        var created = await users.CreateAsync(account, command.Password!);
        if (!created.Succeeded)
        {
            // Two sign-ups of one address at once: the second is answered like any taken address.
            if (command.InvitationToken is null && created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
                && await users.FindByEmailAsync(email) is { } raced)
                return new SignUpOutcome(SignUpKind.AddressTaken, raced);
            return IdentityErrors.ToError(created);
        }

        if (invited is { } link)
        {
            link.Invitation.MarkUsed(now);
            await InvitationAcceptance.JoinAsync(db, account, link.Member, now, ct);
            // The link proved the address, so its domain's workspace may take the person in too.
            await EmailDomainJoin.JoinAsync(db, account, now, ct);
            changes.Record(db, account.Id);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (invited is null) return new SignUpOutcome(SignUpKind.ConfirmationNeeded, account);
        changes.Announce(account.Id);
        return new SignUpOutcome(SignUpKind.Joined, account);
    }
}
