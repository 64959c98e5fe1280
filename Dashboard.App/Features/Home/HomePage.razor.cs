using Dashboard.App.Auth;
using Dashboard.Domain.Access;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using MudBlazor;

namespace Dashboard.App.Features.Home;

public partial class HomePage
{
    private bool _loading = true;
    private WorkspaceOverview? _overview;
    private IReadOnlyList<Dashboard.Domain.Invitations.PendingInvitation> _pending = [];
    private AccountAddress? _address;
    private IReadOnlyList<NoticeRow> _notices = [];
    private bool _busy;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        if (await CurrentActor.GetAccountIdAsync() is { } accountId)
        {
            _address = await Memberships.GetAddressAsync(accountId);
            _pending = await Invitations.PendingForAsync(accountId);
            _notices = await Notices.ListAsync(accountId);
        }
        _overview = await CurrentActor.GetAsync() is { } actor ? await Memberships.GetOverviewAsync(actor) : null;
        _loading = false;
    }

    private async Task AnswerAsync(Dashboard.Domain.Invitations.PendingInvitation invitation, bool accept)
    {
        if (await CurrentActor.GetAccountIdAsync() is not { } accountId) return;
        var result = accept
            ? await Invitations.AcceptAsync(accountId, invitation.MemberId)
            : await Invitations.DeclineAsync(accountId, invitation.MemberId);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
            await LoadAsync();
            return;
        }
        if (accept)
        {
            // The accepted workspace becomes the current one; a fresh load brings the switcher and menus along.
            Navigation.NavigateTo("/", forceLoad: true);
            return;
        }
        Snackbar.Add($"You declined the invitation to {invitation.WorkspaceName}.", Severity.Info);
        await LoadAsync();
    }

    private async Task DismissAsync(NoticeRow notice)
    {
        if (await CurrentActor.GetAccountIdAsync() is not { } accountId) return;
        await Notices.DismissAsync(accountId, notice.Id);
        _notices = _notices.Where(n => n.Id != notice.Id).ToList();
    }

    private async Task SendConfirmationAsync()
    {
        if (_busy || await CurrentActor.GetAccountIdAsync() is not { } accountId) return;
        _busy = true;
        try
        {
            // Identity's UserManager lives in a scope of its own per click, not for the circuit's lifetime.
            await using var scope = Scopes.CreateAsyncScope();
            var issued = await scope.ServiceProvider.GetRequiredService<AddressConfirmation>().IssueAsync(accountId);
            if (!issued.Succeeded)
            {
                Snackbar.Add(issued.Error!.Message, Severity.Warning);
                return;
            }
            await AccountMail.SendConfirmationAsync(issued.Value, ConfirmationLinks.For(Navigation.BaseUri, issued.Value));
            Snackbar.Add($"A new link is on its way to {issued.Value.Email}; earlier links still work until it is used.", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string DescribeRole(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Admin => "You manage users, roles, groups, tags and security, and see every Project, Dataset and Ontology.",
        WorkspaceRole.Member => "You create Projects, Datasets and Ontologies and work on those you are invited to.",
        WorkspaceRole.WorkforceManager => "You create resources and groups, and add and remove Taskers.",
        _ => "You work on the Projects, Datasets and Ontologies you are invited to.",
    };
}
