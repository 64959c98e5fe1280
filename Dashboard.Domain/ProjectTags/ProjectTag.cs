using Dashboard.Domain.Common;

namespace Dashboard.Domain.ProjectTags;

/// <summary>A workspace-wide label for Projects; Admins manage them, Projects carry them.</summary>
public sealed class ProjectTag : Tags.IWorkspaceTag
{
    public const int NameMaxLength = 50;

    private ProjectTag() { }

    public ProjectTag(Guid workspaceId, string name, DateTimeOffset createdAt)
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

public sealed class ProjectTagLink(Guid projectId, Guid tagId)
{
    public Guid ProjectId { get; private set; } = projectId;
    public Guid TagId { get; private set; } = tagId;
}
