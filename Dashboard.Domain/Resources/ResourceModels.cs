namespace Dashboard.Domain.Resources;

public sealed record ResourceRow(Guid Id, ResourceKind Kind, string Name, string Description, DateTimeOffset CreatedAt,
    string? OntologyName, int LinkCount, IReadOnlyList<string> Tags);

public sealed record ResourceLink(Guid Id, string Name);

public sealed record OntologyClassRow(Guid Id, string Name, LabelShape Shape);

/// <summary>Everything a resource's page shows, and what the actor may do there.</summary>
public sealed record ResourceDetails(
    Guid Id,
    ResourceKind Kind,
    string Name,
    string Description,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    bool CanManage,
    ResourceLink? Ontology,
    IReadOnlyList<ResourceLink> Datasets,
    IReadOnlyList<ResourceLink> UsedByProjects,
    IReadOnlyList<OntologyClassRow> Classes,
    IReadOnlyList<HiddenResources> Hidden,
    Guid Version);

/// <summary>Linked resources the actor cannot open: counted, never named (docs/product.md, "Roles and the permission table").</summary>
public sealed record HiddenResources(ResourceKind Kind, int Count)
{
    public override string ToString() => $"{Count} {Kind}{(Count == 1 ? "" : "s")} you cannot open";
}

public sealed record CreateResource(
    ResourceKind Kind,
    string? Name,
    string? Description,
    Guid? OntologyId = null,
    IReadOnlyCollection<Guid>? DatasetIds = null);
