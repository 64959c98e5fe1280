using Microsoft.JSInterop;

namespace Dashboard.App.Components;

/// <summary>
/// Where focus goes once a component has rendered what the last action did. The control that had focus is often gone
/// in that render (a closed field, a button replaced by a picker), and focus set before the render finds nothing, so a
/// component asks for it here and applies it from <c>OnAfterRenderAsync</c>.
/// </summary>
public sealed class PendingFocus
{
    private string? _selector;

    /// <summary>Focus the element with this id after the next render (null: leave focus where it is).</summary>
    public void Request(string? elementId) => _selector = elementId is null ? null : "#" + elementId;

    /// <summary>Focus the first element matching this CSS selector after the next render.</summary>
    public void RequestFirst(string selector) => _selector = selector;

    public async Task ApplyAsync(IJSRuntime js)
    {
        if (_selector is not { } selector) return;
        _selector = null;
        await js.InvokeVoidAsync("dashboard.focusElement", selector);
    }
}
