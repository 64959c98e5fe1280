using Dashboard.Domain.Invitations;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.App.Auth;

public partial class SignUpForm
{
    private EditContext _signUpContext = default!;
    private FormErrors? _errors;
    private string? _checkInbox;

    /// <summary>The invitation the link carries, when there is one: its address is the account's, and joining follows.</summary>
    [Parameter] public InvitationView? Invitation { get; set; }

    [Parameter] public string? InvitationToken { get; set; }

    [Parameter, EditorRequired] public string SignInHref { get; set; } = "";

    [SupplyParameterFromForm(FormName = "signup")]
    private SignUpInput NewAccount { get; set; } = default!;

    protected override void OnInitialized()
    {
        NewAccount ??= new SignUpInput();
        if (Invitation is not null) NewAccount.Email = Invitation.Email;
        _signUpContext = new EditContext(NewAccount);
        _errors = new FormErrors(_signUpContext);
    }

    private async Task SignUpAsync()
    {
        _errors!.Clear();
        var command = new SignUpCommand(NewAccount.Email, NewAccount.DisplayName, NewAccount.Password,
            Invitation is null ? null : InvitationToken);
        var problems = await SignUp.ValidateAsync(command);
        foreach (var problem in problems) _errors.Show(problem);
        if (_errors.HasErrors) return;

        var created = await SignUp.SignUpAsync(command);
        if (!created.Succeeded)
        {
            _errors.Show(created.Error!);
            return;
        }
        var (kind, account) = created.Value;
        switch (kind)
        {
            case SignUpKind.Joined:
                Logger.LogInformation("Account created for {Email} from an invitation", account.Email);
                await SignIn.SignInAsync(account, isPersistent: false);
                Navigation.NavigateTo("/");
                return;
            case SignUpKind.ConfirmationNeeded:
                Logger.LogInformation("Account created for {Email}; its address is not confirmed yet", account.Email);
                if ((await Confirmation.IssueAsync(account.Id)).Value is { } confirmation)
                    await AccountMail.SendConfirmationAsync(confirmation, ConfirmationLinks.For(Navigation.BaseUri, confirmation));
                break;
            default:
                // Answered exactly like a new account, so the page never tells whether an address has one.
                Logger.LogInformation("Sign-up attempted with the existing account {Email}", account.Email);
                await AccountMail.SendSignUpAttemptAsync(account.Email!, new Uri(new Uri(Navigation.BaseUri), AuthPaths.Login.TrimStart('/')));
                break;
        }
        _checkInbox = command.Email!.Trim();
    }

    private sealed class SignUpInput
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
    }
}
