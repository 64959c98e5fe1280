using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.App.Components.Fields;

/// <summary>One choice of a <see cref="ChoiceField{TValue}"/>: its value, what it says, and whether it can be chosen now.</summary>
public sealed record Choice<TValue>(TValue Value, string Text, bool Disabled = false);

public partial class ChoiceField<TValue>
{
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<Choice<TValue>> Options { get; set; } = [];
    [Parameter] public TValue? Value { get; set; }
    [Parameter] public EventCallback<TValue?> ValueChanged { get; set; }

    /// <summary>When set, a first option with this text stands for "no value" (a filter's "Any").</summary>
    [Parameter] public string? EmptyText { get; set; }

    /// <summary>A line under the field that says why the choices are what they are; the select is described by it.</summary>
    [Parameter] public string? Hint { get; set; }

    /// <summary>
    /// Enter on the closed select: the form's main action, so a keyboard user chooses with the arrows and sends with
    /// Enter as in a text box. Without it, no key press reaches the server (filters hear only the change).
    /// </summary>
    [Parameter] public EventCallback OnEnter { get; set; }

    [Parameter] public bool Disabled { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public string? Style { get; set; }
    [Parameter] public string? TestId { get; set; }

    private readonly string _hintId = $"hint-{Guid.NewGuid():N}";

    // Built once: the handler reads OnEnter when a key arrives, so it never goes stale.
    private IReadOnlyDictionary<string, object>? _enterHandler;
    private IReadOnlyDictionary<string, object>? EnterHandler => OnEnter.HasDelegate
        ? _enterHandler ??= new Dictionary<string, object> { ["onkeydown"] = EventCallback.Factory.Create<KeyboardEventArgs>(this, KeyDownAsync) }
        : null;

    private Task KeyDownAsync(KeyboardEventArgs key) =>
        key.Key is "Enter" or "NumpadEnter" ? OnEnter.InvokeAsync() : Task.CompletedTask;

    /// <summary>The chosen option's index as the select's value; "" (the empty option) when there is none.</summary>
    private string SelectedValue
    {
        get
        {
            if (Value is null) return "";
            for (var i = 0; i < Options.Count; i++)
                if (EqualityComparer<TValue>.Default.Equals(Options[i].Value, Value)) return i.ToString(CultureInfo.InvariantCulture);
            return "";
        }
    }

    private Task ChangedAsync(ChangeEventArgs change)
    {
        // The browser sends back the option's index, never a value of ours: anything else means "no value".
        var chosen = int.TryParse(change.Value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                     && index < Options.Count && !Options[index].Disabled
            ? Options[index].Value
            : default;
        Value = chosen;
        return ValueChanged.InvokeAsync(chosen);
    }
}
