using Dashboard.App.Auth;
using Dashboard.App.Features.Resources;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Groups;

public partial class GroupPage
{
    private bool _loading = true;
    private string? _error;
    private Actor? _actor;
    private GroupDetails? _group;
    private string _name = "";
    private string _description = "";
    private Error? _detailsError;
    private string? _conflict;
    private readonly List<GroupPerson> _newMembers = [];
    private readonly List<GroupPerson> _newManagers = [];
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Parameter] public Guid Id { get; set; }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _actor = await CurrentActor.GetAsync();
        if (_actor is null)
            _error = "You do not belong to a workspace at the moment.";
        else
        {
            var result = await Groups.GetAsync(_actor, Id);
            _group = result.Succeeded ? result.Value : null;
            _error = result.Error?.Message;
            if (_group is not null)
            {
                (_name, _description) = (_group.Name, _group.Description);
                _breadcrumbs = [new("Groups", "/settings/groups"), new(_group.Name, null, disabled: true)];
            }
        }
        _loading = false;
    }

    private async Task<IReadOnlyList<GroupPerson>> CandidatesAsync(string? text, bool managers, CancellationToken ct)
    {
        var result = await People.FindCandidatesAsync(_actor!, Id, managers, text, ct);
        return result.Succeeded ? result.Value : [];
    }

    private async Task SaveDetailsAsync()
    {
        var result = await Groups.UpdateAsync(_actor!, Id, _group!.Version, _name, _description);
        if (result.Error is { ChangedMeanwhile: true } conflict)
        {
            // Someone else's change stands; what this person typed stays in the fields until they reload.
            _conflict = conflict.Message;
            return;
        }
        _detailsError = result.Error;
        if (result.Error is { Field: null } error) Snackbar.Add(error.Message, Severity.Error);
        if (result.Succeeded) await DoneAsync(result, "Saved.");
    }

    private async Task ReloadAfterConflictAsync()
    {
        _conflict = null;
        await ReloadAsync();
    }

    private async Task AddMembersAsync()
    {
        var result = await People.AddMembersAsync(_actor!, Id, _newMembers.Select(m => m.MemberId).ToList());
        if (result.Succeeded) _newMembers.Clear();
        await DoneAsync(result, "Members added.");
    }

    private async Task AddManagersAsync()
    {
        var result = await People.AddManagersAsync(_actor!, Id, _newManagers.Select(m => m.MemberId).ToList());
        if (result.Succeeded) _newManagers.Clear();
        await DoneAsync(result, "Managers added.");
    }

    private async Task RemoveMemberAsync(GroupPerson person) =>
        await DoneAsync(await People.RemoveMemberAsync(_actor!, Id, person.MemberId), $"{person.Name} removed from the group.");

    private async Task RemoveManagerAsync(GroupPerson person) =>
        await DoneAsync(await People.RemoveManagerAsync(_actor!, Id, person.MemberId), $"{person.Name} no longer manages the group.");

    private async Task AssignAsync()
    {
        var dialog = await Dialogs.ShowAsync<AssignToDialog>($"Assign \"{_group!.Name}\" to …",
            new DialogParameters<AssignToDialog> { { d => d.Actor, _actor! }, { d => d.Holder, AccessHolder.Group(Id) } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false }) await ReloadAsync();
    }

    private async Task DeleteAsync()
    {
        var consequences = await Groups.DescribeDeletionAsync(_actor!, Id);
        if (!consequences.Succeeded)
        {
            Snackbar.Add(consequences.Error!.Message, Severity.Error);
            return;
        }
        if (await Dialogs.ShowMessageBoxAsync("Delete group", consequences.Value, yesText: "Delete group", cancelText: "Cancel") != true)
            return;
        var deleted = await Groups.DeleteAsync(_actor!, Id);
        if (!deleted.Succeeded)
        {
            Snackbar.Add(deleted.Error!.Message, Severity.Error);
            return;
        }
        Snackbar.Add($"The group \"{_group!.Name}\" was deleted.", Severity.Success);
        Navigation.NavigateTo("/settings/groups");
    }

    private async Task DoneAsync(Result result, string success)
    {
        if (result.Succeeded) Snackbar.Add(success, Severity.Success);
        else Snackbar.Add(result.Error!.Message, Severity.Error);
        await ReloadAsync();
    }
}
