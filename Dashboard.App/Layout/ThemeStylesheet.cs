using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.App.Layout;

/// <summary>
/// MudBlazor's theme as its CSS variables, made once per look (light, dark) for the whole process. MudThemeProvider
/// builds the same text — some 20,000 characters — anew in every circuit and keeps it in its render tree, so each
/// open page paid for its own copy; here every circuit refers to the one string.
/// </summary>
public sealed class ThemeStylesheet(IServiceProvider services, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<bool, Lazy<Task<string>>> _byDarkMode = new();

    public async Task<string> ForAsync(bool darkMode)
    {
        var made = _byDarkMode.GetOrAdd(darkMode, dark => new Lazy<Task<string>>(() => RenderAsync(dark)));
        try
        {
            return await made.Value;
        }
        catch
        {
            // A failed rendering is not kept: the next page asks again rather than failing for the life of the process.
            _byDarkMode.TryRemove(new KeyValuePair<bool, Lazy<Task<string>>>(darkMode, made));
            throw;
        }
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
