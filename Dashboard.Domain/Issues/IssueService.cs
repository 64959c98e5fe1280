using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.IssueTags;
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

        await using var db = await factory.CreateDbContextAsync(ct);
        var checks = await CheckProjectAsync(db, actor, projectId, ct);
        if (!checks.Succeeded) return checks.Error!;
        var tagIds = (command.TagIds ?? []).Distinct().ToList();
        var tagsExist = await CheckTagsAsync(db, actor, tagIds, ct);
        if (!tagsExist.Succeeded) return tagsExist.Error!;

        var issue = new ProjectIssue(projectId, title.Value, description, actor.MemberId, clock.GetUtcNow());
        db.Issues.Add(issue);
        db.IssueTagLinks.AddRange(tagIds.Select(t => new IssueTagLink(issue.Id, t)));
        await db.SaveChangesAsync(ct);
        return issue.Id;
    }

    public Task<Result> ResolveAsync(Actor actor, Guid issueId, CancellationToken ct = default) =>
        ChangeAsync(actor, issueId, issue =>
        {
            if (issue.Status == IssueStatus.Resolved) return Error.Conflict("This issue is already resolved.");
            issue.Resolve(clock.GetUtcNow());
            return Result.Success();
        }, ct);

    public Task<Result> ReopenAsync(Actor actor, Guid issueId, CancellationToken ct = default) =>
        ChangeAsync(actor, issueId, issue =>
        {
            if (issue.Status == IssueStatus.Open) return Error.Conflict("This issue is already open.");
            issue.Reopen();
            return Result.Success();
        }, ct);

    /// <summary>Makes the issue's tags exactly <paramref name="tagIds"/>.</summary>
    public async Task<Result> SetTagsAsync(Actor actor, Guid issueId, IReadOnlyCollection<Guid> tagIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issue = await FindAsync(db, actor, issueId, ct);
        if (!issue.Succeeded) return issue.Error!;
        var wanted = tagIds.Distinct().ToList();
        var tagsExist = await CheckTagsAsync(db, actor, wanted, ct);
        if (!tagsExist.Succeeded) return tagsExist;

        var current = await db.IssueTagLinks.Where(l => l.IssueId == issueId).ToListAsync(ct);
        db.IssueTagLinks.RemoveRange(current.Where(l => !wanted.Contains(l.TagId)));
        db.IssueTagLinks.AddRange(wanted.Where(t => current.All(l => l.TagId != t)).Select(t => new IssueTagLink(issueId, t)));
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    private async Task<Result> ChangeAsync(Actor actor, Guid issueId, Func<ProjectIssue, Result> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issue = await FindAsync(db, actor, issueId, ct);
        if (!issue.Succeeded) return issue.Error!;
        var changed = change(issue.Value);
        if (!changed.Succeeded) return changed;
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    private static async Task<Result<ProjectIssue>> FindAsync(DashboardDbContext db, Actor actor, Guid issueId, CancellationToken ct)
    {
        var issue = await db.Issues.FirstOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null) return Error.NotFound("That issue no longer exists.");
        var checks = await CheckProjectAsync(db, actor, issue.ProjectId, ct);
        return checks.Succeeded ? issue : checks.Error!;
    }

    private static async Task<Result> CheckProjectAsync(DashboardDbContext db, Actor actor, Guid projectId, CancellationToken ct)
    {
        var standing = await ActorStanding.StillStandsAsync(db, actor, ct);
        if (!standing.Succeeded) return standing;
        var project = await ResourceAuthority.FindVisibleAsync(db, actor, projectId, ResourceKind.Project, ct);
        return project.Succeeded ? Result.Success() : project.Error!;
    }

    private static async Task<Result> CheckTagsAsync(DashboardDbContext db, Actor actor, IReadOnlyCollection<Guid> tagIds, CancellationToken ct)
    {
        if (tagIds.Count == 0) return Result.Success();
        var found = await db.IssueTags.CountAsync(t => tagIds.Contains(t.Id) && t.WorkspaceId == actor.WorkspaceId, ct);
        return found == tagIds.Count ? Result.Success() : Error.NotFound("One of those issue tags no longer exists. Reload to see the current tags.");
    }
}
