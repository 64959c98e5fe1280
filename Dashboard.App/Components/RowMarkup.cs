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
public sealed class RowMarkup<TRow>(Func<TRow, MarkupString[]> build) where TRow : class
{
    private readonly ConditionalWeakTable<TRow, MarkupString[]> _built = [];

    /// <summary>The row's <paramref name="run"/>-th run of text cells, in the order its builder returns them.</summary>
    public MarkupString Cells(TRow row, int run) => _built.GetValue(row, r => build(r))[run];

    public static string Encode(string? text) => text is null ? "" : HtmlEncoder.Default.Encode(text);
}
