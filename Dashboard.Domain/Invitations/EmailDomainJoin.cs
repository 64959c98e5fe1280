using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Invitations;

/// <summary>
/// A confirmed address on a verified domain joins that domain's workspace with the domain's role and type. Called
/// only once the address is proven (a confirmation link, an invitation link, the operator): typing an address at
/// sign-up proves nothing.
/// </summary>
internal static class EmailDomainJoin
{
    /// <summary>Adds the membership to <paramref name="db"/> (saved by the caller); the workspace's name, or null if none joined.</summary>
    public static async Task<string?> JoinAsync(DashboardDbContext db, Account account, DateTimeOffset now, CancellationToken ct)
    {
        if (!account.EmailConfirmed || account.Email is null) return null;
        var domainName = account.Email[(account.Email.IndexOf('@') + 1)..].ToLowerInvariant();
        var domain = await db.EmailDomains.FirstOrDefaultAsync(d => d.Domain == domainName && d.VerifiedAt != null, ct);
        if (domain is null) return null;

        var normalized = WorkspaceMember.NormalizeEmail(account.Email);
        // Anyone already listed there (invited, declined, joined) keeps that standing: an invitation waits on Home for
        // its owner to accept with the role it names, and a declined one is not overruled by the domain.
        if (await db.Members.AnyAsync(m => m.WorkspaceId == domain.WorkspaceId && m.NormalizedEmail == normalized, ct)) return null;

        var member = WorkspaceMember.Joined(domain.WorkspaceId, account.Id, account.Email, account.DisplayName, domain.Role, domain.UserType, now);
        db.Members.Add(member);
        db.AuditEntries.Add(AuditEntry.ByThemselves(member, account.DisplayName, AuditActions.MemberJoined,
            $"{domain.Role.Display()}, through the email domain {domain.Domain}", now));
        account.CurrentWorkspaceId ??= domain.WorkspaceId;
        return await db.Workspaces.Where(w => w.Id == domain.WorkspaceId).Select(w => w.Name).FirstAsync(ct);
    }
}
