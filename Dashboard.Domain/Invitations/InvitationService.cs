using Dashboard.Domain.Audit;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Domain.Invitations;

/// <summary>
/// Invitations, the inviting side: issuing links (each invitee becomes an Invited member at once, so they can be
/// assigned before they accept), resending and revoking them. The invitee's side is <see cref="InvitationAnswers"/>.
/// </summary>
public sealed class InvitationService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock,
    IOptions<InvitationOptions> options)
{
    private ActingWrites Writes => new(factory, clock);

    public const int MaxAddressesPerInvite = 200;

    /// <summary>Checks typed addresses before anything is sent: format, repeats in the list, existing members.</summary>
    public async Task<Result<IReadOnlyList<AddressProblem>>> CheckAddressesAsync(Actor actor, IReadOnlyList<string> emails,
        CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.AddAndRemoveUsers);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        return Result<IReadOnlyList<AddressProblem>>.Success(await FindProblemsAsync(db, actor.WorkspaceId, emails, ct));
    }

    public async Task<Result<IReadOnlyList<IssuedInvitation>>> InviteAsync(Actor actor, InviteCommand command,
        CancellationToken ct = default)
    {
        var allowed = actor.RequireOver(Permission.AddAndRemoveUsers, command.Role);
        if (!allowed.Succeeded) return allowed.Error!;
        if (MembershipRules.WhyNotInvitable(command.Role, command.UserType) is { } why)
            return Error.Invalid(why, command.UserType == UserType.Workforce ? "UserType" : "Role");
        if (command.Emails.Count == 0)
            return Error.Invalid("Add at least one email address.", "Emails");
        if (command.Emails.Count > MaxAddressesPerInvite)
            return Error.Invalid($"Invite at most {MaxAddressesPerInvite} people at a time (this list has {command.Emails.Count}).", "Emails");

        return await Writes.RunAsync<IReadOnlyList<IssuedInvitation>>(actor, async write =>
        {
            var db = write.Db;
            var problems = await FindProblemsAsync(db, actor.WorkspaceId, command.Emails, ct);
            if (problems.Count > 0)
                return Error.Invalid("Nobody was invited. Fix these addresses first: "
                    + string.Join("; ", problems.Select(p => $"{p.Email} ({p.Problem})")) + ".", "Emails");

            var now = clock.GetUtcNow();
            var issued = new List<IssuedInvitation>();
            foreach (var email in command.Emails.Select(e => e.Trim()))
            {
                var normalized = WorkspaceMember.NormalizeEmail(email);
                var member = await db.Members.FirstOrDefaultAsync(m => m.WorkspaceId == actor.WorkspaceId && m.NormalizedEmail == normalized, ct);
                if (member is null)
                {
                    member = WorkspaceMember.Invited(actor.WorkspaceId, email, command.Role, command.UserType, now);
                    db.Members.Add(member);
                }
                else
                {
                    member.Reinvite(command.Role, command.UserType, now);
                }
                issued.Add(await IssueLinkAsync(db, actor, member, now, ct));
            }
            await write.RecordAsync(AuditActions.MembersInvited, string.Join(", ", issued.Select(i => i.Email)), null,
                $"{command.Role.Display()}, {command.UserType}", ct);
            return issued;
        }, ct);
    }

    /// <summary>A new link for an Invited (or Declined) member; every earlier link stops working.</summary>
    public Task<Result<IssuedInvitation>> ResendAsync(Actor actor, Guid memberId, CancellationToken ct = default) =>
        Writes.RunAsync<IssuedInvitation>(actor, async write =>
        {
            var found = await FindManageableAsync(write.Db, actor, memberId, ct);
            if (!found.Succeeded) return found.Error!;
            var member = found.Value;
            if (member.Status == MemberStatus.Joined)
                return Error.Conflict($"{member.DisplayName} has already joined; there is no invitation to resend.");

            await InvitationAcceptance.VoidLinksAsync(write.Db, member.Id, write.Now, ct);
            if (member.Status == MemberStatus.Declined) member.Reinvite(member.Role, member.UserType, write.Now);
            var issued = await IssueLinkAsync(write.Db, actor, member, write.Now, ct);
            await write.RecordAsync(AuditActions.InvitationResent, member.Email, null, null, ct);
            return issued;
        }, ct);

    /// <summary>Withdraws the member's open links. They stay listed as Invited until resent or removed.</summary>
    public Task<Result> RevokeAsync(Actor actor, Guid memberId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await FindManageableAsync(write.Db, actor, memberId, ct);
            if (!found.Succeeded) return found.Error!;
            var open = await write.Db.Invitations.Where(i => i.MemberId == memberId && i.UsedAt == null && i.RevokedAt == null)
                .ToListAsync(ct);
            if (!open.Any(i => i.IsUsable(write.Now)))
                return Error.Conflict($"{found.Value.Email} has no working invitation link to revoke.");
            open.ForEach(i => i.Revoke(write.Now));
            await write.RecordAsync(AuditActions.InvitationRevoked, found.Value.Email, null, null, ct);
            return Result.Success();
        }, ct);

    /// <summary>The newest link of a member, for User details; null when none was ever issued.</summary>
    public async Task<InvitationLinkState?> LinkStateAsync(Guid memberId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var newest = await db.Invitations.AsNoTracking().Where(i => i.MemberId == memberId)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(ct);
        return newest is null ? null
            : new InvitationLinkState(newest.CreatedAt, newest.ExpiresAt, newest.UsedAt, newest.RevokedAt, newest.IsUsable(now));
    }

    private async Task<IssuedInvitation> IssueLinkAsync(DashboardDbContext db, Actor actor, WorkspaceMember member, DateTimeOffset now,
        CancellationToken ct)
    {
        var token = InvitationTokens.NewToken();
        var expiresAt = now + options.Value.Lifetime;
        db.Invitations.Add(new Invitation(actor.WorkspaceId, member.Id, actor.MemberId, InvitationTokens.Hash(token), now, expiresAt));
        var inviter = await db.Members.AsNoTracking().Where(m => m.Id == actor.MemberId).Select(m => m.DisplayName).FirstAsync(ct);
        return new IssuedInvitation(member.Id, member.Email, token, expiresAt, actor.WorkspaceName, inviter);
    }

    private static async Task<Result<WorkspaceMember>> FindManageableAsync(DashboardDbContext db, Actor actor, Guid memberId,
        CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == actor.WorkspaceId, ct);
        if (member is null) return Error.NotFound("That member is no longer in the workspace. Reload the list.");
        var allowed = actor.RequireOver(Permission.AddAndRemoveUsers, member.Role);
        if (!allowed.Succeeded) return allowed.Error!;
        return member;
    }

    private static async Task<IReadOnlyList<AddressProblem>> FindProblemsAsync(DashboardDbContext db, Guid workspaceId,
        IReadOnlyList<string> emails, CancellationToken ct)
    {
        var problems = new List<AddressProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<string>();
        foreach (var raw in emails)
        {
            var checkedEmail = EmailAddresses.Validate(raw, "Emails");
            if (!checkedEmail.Succeeded) problems.Add(new AddressProblem(raw.Trim(), checkedEmail.Error!.Message));
            else if (!seen.Add(WorkspaceMember.NormalizeEmail(checkedEmail.Value)))
                problems.Add(new AddressProblem(checkedEmail.Value, "appears more than once in the list"));
            else valid.Add(checkedEmail.Value);
        }

        var normalized = valid.Select(WorkspaceMember.NormalizeEmail).ToList();
        var existing = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && normalized.Contains(m.NormalizedEmail) && m.Status != MemberStatus.Declined)
            .Select(m => new { m.NormalizedEmail, m.Status })
            .ToDictionaryAsync(m => m.NormalizedEmail, m => m.Status, ct);
        foreach (var email in valid)
            if (existing.TryGetValue(WorkspaceMember.NormalizeEmail(email), out var status))
                problems.Add(new AddressProblem(email, status == MemberStatus.Joined
                    ? "is already a member"
                    : "is already invited; resend the invitation from User details"));
        return problems;
    }
}
