using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Invitations;

/// <summary>
/// The invited person's side of an invitation: what a link invites to, the invitations waiting for an account, and
/// accepting or declining one. No <c>Actor</c> here: the person is not a member of the workspace yet, so each method
/// checks instead that the invitation is theirs (the link, or a confirmed address that matches).
/// </summary>
public sealed class InvitationAnswers(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock, MembershipChanges changes)
{
    /// <summary>What a link invites to, for the sign-in page; a refusal explains what to do instead.</summary>
    public async Task<Result<InvitationView>> OpenAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await InvitationAcceptance.FindUsableAsync(db, token, clock.GetUtcNow(), ct);
        if (!found.Succeeded) return found.Error!;
        var (invitation, member) = found.Value;
        var workspace = await db.Workspaces.Where(w => w.Id == member.WorkspaceId).Select(w => w.Name).FirstAsync(ct);
        var invitedBy = await db.Members.Where(m => m.Id == invitation.InvitedByMemberId).Select(m => m.DisplayName).FirstOrDefaultAsync(ct);
        var hasAccount = await db.Users.AnyAsync(a => a.NormalizedEmail == member.NormalizedEmail, ct);
        return new InvitationView(workspace, member.Email, member.Role, invitedBy, invitation.ExpiresAt, hasAccount);
    }

    /// <summary>Accepts the link's invitation for a signed-in account, which must have the invited address.</summary>
    public async Task<Result> AcceptLinkAsync(Guid accountId, string? token, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var found = await InvitationAcceptance.FindUsableAsync(db, token, now, ct);
        if (!found.Succeeded) return found.Error!;
        var (invitation, member) = found.Value;
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Error.NotFound("Your account no longer exists.");
        if (!InvitationAcceptance.SameAddress(account, member))
            return Error.Forbidden($"This invitation is for {member.Email}, and you are signed in as {account.Email}. Sign in with {member.Email} to accept it.");

        invitation.MarkUsed(now);
        await InvitationAcceptance.JoinAsync(db, account, member, now, ct);
        changes.Record(db, account.Id);
        await db.SaveChangesAsync(ct);
        changes.Announce(account.Id);
        return Result.Success();
    }

    /// <summary>
    /// Invitations waiting for this account, in any workspace. Only for a confirmed address: otherwise anyone could
    /// sign up with someone else's email and pick up their invitations without the link.
    /// </summary>
    public async Task<IReadOnlyList<PendingInvitation>> PendingForAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null || !account.EmailConfirmed || account.NormalizedEmail is null) return [];
        return await (
                from member in db.Members
                join workspace in db.Workspaces on member.WorkspaceId equals workspace.Id
                where member.NormalizedEmail == account.NormalizedEmail && member.Status == MemberStatus.Invited
                orderby member.StatusAt descending
                select new PendingInvitation(member.Id, workspace.Name, member.Role, member.UserType, member.StatusAt,
                    db.Invitations.Where(i => i.MemberId == member.Id).OrderByDescending(i => i.CreatedAt)
                        .Join(db.Members, i => i.InvitedByMemberId, inviter => inviter.Id, (i, inviter) => inviter.DisplayName)
                        .FirstOrDefault()))
            .ToListAsync(ct);
    }

    public Task<Result> AcceptAsync(Guid accountId, Guid memberId, CancellationToken ct = default) =>
        AnswerAsync(accountId, memberId, accept: true, ct);

    public Task<Result> DeclineAsync(Guid accountId, Guid memberId, CancellationToken ct = default) =>
        AnswerAsync(accountId, memberId, accept: false, ct);

    private async Task<Result> AnswerAsync(Guid accountId, Guid memberId, bool accept, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (account is null || member is null || !account.EmailConfirmed || !InvitationAcceptance.SameAddress(account, member))
            return Error.NotFound("That invitation does not exist or is not yours.");
        if (member.Status != MemberStatus.Invited)
            return Error.Conflict($"This invitation was already {(member.Status == MemberStatus.Joined ? "accepted" : "declined")}.");

        var now = clock.GetUtcNow();
        if (accept)
            await InvitationAcceptance.JoinAsync(db, account, member, now, ct);
        else
        {
            member.Decline(now);
            db.AuditEntries.Add(AuditEntry.ByThemselves(member, account.DisplayName, AuditActions.InvitationDeclined, null, now));
            await InvitationAcceptance.VoidLinksAsync(db, member.Id, now, ct);
        }
        changes.Record(db, account.Id);
        await db.SaveChangesAsync(ct);
        changes.Announce(account.Id);
        return Result.Success();
    }
}
