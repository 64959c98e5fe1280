using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Workspaces;

/// <summary>A workspace the person has joined, as the app bar's switcher lists it.</summary>
public sealed record WorkspaceChoice(Guid WorkspaceId, string Name, WorkspaceRole Role, bool IsCurrent);

/// <summary>
/// Who a signed-in person is acting as: their joined membership in the workspace they chose last. Read fresh
/// on every call, so a removal or role change is felt at the person's next action.
/// </summary>
public sealed class MembershipService(IDbContextFactory<DashboardDbContext> factory)
{
    /// <summary>The actor in the account's current workspace, or null when it has no joined membership at all.</summary>
    public async Task<Actor?> GetActorAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // The chosen workspace first; otherwise the earliest joined one, so a removal lands somewhere sensible.
        // An unconfirmed address shows nothing of any workspace: until its owner proves it, anyone could have typed it.
        // A workspace that requires two-factor sign-in is out of reach until the account has it (docs/product.md, "Settings → Users").
        return await (
                from member in db.Members
                join workspace in db.Workspaces on member.WorkspaceId equals workspace.Id
                join account in db.Users on member.AccountId equals account.Id
                where member.AccountId == accountId && member.Status == MemberStatus.Joined && account.EmailConfirmed
                      && (account.TwoFactorEnabled || !workspace.RequireTwoFactor)
                orderby member.WorkspaceId == account.CurrentWorkspaceId descending, member.JoinedAt
                select new Actor(accountId, member.Id, workspace.Id, workspace.Name, member.Role, member.UserType))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The same membership as <paramref name="actor"/>, read again: null once it is gone, with the new role if it changed.</summary>
    public async Task<Actor?> RefreshAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await db.Members
            .Where(m => m.Id == actor.MemberId && m.AccountId == actor.AccountId && m.Status == MemberStatus.Joined)
            .Select(m => new { m.Role, m.UserType })
            .FirstOrDefaultAsync(ct);
        return current is null ? null : actor with { Role = current.Role, UserType = current.UserType };
    }

    /// <summary>The account's workspaces that require two-factor sign-in it has not set up: they wait behind set-up.</summary>
    public async Task<IReadOnlyList<string>> BlockedByTwoFactorAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Users.Where(a => a.Id == accountId).Select(a => a.TwoFactorEnabled).FirstOrDefaultAsync(ct)) return [];
        return await (from member in db.Members
                      join workspace in db.Workspaces on member.WorkspaceId equals workspace.Id
                      where member.AccountId == accountId && member.Status == MemberStatus.Joined && workspace.RequireTwoFactor
                      orderby workspace.Name
                      select workspace.Name).ToListAsync(ct);
    }

    /// <summary>The workspaces the actor's account can act in, theirs marked current.</summary>
    public async Task<IReadOnlyList<WorkspaceChoice>> ListWorkspacesAsync(Actor actor, CancellationToken ct = default)
    {
        var (accountId, currentWorkspaceId) = (actor.AccountId, actor.WorkspaceId);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await (
                from member in db.Members
                join workspace in db.Workspaces on member.WorkspaceId equals workspace.Id
                where member.AccountId == accountId && member.Status == MemberStatus.Joined
                      && db.Users.Any(a => a.Id == accountId && a.EmailConfirmed)
                      && (db.Users.Any(a => a.Id == accountId && a.TwoFactorEnabled) || !workspace.RequireTwoFactor)
                orderby workspace.Name
                select new WorkspaceChoice(workspace.Id, workspace.Name, member.Role, workspace.Id == currentWorkspaceId))
            .ToListAsync(ct);
    }

    /// <summary>Makes <paramref name="workspaceId"/> the account's current workspace; it must be one they joined.</summary>
    public async Task<Result> SwitchAsync(Guid accountId, Guid workspaceId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var isJoined = await db.Members.AnyAsync(m =>
            m.AccountId == accountId && m.WorkspaceId == workspaceId && m.Status == MemberStatus.Joined, ct);
        if (!isJoined)
            return Error.NotFound("You are not a member of that workspace.");

        await db.Users.Where(a => a.Id == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CurrentWorkspaceId, workspaceId), ct);
        return Result.Success();
    }

    /// <summary>The account's address and whether its owner has proven it, for Home's "Confirm your address".</summary>
    public async Task<AccountAddress?> GetAddressAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.Where(a => a.Id == accountId).Select(a => new AccountAddress(a.Email!, a.EmailConfirmed)).FirstOrDefaultAsync(ct);
    }

    /// <summary>What Home shows about the actor's standing in their current workspace.</summary>
    public async Task<WorkspaceOverview?> GetOverviewAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await (
                from member in db.Members
                join workspace in db.Workspaces on member.WorkspaceId equals workspace.Id
                where member.Id == actor.MemberId && member.Status == MemberStatus.Joined
                select new WorkspaceOverview(workspace.Name, workspace.IsWorkforce, workspace.RequireTwoFactor,
                    member.Role, member.UserType, member.JoinedAt,
                    db.Members.Count(m => m.WorkspaceId == workspace.Id && m.Status == MemberStatus.Joined)))
            .FirstOrDefaultAsync(ct);
    }
}

public sealed record AccountAddress(string Email, bool Confirmed);

public sealed record WorkspaceOverview(string WorkspaceName, bool IsWorkforce, bool RequiresTwoFactor,
    WorkspaceRole Role, UserType UserType, DateTimeOffset? JoinedAt, int JoinedMemberCount);
