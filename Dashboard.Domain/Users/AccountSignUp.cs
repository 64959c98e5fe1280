using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

/// <param name="InvitationToken">The token of the link the person came by, if any; it fixes the email.</param>
public sealed record SignUpCommand(string? Email, string? DisplayName, string? Password, string? InvitationToken = null);

/// <summary>
/// Creates an account from the sign-in page, in one transaction with what it brings: the invitation of the link
/// it came by is accepted, and an address on a registered email domain joins that domain's workspace.
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
        errors.AddRange(await AccountRules.CheckPasswordAsync(users, command.Email ?? "", command.Password));
        return errors;
    }

    public async Task<Result<Account>> SignUpAsync(SignUpCommand command, CancellationToken ct = default)
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

        var account = new Account { UserName = email, Email = email, DisplayName = command.DisplayName!.Trim(), CreatedAt = now };
        var created = await users.CreateAsync(account, command.Password!);
        if (!created.Succeeded) return IdentityErrors.ToError(created);

        if (invited is { } link)
        {
            link.Invitation.MarkUsed(now);
            await InvitationAcceptance.JoinAsync(db, account, link.Member, now, ct);
        }
        await JoinByEmailDomainAsync(account, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Announce(account.Id);
        return account;
    }

    /// <summary>The workspace that registered the address's domain takes the person in, with the domain's role and type.</summary>
    private async Task JoinByEmailDomainAsync(Account account, DateTimeOffset now, CancellationToken ct)
    {
        var domain = account.Email![(account.Email!.IndexOf('@') + 1)..].ToLowerInvariant();
        var rule = await db.EmailDomains.FirstOrDefaultAsync(d => d.Domain == domain, ct);
        if (rule is null) return;

        var normalized = WorkspaceMember.NormalizeEmail(account.Email);
        var member = await db.Members.FirstOrDefaultAsync(m => m.WorkspaceId == rule.WorkspaceId && m.NormalizedEmail == normalized, ct);
        if (member is null)
        {
            db.Members.Add(WorkspaceMember.Joined(rule.WorkspaceId, account.Id, account.Email, account.DisplayName, rule.Role, rule.UserType, now));
            account.CurrentWorkspaceId ??= rule.WorkspaceId;
        }
        else if (member.Status == MemberStatus.Invited)
        {
            // Already invited there: the domain's workspace vouches for the address, so the invitation is taken up.
            member.Join(account.Id, account.DisplayName, now);
            await InvitationAcceptance.VoidLinksAsync(db, member.Id, now, ct);
            account.CurrentWorkspaceId ??= rule.WorkspaceId;
        }
    }
}
