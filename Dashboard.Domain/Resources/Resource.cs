using Dashboard.Domain.Common;

namespace Dashboard.Domain.Resources;

/// <summary>
/// What Projects, Datasets and Ontologies share: a name unique per kind in the workspace, a description and
/// access entries. They are stored in one table so access, listing and naming have one implementation.
/// </summary>
public abstract class Resource
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    protected Resource() { }

    protected Resource(Guid workspaceId, string name, string description, Guid createdByMemberId, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        Rename(name);
        Description = description;
        CreatedByMemberId = createdByMemberId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public abstract ResourceKind Kind { get; }
    public string Name { get; private set; } = "";
    public string NormalizedName { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid CreatedByMemberId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Changes with every edit of name, description or Ontology: a save must carry the version its page showed.</summary>
    public Guid Version { get; private set; } = Ids.New();

    public void Rename(string name)
    {
        Name = name;
        NormalizedName = Names.Normalize(name);
        Version = Ids.New();
    }

    public void Describe(string description)
    {
        Description = description;
        Version = Ids.New();
    }

    protected void Touch() => Version = Ids.New();
}

public sealed class Project : Resource
{
    private Project() { }

    public Project(Guid workspaceId, string name, string description, Guid ontologyId, Guid createdByMemberId, DateTimeOffset createdAt)
        : base(workspaceId, name, description, createdByMemberId, createdAt) => OntologyId = ontologyId;

    public override ResourceKind Kind => ResourceKind.Project;

    /// <summary>Every Project has exactly one Ontology.</summary>
    public Guid OntologyId { get; private set; }

    public void UseOntology(Guid ontologyId)
    {
        OntologyId = ontologyId;
        Touch();
    }
}

public sealed class Dataset : Resource
{
    private Dataset() { }

    public Dataset(Guid workspaceId, string name, string description, Guid createdByMemberId, DateTimeOffset createdAt)
        : base(workspaceId, name, description, createdByMemberId, createdAt) { }

    public override ResourceKind Kind => ResourceKind.Dataset;
}

public sealed class Ontology : Resource
{
    private Ontology() { }

    public Ontology(Guid workspaceId, string name, string description, Guid createdByMemberId, DateTimeOffset createdAt)
        : base(workspaceId, name, description, createdByMemberId, createdAt) { }

    public override ResourceKind Kind => ResourceKind.Ontology;
}
