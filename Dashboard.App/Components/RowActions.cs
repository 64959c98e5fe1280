using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components;

/// <summary>The "rowaction" handler of a list, splatted onto its table or body: <c>&lt;tbody @attributes="…"&gt;</c>.</summary>
/// <remarks>
/// An attribute map, not <c>@onrowaction</c>: Razor's compiler does not see an [EventHandler] declared in the same
/// project, and the renderer takes any "on…" attribute holding an EventCallback as an event handler either way.
/// </remarks>
public static class RowActions
{
    public static IReadOnlyDictionary<string, object> Handler(object receiver, Action<RowActionEventArgs> handle) =>
        new Dictionary<string, object> { ["onrowaction"] = EventCallback.Factory.Create(receiver, handle) };

    public static IReadOnlyDictionary<string, object> Handler(object receiver, Func<RowActionEventArgs, Task> handle) =>
        new Dictionary<string, object> { ["onrowaction"] = EventCallback.Factory.Create(receiver, handle) };
}
