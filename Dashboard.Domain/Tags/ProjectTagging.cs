using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tags;

/// <summary>Putting the workspace's project tags on a Project and taking them off: for those who may edit the Project.</summary>
public sealed class ProjectTagging(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

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

    public Task<Result> AddAsync(Actor actor, Guid projectId, Guid tagId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var checks = await CheckAsync(write.Db, actor, projectId, tagId, ct);
            if (!checks.Succeeded) return checks.Error!;
            if (await write.Db.ProjectTagLinks.AnyAsync(l => l.ProjectId == projectId && l.TagId == tagId, ct)) return Result.Success();
            write.Db.ProjectTagLinks.Add(new ProjectTagLink(projectId, tagId));
            await write.RecordAsync(AuditActions.ProjectTagged, checks.Value.Project, null, $"tag \"{checks.Value.Tag}\" added", ct);
            return Result.Success();
        }, ct);

    public Task<Result> RemoveAsync(Actor actor, Guid projectId, Guid tagId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var checks = await CheckAsync(write.Db, actor, projectId, tagId, ct);
            if (!checks.Succeeded) return checks.Error!;
            var removed = await write.DeleteAsync(write.Db.ProjectTagLinks.Where(l => l.ProjectId == projectId && l.TagId == tagId), ct);
            if (removed > 0)
                await write.RecordAsync(AuditActions.ProjectTagged, checks.Value.Project, $"tag \"{checks.Value.Tag}\"", "removed", ct);
            return Result.Success();
        }, ct);

    /// <summary>The Project (as the audit log names it) and the tag's name, once both are confirmed.</summary>
    private static async Task<Result<(string Project, string Tag)>> CheckAsync(DashboardDbContext db, Actor actor, Guid projectId, Guid tagId,
        CancellationToken ct)
    {
        var project = await ResourceAuthority.FindManageableAsync(db, actor, projectId, ResourceKind.Project, ct);
        if (!project.Succeeded) return project.Error!;
        var tag = await db.ProjectTags.Where(t => t.Id == tagId && t.WorkspaceId == actor.WorkspaceId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (tag is null) return Error.NotFound("That project tag no longer exists. Reload to see the current tags.");
        return ($"Project \"{project.Value.Name}\"", tag);
    }
}
