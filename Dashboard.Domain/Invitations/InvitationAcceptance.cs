using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Invitations;

/// <summary>The steps of accepting and declining, shared by the link, Home and sign-up.</summary>
internal static class InvitationAcceptance
{
    public static async Task<Result<(Invitation Invitation, WorkspaceMember Member)>> FindUsableAsync(
        DashboardDbContext db, string? token, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
            return Error.NotFound("This invitation link is incomplete. Open the whole link from the invitation.");
        var hash = InvitationTokens.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
            return Error.NotFound("This invitation link is not valid. Ask the person who invited you for a new one.");
        var member = await db.Members.FirstAsync(m => m.Id == invitation.MemberId, ct);
        var workspace = await db.Workspaces.Where(w => w.Id == member.WorkspaceId).Select(w => w.Name).FirstAsync(ct);
        if (invitation.UsedAt is not null || member.Status == MemberStatus.Joined)
            return Error.Conflict($"This invitation has already been accepted. Sign in to open {workspace}.");
        if (member.Status == MemberStatus.Declined)
            return Error.Conflict($"This invitation to {workspace} was declined. Ask an Admin of {workspace} to invite you again.");
        if (invitation.RevokedAt is not null)
        {
            // A resend voids the old link as it issues the new one: that is a replacement, not a withdrawal.
            var newer = await db.Invitations.Where(i => i.MemberId == member.Id && i.Id != invitation.Id && i.UsedAt == null
                                                        && i.RevokedAt == null && i.CreatedAt >= invitation.CreatedAt)
                .Select(i => (DateTimeOffset?)i.CreatedAt).FirstOrDefaultAsync(ct);
            return Error.Conflict(newer is { } sent
                ? $"This invitation link was replaced by a newer one, sent on {sent:d MMM yyyy}. Open the link in the latest invitation email from {workspace}."
                : $"This invitation link was withdrawn. Ask an Admin of {workspace} to send a new one.");
        }
        if (now >= invitation.ExpiresAt)
            return Error.Conflict($"This invitation link expired on {invitation.ExpiresAt:d MMM yyyy}. Ask an Admin of {workspace} to resend it.");
        return (invitation, member);
    }

    /// <summary>
    /// Joins the member as <paramref name="account"/>. Following a link or accepting from a confirmed address
    /// proves the mailbox, so the account's email counts as confirmed from then on.
    /// </summary>
    public static async Task JoinAsync(DashboardDbContext db, Account account, WorkspaceMember member, DateTimeOffset now,
        CancellationToken ct)
    {
        member.Join(account.Id, account.DisplayName, now);
        db.AuditEntries.Add(AuditEntry.ByThemselves(member, account.DisplayName, AuditActions.MemberJoined, $"{member.Role.Display()}, invited", now));
        await VoidLinksAsync(db, member.Id, now, ct);
        account.EmailConfirmed = true;
        account.CurrentWorkspaceId = member.WorkspaceId;
    }

    public static async Task VoidLinksAsync(DashboardDbContext db, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var open in await db.Invitations.Where(i => i.MemberId == memberId && i.UsedAt == null && i.RevokedAt == null).ToListAsync(ct))
            open.Revoke(now);
    }

    public static bool SameAddress(Account account, WorkspaceMember member) =>
        string.Equals(account.NormalizedEmail, member.NormalizedEmail, StringComparison.Ordinal);
}
