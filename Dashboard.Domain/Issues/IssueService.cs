using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Issues;

public sealed record IssueRow(Guid Id, string Title, string Description, IssueStatus Status, string RaisedBy,
    DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, IReadOnlyList<TagChoice> Tags);

public sealed record IssueQuery(IssueStatus? Status = null, Guid? TagId = null, PageRequest? Page = null);

public sealed record CreateIssue(string? Title, string? Description, IReadOnlyCollection<Guid>? TagIds = null);

/// <summary>
/// A Project's issues: anyone with access to the Project raises them, resolves and reopens them and tags them
/// with the workspace's issue tags. Small on purpose: it is what gives issue tags their meaning.
/// </summary>
public sealed class IssueService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public async Task<Result<Page<IssueRow>>> ListAsync(Actor actor, Guid projectId, IssueQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var project = await ResourceAuthority.FindVisibleAsync(db, actor, projectId, ResourceKind.Project, ct);
        if (!project.Succeeded) return project.Error!;

        var issues = db.Issues.AsNoTracking().Where(i => i.ProjectId == projectId);
        if (query.Status is { } status) issues = issues.Where(i => i.Status == status);
        if (query.TagId is { } tagId) issues = issues.Where(i => db.IssueTagLinks.Any(l => l.IssueId == i.Id && l.TagId == tagId));
        var total = await issues.CountAsync(ct);
        var page = query.Page ?? new PageRequest();
        var rows = await issues.OrderBy(i => i.Status).ThenByDescending(i => i.RaisedAt)
            .Skip(page.Skip).Take(page.Take)
            .Select(i => new
            {
                i.Id, i.Title, i.Description, i.Status, i.RaisedAt, i.ResolvedAt,
                RaisedBy = db.Members.Where(m => m.Id == i.RaisedByMemberId).Select(m => m.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // Tags for this page only, in one query.
        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await (from link in db.IssueTagLinks
                           join tag in db.IssueTags on link.TagId equals tag.Id
                           where ids.Contains(link.IssueId)
                           orderby tag.NormalizedName
                           select new { link.IssueId, tag.Id, tag.Name }).ToListAsync(ct))
            .ToLookup(t => t.IssueId, t => new TagChoice(t.Id, t.Name));
        return new Page<IssueRow>(rows.Select(r => new IssueRow(r.Id, r.Title, r.Description, r.Status,
            r.RaisedBy ?? "a former member", r.RaisedAt, r.ResolvedAt, tags[r.Id].ToList())).ToList(), total);
    }

    public async Task<Result<Guid>> CreateAsync(Actor actor, Guid projectId, CreateIssue command, CancellationToken ct = default)
    {
        var title = Names.Validate(command.Title, "Title", ProjectIssue.TitleMaxLength, "Title");
        if (!title.Succeeded) return title.Error!;
        var description = command.Description?.Trim() ?? "";
        if (description.Length > ProjectIssue.DescriptionMaxLength)
            return Error.Invalid($"The description can have at most {ProjectIssue.DescriptionMaxLength} characters (it has {description.Length}).", "Description");

        return await Writes.RunAsync<Guid>(actor, async write =>
        {
            var project = await ResourceAuthority.FindVisibleAsync(write.Db, actor, projectId, ResourceKind.Project, ct);
            if (!project.Succeeded) return project.Error!;
            var tagIds = (command.TagIds ?? []).Distinct().ToList();
            var tagsExist = await CheckTagsAsync(write.Db, actor, tagIds, ct);
            if (!tagsExist.Succeeded) return tagsExist.Error!;

            var issue = new ProjectIssue(projectId, title.Value, description, actor.MemberId, write.Now);
            write.Db.Issues.Add(issue);
            write.Db.IssueTagLinks.AddRange(tagIds.Select(t => new IssueTagLink(issue.Id, t)));
            await write.RecordAsync(AuditActions.IssueCreated, $"Project \"{project.Value.Name}\"", null, issue.Title, ct);
            return issue.Id;
        }, ct);
    }

    public Task<Result> ResolveAsync(Actor actor, Guid issueId, CancellationToken ct = default) =>
        ChangeAsync(actor, issueId, "resolved", (issue, now) =>
        {
            if (issue.Status == IssueStatus.Resolved) return Error.Conflict("This issue is already resolved.");
            issue.Resolve(now);
            return Result.Success();
        }, ct);

    public Task<Result> ReopenAsync(Actor actor, Guid issueId, CancellationToken ct = default) =>
        ChangeAsync(actor, issueId, "reopened", (issue, _) =>
        {
            if (issue.Status == IssueStatus.Open) return Error.Conflict("This issue is already open.");
            issue.Reopen();
            return Result.Success();
        }, ct);

    /// <summary>Makes the issue's tags exactly <paramref name="tagIds"/>.</summary>
    public Task<Result> SetTagsAsync(Actor actor, Guid issueId, IReadOnlyCollection<Guid> tagIds, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var issue = await FindAsync(write.Db, actor, issueId, ct);
            if (!issue.Succeeded) return issue.Error!;
            var wanted = tagIds.Distinct().ToList();
            var tagsExist = await CheckTagsAsync(write.Db, actor, wanted, ct);
            if (!tagsExist.Succeeded) return tagsExist;

            var current = await write.Db.IssueTagLinks.Where(l => l.IssueId == issueId).ToListAsync(ct);
            var removed = current.Where(l => !wanted.Contains(l.TagId)).ToList();
            var added = wanted.Where(t => current.All(l => l.TagId != t)).ToList();
            if (removed.Count == 0 && added.Count == 0) return Result.Success();
            write.Db.IssueTagLinks.RemoveRange(removed);
            write.Db.IssueTagLinks.AddRange(added.Select(t => new IssueTagLink(issueId, t)));
            var names = await write.Db.IssueTags.Where(t => wanted.Contains(t.Id)).OrderBy(t => t.NormalizedName).Select(t => t.Name).ToListAsync(ct);
            await write.RecordAsync(AuditActions.IssueTagged, issue.Value.Title, $"{current.Count} tag(s)", names.Count == 0 ? "no tags" : string.Join(", ", names), ct);
            return Result.Success();
        }, ct);

    private Task<Result> ChangeAsync(Actor actor, Guid issueId, string what, Func<ProjectIssue, DateTimeOffset, Result> change, CancellationToken ct) =>
        Writes.RunAsync(actor, async write =>
        {
            var issue = await FindAsync(write.Db, actor, issueId, ct);
            if (!issue.Succeeded) return issue.Error!;
            var changed = change(issue.Value, write.Now);
            if (!changed.Succeeded) return changed;
            await write.RecordAsync(AuditActions.IssueChanged, issue.Value.Title, null, what, ct);
            return Result.Success();
        }, ct);

    private static async Task<Result<ProjectIssue>> FindAsync(DashboardDbContext db, Actor actor, Guid issueId, CancellationToken ct)
    {
        var issue = await db.Issues.FirstOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null) return Error.NotFound("That issue no longer exists.");
        var project = await ResourceAuthority.FindVisibleAsync(db, actor, issue.ProjectId, ResourceKind.Project, ct);
        return project.Succeeded ? issue : project.Error!;
    }

    private static async Task<Result> CheckTagsAsync(DashboardDbContext db, Actor actor, IReadOnlyCollection<Guid> tagIds, CancellationToken ct)
    {
        if (tagIds.Count == 0) return Result.Success();
        var found = await db.IssueTags.CountAsync(t => tagIds.Contains(t.Id) && t.WorkspaceId == actor.WorkspaceId, ct);
        return found == tagIds.Count ? Result.Success() : Error.NotFound("One of those issue tags no longer exists. Reload to see the current tags.");
    }
}
