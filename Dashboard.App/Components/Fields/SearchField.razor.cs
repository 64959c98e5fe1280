using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components.Fields;

public sealed partial class SearchField
{
    /// <summary>How long typing must pause before the search runs: one query per word, not per key.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    private CancellationTokenSource? _typing;

    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public string? Value { get; set; }
    [Parameter] public EventCallback<string?> ValueChanged { get; set; }
    [Parameter] public string? Placeholder { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter] public string? Style { get; set; }
    [Parameter] public string? TestId { get; set; }

    private async Task TypedAsync(ChangeEventArgs change)
    {
        _typing?.Cancel();
        _typing?.Dispose();
        var typing = _typing = new CancellationTokenSource();
        var text = change.Value as string;
        try
        {
            // Clearing the box (its × or the last key) searches at once; words wait for the pause.
            if (!string.IsNullOrEmpty(text)) await Task.Delay(Pause, typing.Token);
        }
        catch (TaskCanceledException)
        {
            return;
        }
        Value = text;
        await ValueChanged.InvokeAsync(text);
    }

    public void Dispose()
    {
        _typing?.Cancel();
        _typing?.Dispose();
    }
}
