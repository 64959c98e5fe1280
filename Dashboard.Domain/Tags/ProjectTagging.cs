using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.ProjectTags;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tags;

/// <summary>Putting the workspace's project tags on a Project and taking them off: for those who may edit the Project.</summary>
public sealed class ProjectTagging(IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<Result<IReadOnlyList<TagChoice>>> TagsOfAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var project = await ResourceAuthority.FindVisibleAsync(db, actor, projectId, ResourceKind.Project, ct);
        if (!project.Succeeded) return project.Error!;
        return await (from link in db.ProjectTagLinks
                      join tag in db.ProjectTags on link.TagId equals tag.Id
                      where link.ProjectId == projectId
                      orderby tag.NormalizedName
                      select new TagChoice(tag.Id, tag.Name)).ToListAsync(ct);
    }

    public async Task<Result> AddAsync(Actor actor, Guid projectId, Guid tagId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var checks = await CheckAsync(db, actor, projectId, tagId, ct);
        if (!checks.Succeeded) return checks;
        if (await db.ProjectTagLinks.AnyAsync(l => l.ProjectId == projectId && l.TagId == tagId, ct)) return Result.Success();
        db.ProjectTagLinks.Add(new ProjectTagLink(projectId, tagId));
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<Result> RemoveAsync(Actor actor, Guid projectId, Guid tagId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var checks = await CheckAsync(db, actor, projectId, tagId, ct);
        if (!checks.Succeeded) return checks;
        await db.ProjectTagLinks.Where(l => l.ProjectId == projectId && l.TagId == tagId).ExecuteDeleteAsync(ct);
        return Result.Success();
    }

    private static async Task<Result> CheckAsync(DashboardDbContext db, Actor actor, Guid projectId, Guid tagId, CancellationToken ct)
    {
        var standing = await ActorStanding.StillStandsAsync(db, actor, ct);
        if (!standing.Succeeded) return standing;
        var project = await ResourceAuthority.FindManageableAsync(db, actor, projectId, ResourceKind.Project, ct);
        if (!project.Succeeded) return project.Error!;
        if (!await db.ProjectTags.AnyAsync(t => t.Id == tagId && t.WorkspaceId == actor.WorkspaceId, ct))
            return Error.NotFound("That project tag no longer exists. Reload to see the current tags.");
        return Result.Success();
    }
}
