using Dashboard.App.Components;
using Dashboard.Domain.Groups;
using MudBlazor;

namespace Dashboard.App.Features.Groups;

public sealed partial class GroupsTab : IDisposable
{
    private readonly PagedList<GroupRow> _list;
    private string? _search;

    public GroupsTab() => _list = new((page, ct) => Groups.ListAsync(Actor, _search, page, ct));

    protected override Task LoadAsync() => _list.ReloadAsync();

    private Task SearchAsync(string? text)
    {
        _search = text;
        return _list.StartOverAsync();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateGroupDialog>("Create group",
            new DialogParameters<CreateGroupDialog> { { d => d.Actor, Actor } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Guid id })
            Navigation.NavigateTo($"/groups/{id}");
    }

    public void Dispose() => _list.Dispose();
}
