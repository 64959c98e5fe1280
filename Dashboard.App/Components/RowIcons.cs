using MudBlazor;

namespace Dashboard.App.Components;

/// <summary>
/// The icons list rows show, as one SVG sprite the browser fetches once and caches. A row's markup refers to its icon
/// by name (about 120 characters) instead of carrying the icon's path (up to 500): a row's markup string lives in the
/// circuit for as long as the page is open, in every open page. The paths are MudBlazor's own icon constants.
/// </summary>
internal static class RowIcons
{
    public const string Path = "/assets/row-icons.svg";

    public const string VerifiedUser = "verified-user";
    public const string GppMaybe = "gpp-maybe";
    public const string CloudUpload = "cloud-upload";
    public const string Label = "label";
    public const string ModelTraining = "model-training";

    private static readonly (string Id, string Paths)[] Symbols =
    [
        (VerifiedUser, Icons.Material.Filled.VerifiedUser),
        (GppMaybe, Icons.Material.Outlined.GppMaybe),
        (CloudUpload, Icons.Material.Filled.CloudUpload),
        (Label, Icons.Material.Filled.Label),
        (ModelTraining, Icons.Material.Filled.ModelTraining),
    ];

    private static readonly string Sprite =
        "<svg xmlns=\"http://www.w3.org/2000/svg\">"
        + string.Concat(Symbols.Select(s => $"<symbol id=\"{s.Id}\" viewBox=\"0 0 24 24\">{s.Paths}</symbol>"))
        + "</svg>";

    /// <summary>An icon of the sprite, hidden from screen readers (the text beside it says the same).</summary>
    public static string Use(string id) =>
        $"<svg class=\"row-icon\" aria-hidden=\"true\"><use href=\"{Path}#{id}\"></use></svg>";

    public static void MapRowIcons(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            // The sprite changes only with a new build of the app, which a restart serves; a day's cache is plenty.
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(Sprite, "image/svg+xml");
        }).AllowAnonymous();
}
