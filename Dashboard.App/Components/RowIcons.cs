using MudBlazor;

namespace Dashboard.App.Components;

/// <summary>
/// The icons list rows show, drawn by the stylesheet: a row's markup names its icon with a class (about 25 characters)
/// instead of carrying an SVG (up to 500, or 100 as a reference into a sprite). A row's markup string lives in the
/// circuit for as long as the page is open, in every open page. <see cref="Path"/> serves one small stylesheet, built
/// from MudBlazor's own icon constants, that paints each icon in the text's colour through a CSS mask.
/// </summary>
internal static class RowIcons
{
    public const string Path = "/assets/row-icons.css";

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

    // Each icon as a data URL (escaped whole, so nothing in a path can end the CSS string); app.css draws the mask.
    private static readonly string Stylesheet = string.Concat(Symbols.Select(s =>
        $".{Class(s.Id)} {{ --row-icon: url(\"data:image/svg+xml,{Uri.EscapeDataString($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\">{s.Paths}</svg>")}\"); }}\n"));

    /// <summary>The class that draws an icon before the element's text (app.css: <c>[class*="row-icon-"]::before</c>).</summary>
    public static string Class(string id) => "row-icon-" + id;

    public static void MapRowIcons(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            // The icons change only with a new build of the app, which a restart serves; a day's cache is plenty.
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(Stylesheet, "text/css");
        }).AllowAnonymous();
}
