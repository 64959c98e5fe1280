using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Resources;

public partial class AddAccessDialog
{
    private bool _groups;
    private AccessCandidate? _pick;
    private readonly List<AccessCandidate> _chosen = [];
    private ResourceRole? _role;
    private string? _error;
    private string? _errorField;
    private bool _busy;
    private MudAutocomplete<AccessCandidate>? _search;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public Guid ResourceId { get; set; }
    [Parameter, EditorRequired] public ResourceKind Kind { get; set; }
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    private async Task<IEnumerable<AccessCandidate>> SearchAsync(string? text, CancellationToken ct)
    {
        var result = await Access.FindCandidatesAsync(Actor, ResourceId, _groups, text, ct);
        return result.Succeeded ? result.Value.Where(c => _chosen.All(chosen => chosen.Id != c.Id)) : [];
    }

    private async Task PickAsync(AccessCandidate? candidate)
    {
        if (candidate is not null && _chosen.All(c => c.Id != candidate.Id)) _chosen.Add(candidate);
        _pick = null;
        if (candidate is not null) await _search!.ClearAsync();
    }

    private async Task SwitchKindAsync(bool groups)
    {
        // Members and groups are added separately: switching starts a fresh choice.
        _groups = groups;
        _chosen.Clear();
        _error = _errorField = null;
        await _search!.ClearAsync();
    }

    private async Task AddAsync()
    {
        if (_busy) return;
        _error = _errorField = null;
        if (_role is not { } role)
        {
            (_error, _errorField) = ("Choose the role they will have.", "Role");
            return;
        }
        _busy = true;
        try
        {
            var ids = _chosen.Select(c => c.Id).ToList();
            var result = _groups
                ? await Access.AddGroupsAsync(Actor, ResourceId, ids, role)
                : await Access.AddMembersAsync(Actor, ResourceId, ids, role);
            if (result.Succeeded) Dialog.Close(DialogResult.Ok(ids.Count));
            else (_error, _errorField) = (result.Error!.Message, result.Error.Field);
        }
        finally
        {
            _busy = false;
        }
    }
}
