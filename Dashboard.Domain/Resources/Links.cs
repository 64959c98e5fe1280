using Dashboard.Domain.Common;

namespace Dashboard.Domain.Resources;

/// <summary>A Dataset attached to a Project; one Dataset can serve many Projects.</summary>
public sealed class ProjectDataset(Guid projectId, Guid datasetId)
{
    public Guid ProjectId { get; private set; } = projectId;
    public Guid DatasetId { get; private set; } = datasetId;
}

/// <summary>A label class of an Ontology; label imports are checked against these.</summary>
public sealed class OntologyClass
{
    public const int NameMaxLength = 100;

    private OntologyClass() { }

    public OntologyClass(Guid ontologyId, string name, LabelShape shape)
    {
        Id = Ids.New();
        OntologyId = ontologyId;
        Name = name;
        Shape = shape;
    }

    public Guid Id { get; private set; }
    public Guid OntologyId { get; private set; }
    public string Name { get; private set; } = "";
    public LabelShape Shape { get; private set; }
}

/// <summary>
/// Access to one resource, given either to a member directly or to a group (whose members then hold the
/// role collectively). Exactly one of <see cref="MemberId"/> and <see cref="GroupId"/> is set.
/// </summary>
public sealed class ResourceAccess
{
    private ResourceAccess() { }

    private ResourceAccess(Guid resourceId, Guid? memberId, Guid? groupId, ResourceRole role, DateTimeOffset grantedAt)
    {
        Id = Ids.New();
        ResourceId = resourceId;
        MemberId = memberId;
        GroupId = groupId;
        Role = role;
        GrantedAt = grantedAt;
    }

    public static ResourceAccess ForMember(Guid resourceId, Guid memberId, ResourceRole role, DateTimeOffset at) =>
        new(resourceId, memberId, null, role, at);

    public static ResourceAccess ForGroup(Guid resourceId, Guid groupId, ResourceRole role, DateTimeOffset at) =>
        new(resourceId, null, groupId, role, at);

    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public Guid? MemberId { get; private set; }
    public Guid? GroupId { get; private set; }
    public ResourceRole Role { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }

    public void ChangeRole(ResourceRole role) => Role = role;
}

/// <summary>One file registered in a Dataset by a data import.</summary>
public sealed class DataUnit
{
    private DataUnit() { }

    public const int SourceMaxLength = 1024;

    /// <param name="source">The item as uploaded (e.g. <c>batch.zip/img/001.png</c>), for the import's list of what is in.</param>
    public DataUnit(Guid datasetId, Guid? jobId, string name, long size, string contentType, string sha256,
        string storagePath, DateTimeOffset createdAt, string? source = null)
    {
        Source = source is { Length: > SourceMaxLength } ? source[..SourceMaxLength] : source;
        Id = Ids.New();
        DatasetId = datasetId;
        JobId = jobId;
        Name = name;
        Size = size;
        ContentType = contentType;
        Sha256 = sha256;
        StoragePath = storagePath;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid DatasetId { get; private set; }
    public Guid? JobId { get; private set; }
    public string Name { get; private set; } = "";
    public long Size { get; private set; }
    public string ContentType { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    /// <summary>Path relative to the data folder's storage root.</summary>
    public string StoragePath { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>What the import was given under this name; null for units registered before it was kept.</summary>
    public string? Source { get; private set; }
}
