using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

public sealed record AdminRow(string DisplayName, string Email, MemberStatus Status, bool TwoFactorEnabled);

/// <summary>
/// What the product leaves to "support" (docs/operations.md): the server operator, at the command line on the data folder, lists, demotes
/// and removes workspace Admins and resets a person's two-factor sign-in. No actor: the operator owns the server.
/// The last Admin of a workspace is never demoted or removed.
/// </summary>
public sealed class OperatorCommands(IDbContextFactory<DashboardDbContext> factory,
    TimeProvider clock, MembershipChanges changes)
{
    public async Task<Result<IReadOnlyList<AdminRow>>> ListAdminsAsync(string workspaceName, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var workspace = await FindWorkspaceAsync(db, workspaceName, ct);
        if (!workspace.Succeeded) return workspace.Error!;
        return await (from m in db.Members
                      join a in db.Users on m.AccountId equals a.Id into accounts
                      from a in accounts.DefaultIfEmpty()
                      where m.WorkspaceId == workspace.Value.Id && m.Role == WorkspaceRole.Admin
                      orderby m.DisplayName
                      select new AdminRow(m.DisplayName, m.Email, m.Status, a != null && a.TwoFactorEnabled)).ToListAsync(ct);
    }

    public async Task<Result<string>> DemoteAsync(string workspaceName, string email, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var admin = await FindAdminAsync(db, workspaceName, email, ct);
        if (!admin.Succeeded) return admin.Error!;
        db.AuditEntries.Add(AuditEntry.ByOperator(admin.Value.WorkspaceId, AuditActions.RoleChanged, $"{admin.Value.DisplayName} <{admin.Value.Email}>",
            WorkspaceRole.Admin.Display(), WorkspaceRole.Member.Display(), clock.GetUtcNow()));
        admin.Value.ChangeRole(WorkspaceRole.Member);
        // The person's open pages and connections were granted as an Admin: they start again with the new role.
        if (admin.Value.AccountId is { } accountId) await SecurityStamps.RenewAsync(db, accountId, ct);
        changes.Record(db, admin.Value.AccountId);
        await db.SaveChangesAsync(ct);
        changes.Announce(admin.Value.AccountId);
        return $"{admin.Value.Email} is now a Member of {workspaceName.Trim()}.";
    }

    public async Task<Result<string>> RemoveAsync(string workspaceName, string email, string? replacementEmail, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var admin = await FindAdminAsync(db, workspaceName, email, ct);
        if (!admin.Succeeded) return admin.Error!;
        var member = admin.Value;

        Guid? replacementId = null;
        if (!string.IsNullOrWhiteSpace(replacementEmail))
        {
            var normalized = WorkspaceMember.NormalizeEmail(replacementEmail);
            replacementId = await db.Members.Where(m => m.WorkspaceId == member.WorkspaceId && m.NormalizedEmail == normalized)
                .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (replacementId is null) return Error.NotFound($"No member {replacementEmail.Trim()} in {workspaceName.Trim()}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (member.AccountId is { } accountId) await SecurityStamps.RenewAsync(db, accountId, ct);
        db.AuditEntries.Add(AuditEntry.ByOperator(member.WorkspaceId, AuditActions.MemberRemoved, $"{member.DisplayName} <{member.Email}>",
            member.Role.Display(), replacementId is null ? null : "resources handed to a replacement", clock.GetUtcNow()));
        changes.Record(db, member.AccountId);
        var removed = await MemberRemoval.RemoveAsync(db, member, replacementId, clock.GetUtcNow(), ct);
        if (!removed.Succeeded)
            return removed.Error!.Field == "Replacement"
                ? Error.Invalid(removed.Error.Message + " Pass --replacement EMAIL.")
                : removed.Error;
        await transaction.CommitAsync(ct);
        changes.Announce(member.AccountId);
        return $"{member.Email} was removed from {workspaceName.Trim()}.";
    }

    /// <summary>Turns two-factor sign-in off for an account that lost its authenticator; it sets it up again at next sign-in if required.</summary>
    public async Task<Result<string>> ResetTwoFactorAsync(string email, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToUpperInvariant();
        var account = await db.Users.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, ct);
        if (account is null) return Error.NotFound($"No account signs in with {email.Trim()}.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        account.TwoFactorEnabled = false;
        account.LastAuthenticatorStep = null;
        // A new stamp signs the account out everywhere and voids the old authenticator and recovery codes.
        SecurityStamps.Renew(account);
        await db.UserTokens.Where(t => t.UserId == account.Id).ExecuteDeleteAsync(ct);
        changes.Record(db, account.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Announce(account.Id);
        return $"Two-factor sign-in is off for {account.Email}; they can set it up again after signing in.";
    }

    /// <summary>
    /// Confirms an address the operator vouches for (no mail on this server, or a person who cannot receive it); it
    /// then counts as a confirmation link would make it count, verified email domain included.
    /// </summary>
    public async Task<Result<string>> ConfirmEmailAsync(string email, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToUpperInvariant();
        var account = await db.Users.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, ct);
        if (account is null) return Error.NotFound($"No account signs in with {email.Trim()}.");
        if (account.EmailConfirmed) return $"{account.Email} was already confirmed.";
        account.EmailConfirmed = true;
        var joined = await Invitations.EmailDomainJoin.JoinAsync(db, account, clock.GetUtcNow(), ct);
        changes.Record(db, account.Id);
        await db.SaveChangesAsync(ct);
        changes.Announce(account.Id);
        return $"{account.Email} is confirmed" + (joined is null ? "." : $" and joined {joined} through its email domain.");
    }

    private static async Task<Result<Workspace>> FindWorkspaceAsync(DashboardDbContext db, string name, CancellationToken ct)
    {
        var normalized = Names.Normalize(name);
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.NormalizedName == normalized, ct);
        if (workspace is not null) return workspace;
        var known = await db.Workspaces.OrderBy(w => w.Name).Select(w => w.Name).Take(20).ToListAsync(ct);
        return Error.NotFound($"No workspace is called \"{name.Trim()}\". "
            + (known.Count == 0 ? "There are no workspaces yet." : $"Workspaces: {string.Join(", ", known)}."));
    }

    private static async Task<Result<WorkspaceMember>> FindAdminAsync(DashboardDbContext db, string workspaceName, string email,
        CancellationToken ct)
    {
        var workspace = await FindWorkspaceAsync(db, workspaceName, ct);
        if (!workspace.Succeeded) return workspace.Error!;
        var normalized = WorkspaceMember.NormalizeEmail(email);
        var member = await db.Members.FirstOrDefaultAsync(m => m.WorkspaceId == workspace.Value.Id && m.NormalizedEmail == normalized, ct);
        if (member is null) return Error.NotFound($"No member {email.Trim()} in {workspace.Value.Name}.");
        if (!member.IsAdmin) return Error.Conflict($"{member.Email} is {member.Role.Display()}, not Admin; an Admin changes their role in the dashboard.");
        var otherJoinedAdmins = await db.Members.CountAsync(m => m.WorkspaceId == member.WorkspaceId && m.Id != member.Id
            && m.Role == WorkspaceRole.Admin && m.Status == MemberStatus.Joined, ct);
        if (otherJoinedAdmins == 0)
            return Error.Conflict($"{member.Email} is the last Admin of {workspace.Value.Name}; a workspace always keeps one. Make someone else Admin first.");
        return member;
    }
}
