using Dashboard.App.Components;
using Dashboard.App.Components.Fields;
using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Resources;

public sealed partial class ResourceList : IDisposable
{
    private bool _actorLoading = true;
    private Actor? _actor;
    private readonly PagedList<ResourceRow> _list;
    private (Actor? Actor, ResourceKind Kind)? _loadedFor;
    private string? _search;
    private IReadOnlyList<TagChoice> _tagChoices = [];
    private IReadOnlyList<Choice<Guid>> _tagOptions = [];
    private IReadOnlyCollection<Guid> _tagIds = [];

    public ResourceList() => _list = new((page, ct) => Resources.ListAsync(_actor!, Kind, _search, page, _tagIds, ct));

    [Parameter, EditorRequired]
    public ResourceKind Kind { get; set; }

    private string EmptyText =>
        !string.IsNullOrWhiteSpace(_search) ? $"No {Kind.Lower()} matches \"{_search}\"."
        : _tagIds.Count > 0 ? $"No {Kind.Lower()} has {(_tagIds.Count == 1 ? "this tag" : "all of these tags")}."
        : _actor!.Can(Permission.CreateResources) ? $"No {Kind.Plural().ToLowerInvariant()} yet. Create one with \"New {Kind.Lower()}\", or ask to be added to one."
        : $"You have not been added to any {Kind.Lower()} yet. Ask a workspace Admin or the {Kind.Lower()}'s Admin to add you.";

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _actorLoading = false;
        // The same page shows Projects, Datasets and Ontologies: another kind (or member) starts the list afresh.
        if (_actor is null || Equals(_loadedFor, (_actor, Kind))) return;
        _loadedFor = (_actor, Kind);
        _search = null;
        _tagIds = [];
        _tagChoices = Kind == ResourceKind.Project ? await Tags.ChoicesAsync(_actor, TagKind.Project) : [];
        _tagOptions = _tagChoices.Select(t => new Choice<Guid>(t.Id, t.Name)).ToList();
        await _list.StartOverAsync();
    }

    private Task TagsChangedAsync(IEnumerable<Guid>? ids)
    {
        _tagIds = ids?.ToList() ?? [];
        return _list.StartOverAsync();
    }

    private Task SearchAsync(string? text)
    {
        _search = text;
        return _list.StartOverAsync();
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<ResourceFormDialog> { { d => d.Kind, Kind } };
        var dialog = await Dialogs.ShowAsync<ResourceFormDialog>($"New {Kind.Lower()}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid id })
            Navigation.NavigateTo(Kind.PagePath(id));
    }

    public void Dispose() => _list.Dispose();
}
