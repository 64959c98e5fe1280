namespace Dashboard.Domain.Resources;

public enum ResourceKind
{
    Project,
    Dataset,
    Ontology,
}

/// <summary>A role on one resource. Which roles a kind offers is <see cref="ResourceRoles.For"/>.</summary>
public enum ResourceRole
{
    Admin,
    TeamManager,
    Reviewer,
    Annotator,
    AnnotatorAndReviewer,
    User,
}

public static class ResourceKindText
{
    /// <summary>"a project", "a dataset", "an ontology": for messages that name a kind.</summary>
    public static string WithArticle(this ResourceKind kind) =>
        (kind == ResourceKind.Ontology ? "an " : "a ") + kind.ToString().ToLowerInvariant();

    /// <summary>"A project", "An ontology": the same at the start of a sentence.</summary>
    public static string WithCapitalArticle(this ResourceKind kind) =>
        char.ToUpperInvariant(kind.WithArticle()[0]) + kind.WithArticle()[1..];
}

public static class ResourceRoles
{
    private static readonly ResourceRole[] ProjectRoles =
        [ResourceRole.Admin, ResourceRole.TeamManager, ResourceRole.Reviewer, ResourceRole.Annotator, ResourceRole.AnnotatorAndReviewer];
    private static readonly ResourceRole[] DataRoles = [ResourceRole.Admin, ResourceRole.User];

    public static IReadOnlyList<ResourceRole> For(ResourceKind kind) =>
        kind == ResourceKind.Project ? ProjectRoles : DataRoles;

    public static string Display(this ResourceRole role) => role switch
    {
        ResourceRole.TeamManager => "Team Manager",
        ResourceRole.AnnotatorAndReviewer => "Annotator & Reviewer",
        _ => role.ToString(),
    };
}

/// <summary>The shapes a label class of an Ontology can take.</summary>
public enum LabelShape
{
    BoundingBox,
    Polygon,
    Polyline,
    Keypoint,
    Classification,
}
