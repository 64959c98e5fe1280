using Dashboard.Domain.Audit;
using System.Text.RegularExpressions;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tags;

/// <summary>
/// The workspace's project tags and issue tags: Admins create, rename and delete them (docs/product.md); a Project's
/// Admin may also add an issue tag from inside their Project. Renames and deletes carry the version the person
/// saw, so of two Admins changing the same tag at once one wins and the other is told, and nothing is lost.
/// </summary>
public sealed partial class TagService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public const int NameMaxLength = WorkspaceTag.NameMaxLength;

    public async Task<Result<IReadOnlyList<TagRow>>> ListAsync(Actor actor, TagKind kind, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var tags = await Tags(db, kind).Where(t => t.WorkspaceId == actor.WorkspaceId).OrderBy(t => t.NormalizedName)
            .Select(t => new { t.Id, t.Name, t.Version }).ToListAsync(ct);
        var ids = tags.Select(t => t.Id).ToList();
        var usage = kind == TagKind.Project
            ? await db.ProjectTagLinks.Where(l => ids.Contains(l.TagId)).GroupBy(l => l.TagId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : await db.IssueTagLinks.Where(l => ids.Contains(l.TagId)).GroupBy(l => l.TagId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return tags.Select(t => new TagRow(t.Id, t.Name, usage.GetValueOrDefault(t.Id), t.Version)).ToList();
    }

    /// <summary>The tags anyone working in the workspace may pick from (to tag a Project or an issue, or to filter).</summary>
    public async Task<IReadOnlyList<TagChoice>> ChoicesAsync(Actor actor, TagKind kind, CancellationToken ct = default)
    {
        if (!actor.Can(Permission.AccessAssignedResources)) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Tags(db, kind).Where(t => t.WorkspaceId == actor.WorkspaceId).OrderBy(t => t.NormalizedName)
            .Select(t => new TagChoice(t.Id, t.Name)).ToListAsync(ct);
    }

    public async Task<Result<Guid>> CreateAsync(Actor actor, TagKind kind, string? name, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        return await CreateCoreAsync(actor, kind, name, ct);
    }

    /// <summary>A Project's Admin (or a workspace Admin) adds an issue tag while working in that Project; it joins the workspace's list.</summary>
    public async Task<Result<Guid>> CreateIssueTagInProjectAsync(Actor actor, Guid projectId, string? name, CancellationToken ct = default)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var project = await ResourceAuthority.FindManageableAsync(db, actor, projectId, ResourceKind.Project, ct);
            if (!project.Succeeded)
                return project.Error!.Kind == ErrorKind.NotFound ? project.Error
                    : Error.Forbidden("Only the Project's Admins (and workspace Admins) can add issue tags from inside it.");
        }
        return await CreateCoreAsync(actor, TagKind.Issue, name, ct);
    }

    public async Task<Result> RenameAsync(Actor actor, TagKind kind, Guid id, Guid seenVersion, string? name, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        var checkedName = Validate(name);
        if (!checkedName.Succeeded) return checkedName.Error!;

        return await Writes.RunAsync(actor, async write =>
        {
            var tag = await Tags(write.Db, kind).FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == actor.WorkspaceId, ct);
            if (tag is null) return Gone(kind);
            if (tag.Version != seenVersion) return ChangedMeanwhile(kind, tag.Name);
            if (tag.Name == checkedName.Value) return Result.Success();
            var taken = await TakenAsync(write.Db, kind, actor.WorkspaceId, checkedName.Value, id, ct);
            if (taken is not null) return taken;

            await write.RecordAsync(AuditActions.TagRenamed, kind.Noun(), tag.Name, checkedName.Value, ct);
            var originalName = tag.Name;
            tag.Rename(checkedName.Value);
            return await SaveAsync(write, kind, checkedName.Value, originalName, ct);
        }, ct);
    }

    /// <summary>How many Projects or issues carry the tag, for the delete confirmation.</summary>
    public async Task<Result<int>> UsageAsync(Actor actor, TagKind kind, Guid id, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        return kind == TagKind.Project
            ? await db.ProjectTagLinks.CountAsync(l => l.TagId == id, ct)
            : await db.IssueTagLinks.CountAsync(l => l.TagId == id, ct);
    }

    /// <summary>Deletes the tag and takes it off every Project or issue that carried it (cascading links).</summary>
    public async Task<Result> DeleteAsync(Actor actor, TagKind kind, Guid id, Guid seenVersion, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        return await Writes.RunAsync(actor, async write =>
        {
            var name = await Tags(write.Db, kind).Where(t => t.Id == id && t.WorkspaceId == actor.WorkspaceId).Select(t => t.Name).FirstOrDefaultAsync(ct);
            // One statement that only matches the version the person saw: a rename or delete in between makes it match nothing.
            var deleted = kind == TagKind.Project
                ? await write.DeleteAsync(write.Db.ProjectTags.Where(t => t.Id == id && t.WorkspaceId == actor.WorkspaceId && t.Version == seenVersion), ct)
                : await write.DeleteAsync(write.Db.IssueTags.Where(t => t.Id == id && t.WorkspaceId == actor.WorkspaceId && t.Version == seenVersion), ct);
            if (deleted == 1)
            {
                await write.RecordAsync(AuditActions.TagDeleted, kind.Noun(), name, null, ct);
                return Result.Success();
            }
            var current = await Tags(write.Db, kind).Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(ct);
            return current is null ? Gone(kind) : ChangedMeanwhile(kind, current);
        }, ct);
    }

    /// <summary>Trims the name, makes any run of spaces one space, and checks it is there and short enough.</summary>
    public static Result<string> Validate(string? name)
    {
        var checkedName = Names.Validate(name, "Tag name", NameMaxLength);
        return checkedName.Succeeded ? SpaceRuns().Replace(checkedName.Value, " ") : checkedName;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRuns();

    private async Task<Result<Guid>> CreateCoreAsync(Actor actor, TagKind kind, string? name, CancellationToken ct)
    {
        var checkedName = Validate(name);
        if (!checkedName.Succeeded) return checkedName.Error!;
        return await Writes.RunAsync<Guid>(actor, async write =>
        {
            var taken = await TakenAsync(write.Db, kind, actor.WorkspaceId, checkedName.Value, null, ct);
            if (taken is not null) return taken;

            WorkspaceTag tag = kind == TagKind.Project
                ? write.Db.ProjectTags.Add(new ProjectTag(actor.WorkspaceId, checkedName.Value, write.Now)).Entity
                : write.Db.IssueTags.Add(new IssueTag(actor.WorkspaceId, checkedName.Value, write.Now)).Entity;
            await write.RecordAsync(AuditActions.TagCreated, kind.Noun(), null, checkedName.Value, ct);
            var saved = await SaveAsync(write, kind, checkedName.Value, checkedName.Value, ct);
            return saved.Succeeded ? tag.Id : saved.Error!;
        }, ct);
    }

    private static async Task<Result> SaveAsync(ActingContext write, TagKind kind, string name, string originalName, CancellationToken ct)
    {
        try
        {
            await write.SaveAsync(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile(kind, originalName);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a name another Admin saved a moment earlier.
            return Error.Conflict($"{kind.ANounToBegin()} called \"{name}\" already exists.", "Name");
        }
    }

    private static async Task<Error?> TakenAsync(DashboardDbContext db, TagKind kind, Guid workspaceId, string name, Guid? exceptId,
        CancellationToken ct)
    {
        var normalized = Names.Normalize(name);
        var existing = await Tags(db, kind)
            .Where(t => t.WorkspaceId == workspaceId && t.NormalizedName == normalized && t.Id != exceptId)
            .Select(t => t.Name).FirstOrDefaultAsync(ct);
        return existing is null ? null : Error.Conflict($"{kind.ANounToBegin()} called \"{existing}\" already exists.", "Name");
    }

    private static IQueryable<WorkspaceTag> Tags(DashboardDbContext db, TagKind kind) =>
        kind == TagKind.Project ? db.ProjectTags : db.IssueTags;

    private static Error Gone(TagKind kind) =>
        Error.NotFound($"That {kind.Noun()} was deleted by someone else. The list now shows the current tags.");

    private static Error ChangedMeanwhile(TagKind kind, string currentName) =>
        Error.Conflict($"This {kind.Noun()} was changed by someone else (it is now \"{currentName}\"). The list now shows the current tags; try again if you still want the change.");
}
