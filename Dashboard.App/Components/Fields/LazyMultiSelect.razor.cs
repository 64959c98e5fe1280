using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.App.Components.Fields;

public partial class LazyMultiSelect<TValue>
{
    private readonly string _inputId = "lazy-select-" + Guid.NewGuid().ToString("N")[..8];
    private MudSelect<TValue>? _select;
    private bool _built;
    private bool _openOnRender;

    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public string? Placeholder { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<Choice<TValue>> Options { get; set; } = [];
    [Parameter] public IReadOnlyCollection<TValue> Selected { get; set; } = [];
    [Parameter] public EventCallback<IEnumerable<TValue>?> SelectedChanged { get; set; }
    [Parameter] public string? HelperText { get; set; }
    [Parameter] public string? Style { get; set; }
    [Parameter] public string? TestId { get; set; }

    // A choice already made (from the address, say) shows in the real select.
    protected override void OnParametersSet() => _built |= Selected.Count > 0;

    private string Text(TValue? value) =>
        Options.FirstOrDefault(o => EqualityComparer<TValue>.Default.Equals(o.Value, value))?.Text ?? "";

    private void Build()
    {
        _built = true;
        _openOnRender = true;
    }

    private Task ChosenAsync(IEnumerable<TValue>? values) => SelectedChanged.InvokeAsync(values);

    private void KeyDown(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or " " or "NumpadEnter" || (e.AltKey && e.Key == "ArrowDown")) Build();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_openOnRender || _select is null) return;
        _openOnRender = false;
        await _select.FocusAsync();
        await _select.OpenMenu();
    }
}
