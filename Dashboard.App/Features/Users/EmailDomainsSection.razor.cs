using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Workspaces;
using Dashboard.App.Components;
using Dashboard.App.Components.Fields;
using MudBlazor;

namespace Dashboard.App.Features.Users;

public partial class EmailDomainsSection
{
    private IReadOnlyList<EmailDomainRow> _domains = [];
    private string? _domain;
    private WorkspaceRole _role = WorkspaceRole.Member;
    private UserType _type = UserType.Internal;
    private string? _error;
    private bool _busy;
    private string? _conflict;
    /// <summary>The domain whose TXT record is being looked up (a DNS query can take seconds).</summary>
    private string? _verifying;

    private IReadOnlyDictionary<string, object>? _rowActions;
    private IReadOnlyDictionary<string, object> RowActionHandler => _rowActions ??= RowActions.Handler(this, RowActionAsync);

    /// <summary>A Verify or Remove click in a row's markup: only for a domain this list shows (the service checks again).</summary>
    private Task RowActionAsync(RowActionEventArgs e)
    {
        if (!Guid.TryParse(e.Row, out var id) || _domains.FirstOrDefault(d => d.Id == id) is not { } domain) return Task.CompletedTask;
        return e.Action switch
        {
            EmailDomainRowCells.Verify => VerifyAsync(domain),
            EmailDomainRowCells.Remove => RemoveAsync(domain),
            _ => Task.CompletedTask,
        };
    }

    protected override async Task LoadAsync()
    {
        var result = await Domains.ListAsync(Actor);
        _domains = result.Succeeded ? result.Value : [];
    }

    private static readonly IReadOnlyList<Choice<WorkspaceRole>> RoleChoices =
        PermissionTable.Roles.Select(r => new Choice<WorkspaceRole>(r, r.Display())).ToList();

    /// <summary>External is offered only for the roles an External member may hold.</summary>
    private IReadOnlyList<Choice<UserType>> TypeChoices =>
    [
        new(UserType.Internal, "Internal"),
        new(UserType.External, "External", !MembershipRules.InvitableTypes(_role).Contains(UserType.External)),
    ];

    private void RoleChanged(WorkspaceRole role)
    {
        _role = role;
        if (!MembershipRules.InvitableTypes(role).Contains(_type)) _type = MembershipRules.InvitableTypes(role)[0];
    }

    private async Task AddAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var result = await Domains.AddAsync(Actor, _domain, _role, _type);
            _error = result.Succeeded ? null : result.Error!.Message;
            if (!result.Succeeded) return;
            Snackbar.Add($"{EmailDomainService.Parse(_domain).Value} added. Publish its TXT record, then choose Verify; confirmed sign-ups join as {_role.Display()} once it is verified.", Severity.Success);
            _domain = null;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task VerifyAsync(EmailDomainRow domain)
    {
        if (_busy) return;
        (_busy, _verifying) = (true, domain.Domain);
        try
        {
            var result = await Domains.VerifyAsync(Actor, domain.Id);
            if (ShowsConflict(result)) return;
            Snackbar.Add(result.Succeeded ? $"{domain.Domain} is verified: confirmed sign-ups on it now join as {domain.Role.Display()}." : result.Error!.Message,
                result.Succeeded ? Severity.Success : Severity.Warning);
            await LoadAsync();
        }
        finally
        {
            (_busy, _verifying) = (false, null);
        }
    }

    /// <summary>Someone else verified or removed the domain first: the list keeps what this page read until the reload.</summary>
    private bool ShowsConflict(Result result)
    {
        _conflict = result.Error is { ChangedMeanwhile: true } conflict ? conflict.Message : null;
        return _conflict is not null;
    }

    private async Task ReloadAfterConflictAsync()
    {
        _conflict = null;
        await LoadAsync();
    }

    private async Task RemoveAsync(EmailDomainRow domain)
    {
        var result = await Domains.RemoveAsync(Actor, domain.Id);
        if (ShowsConflict(result)) return;
        Snackbar.Add(result.Succeeded ? $"{domain.Domain} removed; people already in stay." : result.Error!.Message,
            result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }
}
