using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.ProjectTags;

public sealed record TagRow(Guid Id, string Name, int UsageCount);

/// <summary>The workspace's project tags with how many Projects carry each; Admins only.</summary>
public sealed class ProjectTagDirectory(IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<Result<IReadOnlyList<TagRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;

        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ProjectTags.AsNoTracking()
            .Where(t => t.WorkspaceId == actor.WorkspaceId)
            .OrderBy(t => t.NormalizedName)
            .Select(t => new TagRow(t.Id, t.Name, db.ProjectTagLinks.Count(l => l.TagId == t.Id)))
            .ToListAsync(ct);
        return rows;
    }
}
