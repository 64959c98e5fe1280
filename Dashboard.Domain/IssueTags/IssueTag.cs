using Dashboard.Domain.Common;

namespace Dashboard.Domain.IssueTags;

/// <summary>A workspace-wide label for issues inside Projects.</summary>
public sealed class IssueTag : Tags.IWorkspaceTag
{
    public const int NameMaxLength = 50;

    private IssueTag() { }

    public IssueTag(Guid workspaceId, string name, DateTimeOffset createdAt)
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

public sealed class IssueTagLink(Guid issueId, Guid tagId)
{
    public Guid IssueId { get; private set; } = issueId;
    public Guid TagId { get; private set; } = tagId;
}
