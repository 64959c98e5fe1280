using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components;

/// <summary>
/// The cells of a list row that only show text, each run of them as one markup string. Rendered as elements such
/// cells cost a render frame per element, attribute and text — dozens a row — which a circuit keeps in its render
/// buffers for as long as the page is open; as markup a run costs one frame and one string. Cells with a click or a
/// live animation stay elements. A row's strings are built once per row record (a change replaces the record) and go
/// when the record goes. Builders encode every value with <see cref="Encode"/>, as Blazor encodes text it renders.
/// </summary>
public sealed class RowMarkup<TRow>(Func<TRow, (string Before, string After)> build) where TRow : class
{
    private readonly ConditionalWeakTable<TRow, Built> _built = [];

    /// <summary>A row whose controls are all markup too (heard as row actions): the whole row is one string.</summary>
    public RowMarkup(Func<TRow, string> buildWhole) : this(row => (buildWhole(row), "")) { }

    private sealed record Built(MarkupString Before, MarkupString After);

    /// <summary>The text cells before the row's interactive cell.</summary>
    public MarkupString Before(TRow row) => Get(row).Before;

    /// <summary>The text cells after the row's interactive cell.</summary>
    public MarkupString After(TRow row) => Get(row).After;

    /// <summary>The whole row, for a row built whole.</summary>
    public MarkupString Whole(TRow row) => Get(row).Before;

    private Built Get(TRow row) => _built.GetValue(row, r =>
    {
        var (before, after) = build(r);
        return new Built(new MarkupString(before), new MarkupString(after));
    });

    public static string Encode(string? text) => text is null ? "" : HtmlEncoder.Default.Encode(text);
}
