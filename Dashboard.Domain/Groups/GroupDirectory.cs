using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Groups;

public sealed record GroupRow(Guid Id, string Name, string Description, int MemberCount);

/// <summary>
/// The Groups list. Members who may see other members see every group; a Tasker sees only the groups they
/// belong to, since the table keeps the rest of the workspace hidden from them.
/// </summary>
public sealed class GroupDirectory(IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<Result<Page<GroupRow>>> ListAsync(Actor actor, string? search, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var groups = db.Groups.AsNoTracking().Where(g => g.WorkspaceId == actor.WorkspaceId);
        if (!actor.Can(Permission.SeeOtherMembers))
            groups = groups.Where(g => g.Members.Any(m => m.MemberId == actor.MemberId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchText.Contains(search);
            groups = groups.Where(g => EF.Functions.Like(g.Name, pattern, SearchText.Escape));
        }

        var total = await groups.CountAsync(ct);
        var rows = await groups.OrderBy(g => g.NormalizedName)
            .Skip(page.Skip).Take(page.Take)
            .Select(g => new GroupRow(g.Id, g.Name, g.Description, g.Members.Count))
            .ToListAsync(ct);
        return new Page<GroupRow>(rows, total);
    }
}
