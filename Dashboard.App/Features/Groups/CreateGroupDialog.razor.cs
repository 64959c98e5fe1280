using Dashboard.Domain.Access;
using Dashboard.Domain.Groups;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Groups;

public partial class CreateGroupDialog
{
    private int _step = 1;
    private string _name = "";
    private string _description = "";
    private readonly List<GroupPerson> _members = [];
    private readonly List<GroupPerson> _managers = [];
    private Dictionary<string, string> _errors = [];
    private string? _formError;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    private async Task<IReadOnlyList<GroupPerson>> CandidatesAsync(string? text, bool managers, CancellationToken ct)
    {
        var result = await People.FindCandidatesAsync(Actor, null, managers, text, ct);
        return result.Succeeded ? result.Value : [];
    }

    private void NameChanged(string value)
    {
        _name = value;
        _errors.Remove("Name");
    }

    private void DescriptionChanged(string value)
    {
        _description = value;
        _errors.Remove("Description");
    }

    private async Task NextAsync()
    {
        _errors = [];
        _formError = null;
        var details = await Groups.ValidateDetailsAsync(Actor, _name, _description);
        if (details.Succeeded) _step = 2;
        else Show(details.Error!);
    }

    private async Task CreateAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var result = await Groups.CreateAsync(Actor, new CreateGroup(_name, _description,
                _members.Select(m => m.MemberId).ToList(), _managers.Select(m => m.MemberId).ToList()));
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result.Value));
                return;
            }
            // A problem with the name or the members belongs to the first step: go back to it.
            if (result.Error!.Field is "Name" or "Description" or "Members") _step = 1;
            Show(result.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(Dashboard.Domain.Common.Error error)
    {
        if (error.Field is { } field) _errors[field] = error.Message;
        else _formError = error.Message;
    }
}
