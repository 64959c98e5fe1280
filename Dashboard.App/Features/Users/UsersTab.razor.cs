using Dashboard.App.Components;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.App.Features.Users;

public sealed partial class UsersTab : IDisposable
{
    private string? _search;
    private WorkspaceRole? _role;
    private UserType? _type;
    private MemberStatus? _status;
    private MemberSort _sort = MemberSort.Name;
    private bool _descending;
    private readonly PagedList<MemberRow> _list;

    public UsersTab() => _list = new(ReadAsync);

    /// <summary>
    /// The first page as the server rendered it: carried into the circuit, so the rows are in the page's HTML
    /// and the live page starts with them instead of reading them again.
    /// </summary>
    [PersistentState]
    public FirstPage? Prerendered { get; set; }

    public sealed record FirstPage(Guid MemberId, Page<MemberRow> Rows);

    protected override async Task LoadAsync()
    {
        if (Prerendered is { } first && first.MemberId == Actor.MemberId)
        {
            _list.Show(first.Rows);
            Prerendered = null;
            return;
        }
        await _list.ReloadAsync();
        if (!RendererInfo.IsInteractive) Prerendered = new FirstPage(Actor.MemberId, _list.Shown);
    }

    private async Task<Page<MemberRow>> ReadAsync(PageRequest page, CancellationToken ct)
    {
        var query = new MemberQuery(_search, _role, _type, _status, _sort, _descending, page);
        var result = await Members.ListAsync(Actor, query, ct);
        if (result.Succeeded) return result.Value;
        Snackbar.Add(result.Error!.Message, Severity.Error);
        return new Page<MemberRow>([], 0);
    }

    private Task SortByAsync(MemberSort sort)
    {
        _descending = _sort == sort && !_descending;
        _sort = sort;
        return _list.StartOverAsync();
    }

    private async Task InviteAsync()
    {
        var dialog = await Dialogs.ShowAsync<InviteUsersDialog>("Invite users",
            new DialogParameters<InviteUsersDialog> { { d => d.Actor, Actor } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        // Read again however it closed: Escape after sending leaves the invitations sent.
        await dialog.Result;
        await _list.ReloadAsync();
    }

    /// <summary>The row whose role picker is open; every other row shows its role as a button.</summary>
    private Guid? _rolePickerFor;

    private MudSelect<WorkspaceRole>? _rolePicker;
    private const string RolePickerTestId = "row-role-picker";
    private const string RolePickerSelector = $"[data-testid={RolePickerTestId}]";

    // Set when a row's picker has just been built: once it is in the page it opens with focus in it, the row's role
    // marked, so the arrows, Enter and Escape reach it whether a click or a key opened it.
    private bool _openPickerAfterRender;

    private IReadOnlyDictionary<string, object>? _rowActions;
    private IReadOnlyDictionary<string, object> RowActionHandler => _rowActions ??= RowActions.Handler(this, RowActionAsync);

    // Where focus goes once the row shows its role button again.
    private readonly PendingFocus _focus = new();

    private Task RowActionAsync(RowActionEventArgs e)
    {
        if (e.Action == MemberRowCells.SortAction)
            return Enum.TryParse<MemberSort>(e.Row, out var sort) && Enum.IsDefined(sort) ? SortByAsync(sort) : Task.CompletedTask;
        // Only a row this page shows, and only one whose role this person may change (the service checks again).
        if (e.Action == MemberRowCells.RoleAction && Guid.TryParse(e.Row, out var id) && _list.Rows.FirstOrDefault(m => m.Id == id) is { CanChangeRole: true })
        {
            _rolePickerFor = id;
            _openPickerAfterRender = true;
        }
        return Task.CompletedTask;
    }

    private void RolePickerOpenChanged(MemberRow member, bool open)
    {
        if (open || _rolePickerFor != member.Id) return;
        _rolePickerFor = null;
        _focus.RequestFirst(MemberRowCells.RoleButtonSelector(member.Id));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_openPickerAfterRender && _rolePicker is { } picker && _rolePickerFor is not null)
        {
            _openPickerAfterRender = false;
            // Opened before its options are in the page, the list would mark none of them (not the row's role).
            await picker.FocusAsync();
            await JS.InvokeVoidAsync("dashboard.whenOptionsShown", RolePickerSelector);
            // Unless the person closed it or chose another row meanwhile.
            if (ReferenceEquals(_rolePicker, picker) && _rolePickerFor is not null) await picker.OpenMenu();
        }
        await _focus.ApplyAsync(JS);
    }

    private async Task ChangeRoleAsync(MemberRow member, WorkspaceRole role)
    {
        _rolePickerFor = null;
        _focus.RequestFirst(MemberRowCells.RoleButtonSelector(member.Id));
        // The row's role is what this person saw; a change made meanwhile by someone else is refused, not overwritten.
        var result = await MemberService.ChangeRoleAsync(Actor, member.Id, role, member.Role);
        if (result.Error is { ChangedMeanwhile: true } conflict)
        {
            // The row keeps what this page read; the person chooses when to see the other change.
            Snackbar.Add(conflict.Message, Severity.Warning, options =>
            {
                options.Action = "Reload";
                // Runs from the snackbar, not this tab: back onto the tab's renderer, then show what was read.
                options.OnClick = _ => InvokeAsync(async () => { await _list.ReloadAsync(); StateHasChanged(); });
                options.RequireInteraction = true;
            });
            return;
        }
        Snackbar.Add(result.Succeeded ? $"{member.DisplayName} is now {role.Display()}." : result.Error!.Message,
            result.Succeeded ? Severity.Success : Severity.Error);
        await _list.ReloadAsync();
    }

    private Task SearchAsync(string? text)
    {
        _search = text;
        return _list.StartOverAsync();
    }

    private Task FilterAsync(Action apply)
    {
        apply();
        return _list.StartOverAsync();
    }

    public void Dispose() => _list.Dispose();
}
