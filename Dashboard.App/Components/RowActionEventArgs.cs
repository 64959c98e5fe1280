namespace Dashboard.App.Components;

/// <summary>
/// A click on a control inside a list row written as markup (<see cref="RowMarkup{TRow}"/>): the control carries
/// <c>data-row-action</c> and <c>data-row</c>, and the list's table (or body) hears every such click through one
/// handler, so a row needs no element frames or handler of its own for its buttons. dashboard.js registers the
/// "rowaction" event; a list attaches its handler with <see cref="RowActions"/>.
/// </summary>
public sealed class RowActionEventArgs : EventArgs
{
    /// <summary>What the control does ("role"…); null for a click elsewhere in the table.</summary>
    public string? Action { get; set; }

    /// <summary>The row the control belongs to, as its <c>data-row</c> says (an id).</summary>
    public string? Row { get; set; }
}
