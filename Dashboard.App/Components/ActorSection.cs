using Dashboard.Domain.Access;
using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components;

/// <summary>
/// A section of a page that reads its data for the acting member. Its parent renders again for many reasons (a
/// dialog closing, a snackbar, a live event), and each time passes its parameters again; the section reads again
/// only when what it reads for has changed — another <see cref="Actor"/> after a role change, or another key —
/// and after its own changes, which call <see cref="LoadAsync"/> themselves.
/// </summary>
public abstract class ActorSection : ComponentBase
{
    private object? _loadedFor;

    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    /// <summary>What the section's data depends on; the actor unless a section says more.</summary>
    protected virtual object LoadKey => Actor;

    protected abstract Task LoadAsync();

    protected override async Task OnParametersSetAsync()
    {
        if (Equals(_loadedFor, LoadKey)) return;
        _loadedFor = LoadKey;
        await LoadAsync();
    }
}
