using Dashboard.Domain.Common;

namespace Dashboard.Domain.Issues;

public enum IssueStatus
{
    Open,
    Resolved,
}

/// <summary>A problem raised inside a Project; issue tags label these.</summary>
public sealed class ProjectIssue
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private ProjectIssue() { }

    public ProjectIssue(Guid projectId, string title, string description, Guid raisedByMemberId, DateTimeOffset raisedAt)
    {
        Id = Ids.New();
        ProjectId = projectId;
        Title = title;
        Description = description;
        RaisedByMemberId = raisedByMemberId;
        RaisedAt = raisedAt;
        Status = IssueStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IssueStatus Status { get; private set; }
    /// <summary>Null once the member who raised it has left the workspace; the issue itself stays.</summary>
    public Guid? RaisedByMemberId { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public void Resolve(DateTimeOffset at)
    {
        Status = IssueStatus.Resolved;
        ResolvedAt = at;
    }

    public void Reopen()
    {
        Status = IssueStatus.Open;
        ResolvedAt = null;
    }
}
