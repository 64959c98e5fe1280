using Dashboard.App.Auth;
using Dashboard.App.Features.Resources;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Users;

public partial class UserDetailsPage
{
    private bool _loading = true;
    private string? _error;
    private string? _conflict;
    private Actor? _actor;
    private MemberDetails? _member;
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
            var result = await Members.GetDetailsAsync(_actor, Id);
            _member = result.Succeeded ? result.Value : null;
            _error = result.Error?.Message;
            if (_member is not null)
                _breadcrumbs = [new("Users", "/settings/users"), new(_member.DisplayName, null, disabled: true)];
        }
        _loading = false;
    }

    private async Task DoneAsync(Result result, string message)
    {
        Snackbar.Add(result.Succeeded ? message : result.Error!.Message, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private async Task ChangeRoleAsync(WorkspaceRole role)
    {
        var result = await Members.ChangeRoleAsync(_actor!, Id, role, _member!.Role);
        // Someone else's change stands; this person's choice stays in the field until they reload.
        if (result.Error is { ChangedMeanwhile: true } conflict) _conflict = conflict.Message;
        else await DoneAsync(result, $"{_member.DisplayName} is now {role.Display()}.");
    }

    private async Task ReloadAfterConflictAsync()
    {
        _conflict = null;
        await ReloadAsync();
    }

    private async Task AssignAsync()
    {
        var dialog = await Dialogs.ShowAsync<AssignToDialog>($"Assign {_member!.DisplayName} to …",
            new DialogParameters<AssignToDialog> { { d => d.Actor, _actor! }, { d => d.Holder, AccessHolder.Member(Id) } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false }) await ReloadAsync();
    }

    private async Task RemoveAssignmentAsync(MemberAssignment row) =>
        await DoneAsync(await Access.RemoveAsync(_actor!, row.ResourceId, row.AccessId), $"{_member!.DisplayName} no longer has access to {row.ResourceName}.");

    private async Task ResendAsync()
    {
        var result = await Invitations.ResendAsync(_actor!, Id);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
            return;
        }
        var link = InvitationLinks.For(Navigation.BaseUri, result.Value.Token);
        if (await Mailer.SendAsync(result.Value, link))
            Snackbar.Add($"A new invitation was mailed to {_member!.Email}; the old link no longer works.", Severity.Success);
        else
            await Dialogs.ShowMessageBoxAsync("New invitation link",
                (MarkupString)$"<p>Send this link to {System.Net.WebUtility.HtmlEncode(_member!.Email)}; the old one no longer works.</p><p data-testid=\"resent-link\" style=\"word-break:break-all\"><code>{System.Net.WebUtility.HtmlEncode(link.ToString())}</code></p>",
                yesText: "Done");
        await ReloadAsync();
    }

    private async Task RevokeAsync() =>
        await DoneAsync(await Invitations.RevokeAsync(_actor!, Id), "The invitation link no longer works.");

    private async Task RemoveAsync()
    {
        var dialog = await Dialogs.ShowAsync<RemoveMemberDialog>($"Remove {_member!.DisplayName}?",
            new DialogParameters<RemoveMemberDialog> { { d => d.Actor, _actor! }, { d => d.Member, _member } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false }) return;
        Snackbar.Add($"{_member.DisplayName} was removed from {_actor!.WorkspaceName}.", Severity.Success);
        Navigation.NavigateTo("/settings/users");
    }
}
