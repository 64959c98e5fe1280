using Dashboard.Domain.Resources;
using MudBlazor;

namespace Dashboard.App.Features.Resources;

/// <summary>How each kind of resource is named and addressed in the UI.</summary>
public static class ResourceKinds
{
    public static string Plural(this ResourceKind kind) => kind switch
    {
        ResourceKind.Project => "Projects",
        ResourceKind.Dataset => "Datasets",
        _ => "Ontologies",
    };

    public static string Lower(this ResourceKind kind) => kind.ToString().ToLowerInvariant();

    public static string ListPath(this ResourceKind kind) => "/" + kind.Plural().ToLowerInvariant();

    public static string PagePath(this ResourceKind kind, Guid id) => $"{kind.ListPath()}/{id}";

    public static string Icon(this ResourceKind kind) => kind switch
    {
        ResourceKind.Project => Icons.Material.Filled.Folder,
        ResourceKind.Dataset => Icons.Material.Filled.Storage,
        _ => Icons.Material.Filled.AccountTree,
    };

    public static string ShapeName(this LabelShape shape) => shape switch
    {
        LabelShape.BoundingBox => "Bounding box",
        _ => shape.ToString(),
    };
}
