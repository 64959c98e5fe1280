using Dashboard.Domain.Common;

namespace Dashboard.Domain.Tags;

/// <summary>
/// A workspace-wide label with a name unique (case-insensitively) in its workspace. Project tags and issue tags
/// behave the same and differ only in what they label, so they share this one definition and live in two tables.
/// </summary>
public abstract class WorkspaceTag
{
    public const int NameMaxLength = 50;

    private protected WorkspaceTag() { }

    private protected WorkspaceTag(Guid workspaceId, string name, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        CreatedAt = createdAt;
        Rename(name);
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; } = "";
    public string NormalizedName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Concurrency token: two Admins renaming the same tag cannot both win.</summary>
    public Guid Version { get; private set; }

    public void Rename(string name)
    {
        Name = name;
        NormalizedName = Names.Normalize(name);
        Version = Guid.NewGuid();
    }
}

/// <summary>A label for Projects; Admins manage them, Projects carry them.</summary>
public sealed class ProjectTag : WorkspaceTag
{
    private ProjectTag() { }

    public ProjectTag(Guid workspaceId, string name, DateTimeOffset createdAt) : base(workspaceId, name, createdAt) { }
}

/// <summary>A label for issues inside Projects.</summary>
public sealed class IssueTag : WorkspaceTag
{
    private IssueTag() { }

    public IssueTag(Guid workspaceId, string name, DateTimeOffset createdAt) : base(workspaceId, name, createdAt) { }
}

public sealed class ProjectTagLink(Guid projectId, Guid tagId)
{
    public Guid ProjectId { get; private set; } = projectId;
    public Guid TagId { get; private set; } = tagId;
}

public sealed class IssueTagLink(Guid issueId, Guid tagId)
{
    public Guid IssueId { get; private set; } = issueId;
    public Guid TagId { get; private set; } = tagId;
}
