using Dashboard.App.Components;
using Dashboard.Domain.Tags;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.App.Features.Tags;

public partial class TagManager
{
    private IReadOnlyList<TagRow>? _tags;
    private bool _creating;
    private string? _newText;
    private string? _newError;
    private TagRow? _renaming;
    private string? _renameText;
    private string? _renameError;
    // Where focus goes once the page shows what the last key did (a closed rename field takes its focus with it).
    private readonly PendingFocus _focus = new();

    [Parameter, EditorRequired] public TagKind Kind { get; set; }
    [Parameter, EditorRequired] public string Intro { get; set; } = "";

    protected override object LoadKey => (Actor, Kind);

    private string NewButtonId => $"{Kind}-tag-new".ToLowerInvariant();

    private static string RenameButtonId(Guid tagId) => $"tag-rename-{tagId:N}";

    protected override Task OnAfterRenderAsync(bool firstRender) => _focus.ApplyAsync(JS);

    protected override async Task LoadAsync()
    {
        var result = await Tags.ListAsync(Actor, Kind);
        if (result.Succeeded) _tags = result.Value;
        else Snackbar.Add(result.Error!.Message, Severity.Error);
    }

    private void StartCreate()
    {
        _renaming = null;
        (_creating, _newText, _newError) = (true, "", null);
    }

    private async Task CreateKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            (_creating, _newText, _newError) = (false, null, null);
            _focus.Request(NewButtonId);
            return;
        }
        if (e.Key is not ("Enter" or "NumpadEnter")) return;
        var result = await Tags.CreateAsync(Actor, Kind, _newText);
        if (!result.Succeeded)
        {
            _newError = result.Error!.Message;
            return;
        }
        // Ready for the next one: creating several tags in a row is the common case.
        (_newText, _newError) = ("", null);
        await LoadAsync();
    }

    private void StartRename(TagRow tag)
    {
        _creating = false;
        (_renaming, _renameText, _renameError) = (tag, tag.Name, null);
    }

    private async Task RenameKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            _focus.Request(_renaming is null ? null : RenameButtonId(_renaming.Id));
            (_renaming, _renameError) = (null, null);
            return;
        }
        if (e.Key is not ("Enter" or "NumpadEnter") || _renaming is null) return;
        var result = await Tags.RenameAsync(Actor, Kind, _renaming.Id, _renaming.Version, _renameText);
        if (!result.Succeeded && result.Error!.Field == "Name")
        {
            _renameError = result.Error.Message;
            return;
        }
        if (!result.Succeeded) Snackbar.Add(result.Error!.Message, Severity.Warning);
        _focus.Request(RenameButtonId(_renaming.Id));
        (_renaming, _renameError) = (null, null);
        await LoadAsync();
    }

    private async Task DeleteAsync(TagRow tag)
    {
        var usage = await Tags.UsageAsync(Actor, Kind, tag.Id);
        var count = usage.Succeeded ? usage.Value : tag.UsageCount;
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Delete the {Kind.Noun()} \"{tag.Name}\"?",
            count == 0 ? "No one uses it yet." : $"It is on {count} {Kind.Labels(count)}; deleting it takes it off {(count == 1 ? "that one" : "all of them")}.",
            yesText: "Delete tag", cancelText: "Keep it");
        if (confirmed != true) return;
        var result = await Tags.DeleteAsync(Actor, Kind, tag.Id, tag.Version);
        Snackbar.Add(result.Succeeded ? $"\"{tag.Name}\" deleted." : result.Error!.Message, result.Succeeded ? Severity.Success : Severity.Warning);
        await LoadAsync();
    }
}
