using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.App.Components.Fields;

public partial class TextField
{
    private readonly string _errorId = "field-error-" + Guid.NewGuid().ToString("N")[..8];

    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public string? Value { get; set; }
    [Parameter] public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>What is wrong with the value, shown under the box and read out; null when nothing is.</summary>
    [Parameter] public string? Error { get; set; }

    /// <summary>Enter in the box: the form's main action.</summary>
    [Parameter] public EventCallback OnEnter { get; set; }

    [Parameter] public string? Placeholder { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public string? Style { get; set; }
    [Parameter] public string? TestId { get; set; }

    private Task TypedAsync(ChangeEventArgs change)
    {
        Value = change.Value as string;
        return ValueChanged.InvokeAsync(Value);
    }

    private Task KeyDownAsync(KeyboardEventArgs key) =>
        key.Key is "Enter" or "NumpadEnter" ? OnEnter.InvokeAsync() : Task.CompletedTask;
}
