using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Users;

public partial class UsersTab
{
    private MudDataGrid<MemberRow>? _grid;
    private string? _search;
    private WorkspaceRole? _role;
    private UserType? _type;
    private MemberStatus? _status;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    private async Task<GridData<MemberRow>> LoadAsync(GridState<MemberRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new MemberQuery(_search, _role, _type, _status, SortFor(sort?.SortBy), sort?.Descending ?? false,
            new PageRequest(state.Page, state.PageSize));
        var result = await Members.ListAsync(Actor, query, ct);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
            return new GridData<MemberRow> { Items = [], TotalItems = 0 };
        }
        return new GridData<MemberRow> { Items = result.Value.Items, TotalItems = result.Value.TotalCount };
    }

    private static MemberSort SortFor(string? column) => column switch
    {
        nameof(MemberRow.Email) => MemberSort.Email,
        nameof(MemberRow.Role) => MemberSort.Role,
        nameof(MemberRow.UserType) => MemberSort.UserType,
        nameof(MemberRow.Status) => MemberSort.Status,
        _ => MemberSort.Name,
    };

    private async Task InviteAsync()
    {
        var dialog = await Dialogs.ShowAsync<InviteUsersDialog>("Invite users",
            new DialogParameters<InviteUsersDialog> { { d => d.Actor, Actor } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false }) await _grid!.ReloadServerData();
    }

    /// <summary>The row whose role picker is open; every other row shows its role as a button.</summary>
    private Guid? _rolePickerFor;

    private void RolePickerOpenChanged(MemberRow member, bool open)
    {
        if (!open && _rolePickerFor == member.Id) _rolePickerFor = null;
    }

    private async Task ChangeRoleAsync(MemberRow member, WorkspaceRole role)
    {
        _rolePickerFor = null;
        // The row's role is what this person saw; a change made meanwhile by someone else is refused, not overwritten.
        var result = await MemberService.ChangeRoleAsync(Actor, member.Id, role, member.Role);
        if (result.Error is { ChangedMeanwhile: true } conflict)
        {
            // The row keeps what this page read; the person chooses when to see the other change.
            Snackbar.Add(conflict.Message, Severity.Warning, options =>
            {
                options.Action = "Reload";
                options.OnClick = _ => _grid!.ReloadServerData();
                options.RequireInteraction = true;
            });
            return;
        }
        Snackbar.Add(result.Succeeded ? $"{member.DisplayName} is now {role.Display()}." : result.Error!.Message,
            result.Succeeded ? Severity.Success : Severity.Error);
        await _grid!.ReloadServerData();
    }

    private async Task SearchAsync(string? text)
    {
        _search = text;
        await _grid!.ReloadServerData();
    }

    private async Task FilterAsync(Action apply)
    {
        apply();
        await _grid!.ReloadServerData();
    }
}
