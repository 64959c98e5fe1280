using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components.Fields;

public partial class SwitchField
{
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public bool Value { get; set; }
    /// <summary>Asked to make the change; the switch then shows whatever <see cref="Value"/> the page gives back.</summary>
    [Parameter] public EventCallback<bool> ValueChanged { get; set; }
    [Parameter] public bool Disabled { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public string? TestId { get; set; }
    /// <summary>MudBlazor's colour class for the "on" look.</summary>
    [Parameter] public string ColorClass { get; set; } = "mud-primary";

    // What the browser's checkbox shows. Rendered with the click first and then with Value, so a refused change is a
    // difference Blazor writes to the checkbox: re-rendering the unchanged Value alone would leave the click showing.
    private bool _shown;

    protected override void OnParametersSet() => _shown = Value;

    private async Task ChangedAsync(ChangeEventArgs change)
    {
        _shown = change.Value is true;
        // The event's first render happens at the first yield: the tree then holds the click, as the browser does.
        await Task.Yield();
        await ValueChanged.InvokeAsync(_shown);
        _shown = Value;
    }
}
