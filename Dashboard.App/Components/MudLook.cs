using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components;

/// <summary>
/// MudBlazor's look for plain elements. What a main page shows on every visit — its headings, sections, buttons —
/// is written as plain elements with these classes rather than as MudText, MudPaper or MudButton: each component sits
/// in every open circuit with its own state, parameters and render buffers, where an element costs a few frames in its
/// page's buffer. Dialogs and rarely opened parts keep MudBlazor's components.
/// </summary>
internal static class MudLook
{
    private static readonly ConcurrentDictionary<(string Icon, string Class), MarkupString> Icons = new();
    // Class lists are shared strings too: a page's buffer holds the one string, not a copy per render and circuit.
    private static readonly ConcurrentDictionary<(string Kind, string Variant, string Color, string Size), string> Classes = new();

    /// <summary>MudButton's classes: variant "filled", "outlined" or "text"; color "primary", "default", "error"…</summary>
    public static string Button(string variant, string color = "primary", string size = "medium") =>
        Classes.GetOrAdd(("button", variant, color, size), key =>
            $"mud-button-root mud-button mud-button-{key.Variant} mud-button-{key.Variant}-{key.Color} mud-button-{key.Variant}-size-{key.Size} mud-ripple");

    /// <summary>MudIconButton's classes for a small or medium icon-only button in a color ("error", "default"…).</summary>
    public static string IconButton(string color = "default", string size = "medium") =>
        Classes.GetOrAdd(("icon-button", "", color, size), key =>
            $"mud-button-root mud-icon-button mud-{key.Color}-text hover:mud-{key.Color}-hover mud-ripple mud-ripple-icon mud-icon-button-size-{key.Size}");

    /// <summary>A MudButton's start icon: one shared string per icon, whichever circuit shows it.</summary>
    public static MarkupString StartIcon(string icon, string size = "medium") =>
        Svg(icon, $"mud-button-icon-start mud-button-icon-size-{size}", "mud-icon-root mud-svg-icon mud-icon-size-" + size);

    /// <summary>An icon on its own (an icon button's face, a chip's icon), hidden from screen readers.</summary>
    public static MarkupString Icon(string icon, string svgClass = "mud-icon-root mud-svg-icon mud-icon-size-medium") =>
        Svg(icon, null, svgClass);

    // The icon is a constant of MudBlazor's icon set and the classes are this file's callers' own: nothing here is input.
    private static MarkupString Svg(string icon, string? wrapperClass, string svgClass) =>
        Icons.GetOrAdd((icon, (wrapperClass ?? "") + "|" + svgClass), key =>
        {
            var svg = $"<svg class=\"{svgClass}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Icon}</svg>";
            return new MarkupString(wrapperClass is null ? svg : $"<span class=\"{wrapperClass}\">{svg}</span>");
        });
}
