using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.App.Layout;

/// <summary>
/// MudBlazor's theme as its CSS variables, light and dark, in one stylesheet (<see cref="Path"/>) made once for the
/// whole process. MudThemeProvider builds the same text — some 20,000 characters — anew in every circuit and keeps it
/// in its render tree; and a palette chosen by the server is drawn light first, then dark once the circuit has asked
/// the browser. Here the dark variables apply under <c>:root.theme-dark</c>, which theme.js sets in the page's head
/// before anything is drawn.
/// </summary>
public sealed class ThemeStylesheet(IServiceProvider services, ILoggerFactory loggers)
{
    public const string Path = "/assets/theme.css";

    private Lazy<Task<string>>? _css;

    public async Task<string> CssAsync()
    {
        var made = LazyInitializer.EnsureInitialized(ref _css, () => new Lazy<Task<string>>(BuildAsync));
        try
        {
            return await made.Value;
        }
        catch
        {
            // A failed rendering is not kept: the next page asks again rather than failing for the life of the process.
            Interlocked.CompareExchange(ref _css, null, made);
            throw;
        }
    }

    private async Task<string> BuildAsync()
    {
        var light = StyleRules(await RenderAsync(darkMode: false));
        var dark = StyleRules(await RenderAsync(darkMode: true));
        return light + "\n" + dark.Replace(":root", ":root.theme-dark", StringComparison.Ordinal);
    }

    /// <summary>The text of the rendering's style elements: MudThemeProvider writes its variables on <c>:root</c>.</summary>
    private static string StyleRules(string html)
    {
        var rules = new System.Text.StringBuilder();
        for (var at = html.IndexOf("<style", StringComparison.Ordinal); at >= 0; at = html.IndexOf("<style", at, StringComparison.Ordinal))
        {
            var start = html.IndexOf('>', at) + 1;
            var end = html.IndexOf("</style>", start, StringComparison.Ordinal);
            rules.Append(html, start, end - start).Append('\n');
            at = end;
        }
        return rules.ToString();
    }

    /// <summary>What MudThemeProvider itself renders, so the variables stay exactly MudBlazor's for this version.</summary>
    private async Task<string> RenderAsync(bool darkMode)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = DashboardTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
            }));
            return output.ToHtmlString();
        });
    }
}

public static class ThemeStylesheetEndpoint
{
    public static void MapThemeStylesheet(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ThemeStylesheet.Path, async (HttpContext context, ThemeStylesheet theme) =>
        {
            // Its address carries the build's version (App.razor), so a new build is fetched anew; until then, cached.
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(await theme.CssAsync(), "text/css");
        }).AllowAnonymous();
}
