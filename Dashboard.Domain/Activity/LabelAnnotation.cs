using Dashboard.Domain.Common;
using Dashboard.Domain.Resources;

namespace Dashboard.Domain.Activity;

/// <summary>One imported label: a class of the Project's Ontology placed on a data unit, with its geometry.</summary>
public sealed class LabelAnnotation
{
    private LabelAnnotation() { }

    public LabelAnnotation(Guid projectId, Guid dataUnitId, Guid ontologyClassId, LabelShape shape, string geometryJson,
        Guid jobId, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        ProjectId = projectId;
        DataUnitId = dataUnitId;
        OntologyClassId = ontologyClassId;
        Shape = shape;
        GeometryJson = geometryJson;
        JobId = jobId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid DataUnitId { get; private set; }
    public Guid OntologyClassId { get; private set; }
    public LabelShape Shape { get; private set; }
    /// <summary>The box [x, y, width, height] or the polygon's flat point list, as imported.</summary>
    public string GeometryJson { get; private set; } = "";
    public Guid? JobId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
