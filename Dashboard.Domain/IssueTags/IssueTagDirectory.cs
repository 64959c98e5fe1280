using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.ProjectTags;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.IssueTags;

/// <summary>The workspace's issue tags with how many issues carry each; Admins only.</summary>
public sealed class IssueTagDirectory(IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<Result<IReadOnlyList<TagRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;

        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.IssueTags.AsNoTracking()
            .Where(t => t.WorkspaceId == actor.WorkspaceId)
            .OrderBy(t => t.NormalizedName)
            .Select(t => new TagRow(t.Id, t.Name, db.IssueTagLinks.Count(l => l.TagId == t.Id)))
            .ToListAsync(ct);
        return rows;
    }
}
