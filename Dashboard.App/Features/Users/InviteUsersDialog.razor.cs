using Dashboard.App.Components;
using Dashboard.App.Components.Fields;
using Dashboard.Domain.Access;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.App.Features.Users;

public partial class InviteUsersDialog
{
    private EmailChipsInput _emails = default!;
    private string? _formError;
    private WorkspaceRole _role = WorkspaceRole.Member;
    private UserType _type = UserType.Internal;
    private bool _busy;
    private List<SentInvitation>? _sent;
    private IReadOnlyList<string> _skipped = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    private IEnumerable<WorkspaceRole> InvitableRoles => PermissionTable.Roles.Where(r => Actor.CanOver(Permission.AddAndRemoveUsers, r));

    private IReadOnlyList<Choice<WorkspaceRole>> RoleChoices => InvitableRoles.Select(r => new Choice<WorkspaceRole>(r, r.Display())).ToList();

    private IReadOnlyList<Choice<UserType>> TypeChoices =>
        [.. Enum.GetValues<UserType>().Select(t => new Choice<UserType>(t, t.ToString(), !MembershipRules.InvitableTypes(_role).Contains(t)))];

    private string? RoleHint => Actor.GrantFor(Permission.AddAndRemoveUsers) == Grant.TaskersOnly
        ? $"As {Actor.Role.Display()} you invite Taskers only." : null;

    private string? TypeHint => MembershipRules.InvitableTypes(_role).Count == 1 ? $"{_role.Display()}s are always Internal." : null;

    // Null before the chips input first renders; it has no chips then.
    private int ValidCount => _emails?.ValidEmails.Count ?? 0;

    protected override void OnInitialized()
    {
        if (!InvitableRoles.Contains(_role)) _role = InvitableRoles.FirstOrDefault(WorkspaceRole.Tasker);
    }

    private void RoleChanged(WorkspaceRole role)
    {
        _role = role;
        if (!MembershipRules.InvitableTypes(role).Contains(_type)) _type = MembershipRules.InvitableTypes(role)[0];
    }

    private async Task InviteAsync()
    {
        // Busy from the first await: a second Enter or click while the typed text is still being checked sends nothing.
        if (_busy || _sent is not null) return;
        _busy = true;
        try
        {
            await _emails.TakeTypedAsync();
            var emails = _emails.ValidEmails;
            if (emails.Count == 0)
            {
                // Enter on a field can ask for this before any address is in: say what is missing rather than nothing.
                _formError = "Type at least one email address to invite.";
                return;
            }
            var result = await Invitations.InviteAsync(Actor, new InviteCommand(emails, _role, _type));
            if (!result.Succeeded)
            {
                _formError = result.Error!.Message;
                return;
            }
            _skipped = _emails.RefusedEmails;
            _sent = [];
            foreach (var invitation in result.Value)
            {
                var link = InvitationLinks.For(Navigation.BaseUri, invitation.Token);
                var mailed = await Mailer.SendAsync(invitation, link);
                _sent.Add(new SentInvitation(invitation, link.ToString(), mailed));
            }
            // The button that sent them is gone: focus goes to Done, not to the page behind the dialog.
            _focus.Request(DoneButtonId);
        }
        finally
        {
            _busy = false;
        }
    }

    private readonly PendingFocus _focus = new();

    protected override Task OnAfterRenderAsync(bool firstRender) => _focus.ApplyAsync(JS);

    private const string DoneButtonId = "invite-done";

    private async Task CopyAsync(SentInvitation sent)
    {
        var copied = await JS.InvokeAsync<bool>("dashboard.copyText", sent.Link);
        Snackbar.Add(copied ? $"Link for {sent.Invitation.Email} copied." : "Select the link and copy it by hand (this browser blocks copying here).",
            copied ? Severity.Success : Severity.Info);
    }

    private sealed record SentInvitation(IssuedInvitation Invitation, string Link, bool Mailed);
}
