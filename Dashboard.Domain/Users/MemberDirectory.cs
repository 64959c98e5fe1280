using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

public enum MemberSort
{
    Name,
    Email,
    Role,
    UserType,
    Status,
}

public sealed record MemberQuery(
    string? Search = null,
    WorkspaceRole? Role = null,
    UserType? UserType = null,
    MemberStatus? Status = null,
    MemberSort SortBy = MemberSort.Name,
    bool Descending = false,
    PageRequest? Page = null);

/// <param name="TwoFactor">Whether the member's account signs in with two factors; null while they have no account.</param>
public sealed record MemberRow(Guid Id, string DisplayName, string Email, WorkspaceRole Role, UserType UserType,
    MemberStatus Status, DateTimeOffset StatusAt, IReadOnlyList<string> Groups, bool? TwoFactor, string? HomeWorkspace = null,
    bool CanChangeRole = false)
{
    /// <summary>"Workforce · from Vendor Co" for workforce people, else the bare type.</summary>
    public string UserTypeText => HomeWorkspace is null ? UserType.ToString() : $"{UserType} · from {HomeWorkspace}";
}

/// <summary>The Users list: searched, filtered, sorted and paged in the database.</summary>
public sealed class MemberDirectory(IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<Result<Page<MemberRow>>> ListAsync(Actor actor, MemberQuery query, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.SeeOtherMembers);
        if (!allowed.Succeeded) return allowed.Error!;

        await using var db = await factory.CreateDbContextAsync(ct);
        var members = db.Members.AsNoTracking().Where(m => m.WorkspaceId == actor.WorkspaceId);
        if (!string.IsNullOrWhiteSpace(query.Search)) members = MemberSearch.Matching(db, members, query.Search);
        if (query.Role is { } role) members = members.Where(m => m.Role == role);
        if (query.UserType is { } type) members = members.Where(m => m.UserType == type);
        if (query.Status is { } status) members = members.Where(m => m.Status == status);

        var page = query.Page ?? new PageRequest();
        var sorted = Sort(members, query.SortBy, query.Descending);
        var (total, atLeast) = await CappedCount.CountAsync(sorted, page, ct);
        var rows = await sorted
            .Skip(page.Skip).Take(page.Take)
            .Select(m => new
            {
                m.Id, m.DisplayName, m.Email, m.Role, m.UserType, m.Status, m.StatusAt,
                TwoFactor = db.Users.Where(a => a.Id == m.AccountId).Select(a => (bool?)a.TwoFactorEnabled).FirstOrDefault(),
                HomeWorkspace = db.Workspaces.Where(w => w.Id == m.HomeWorkspaceId).Select(w => w.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // Group names for this page only: one query, however many groups the workspace has.
        var ids = rows.Select(r => r.Id).ToList();
        var groups = (await (
                from membership in db.GroupMemberships
                join g in db.Groups on membership.GroupId equals g.Id
                where ids.Contains(membership.MemberId)
                select new { membership.MemberId, g.Name })
            .ToListAsync(ct))
            .ToLookup(x => x.MemberId, x => x.Name);

        return new Page<MemberRow>(
            rows.Select(r => new MemberRow(r.Id, r.DisplayName, r.Email, r.Role, r.UserType, r.Status, r.StatusAt,
                groups[r.Id].Order(StringComparer.OrdinalIgnoreCase).ToList(), r.TwoFactor, r.HomeWorkspace,
                MembershipRules.CanChangeRoleOf(actor, r.Role))).ToList(),
            total, atLeast);
    }

    private static IQueryable<WorkspaceMember> Sort(IQueryable<WorkspaceMember> members, MemberSort sortBy, bool descending) =>
        (sortBy, descending) switch
        {
            // Descending is the ascending list read backwards, ties included: that way one index serves both.
            (MemberSort.Email, false) => members.OrderBy(m => m.NormalizedEmail),
            (MemberSort.Email, true) => members.OrderByDescending(m => m.NormalizedEmail),
            (MemberSort.Role, false) => members.OrderBy(m => m.Role).ThenBy(m => m.DisplayName),
            (MemberSort.Role, true) => members.OrderByDescending(m => m.Role).ThenByDescending(m => m.DisplayName),
            (MemberSort.UserType, false) => members.OrderBy(m => m.UserType).ThenBy(m => m.DisplayName),
            (MemberSort.UserType, true) => members.OrderByDescending(m => m.UserType).ThenByDescending(m => m.DisplayName),
            (MemberSort.Status, false) => members.OrderBy(m => m.Status).ThenByDescending(m => m.StatusAt),
            (MemberSort.Status, true) => members.OrderByDescending(m => m.Status).ThenBy(m => m.StatusAt),
            (_, true) => members.OrderByDescending(m => m.DisplayName).ThenByDescending(m => m.NormalizedEmail),
            _ => members.OrderBy(m => m.DisplayName).ThenBy(m => m.NormalizedEmail),
        };
}
