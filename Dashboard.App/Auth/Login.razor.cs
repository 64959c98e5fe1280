using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.App.Auth;

public partial class Login
{
    private EditContext _editContext = default!;
    private FormErrors? _errors;
    private InvitationView? _invitation;
    private string? _invitationError;
    private bool _signingUp;

    [SupplyParameterFromForm(FormName = "login")]
    private LoginInput Input { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "signedOut")]
    private bool SignedOut { get; set; }


    [SupplyParameterFromQuery(Name = "email")]
    private string? PrefilledEmail { get; set; }

    [SupplyParameterFromQuery(Name = "invitation")]
    private string? InvitationToken { get; set; }

    [SupplyParameterFromQuery(Name = "mode")]
    private string? Mode { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!string.IsNullOrEmpty(InvitationToken))
        {
            var opened = await Invitations.OpenAsync(InvitationToken);
            _invitation = opened.Succeeded ? opened.Value : null;
            _invitationError = opened.Error?.Message;
        }
        // A person whose address has no account yet signs up right here; everyone else signs in.
        _signingUp = Mode == "signup" || _invitation is { HasAccount: false } && Mode != "signin";

        Input ??= new LoginInput { Email = PrefilledEmail ?? "" };
        if (_invitation is not null) Input.Email = _invitation.Email;
        _editContext = new EditContext(Input);
        _errors = new FormErrors(_editContext);
    }

    private string SwitchHref(bool signUp)
    {
        var query = new Dictionary<string, object?> { ["mode"] = signUp ? "signup" : "signin", ["invitation"] = InvitationToken, ["ReturnUrl"] = ReturnUrl };
        return Navigation.GetUriWithQueryParameters(AuthPaths.Login, query);
    }

    private async Task SignInAsync()
    {
        _errors!.Clear();
        var email = EmailAddresses.Validate(Input.Email, nameof(LoginInput.Email));
        if (!email.Succeeded) _errors.Show(email.Error!);
        if (string.IsNullOrEmpty(Input.Password))
            _errors.Show(Error.Invalid("Enter your password.", nameof(LoginInput.Password)));
        if (_errors.HasErrors) return;

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (Throttle.LockedFor(client, email.Value) is { } wait)
        {
            _errors.Show(Error.Forbidden(SignInThrottle.Message(wait)));
            return;
        }
        // Lockout is the throttle's, per client and address (see SignInThrottle), not Identity's per account.
        var result = await SignIn.PasswordSignInAsync(email.Value, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor) Throttle.Succeeded(client, email.Value);
        if (result.Succeeded)
        {
            Logger.LogInformation("Signed in {Email}", email.Value);
            if (_invitation is not null && await Users.FindByEmailAsync(email.Value) is { } account)
            {
                var accepted = await Invitations.AcceptLinkAsync(account.Id, InvitationToken);
                if (!accepted.Succeeded)
                    Logger.LogWarning("Invitation not accepted at sign-in for {Email}: {Reason}", email.Value, accepted.Error!.Message);
                Navigation.NavigateTo("/");
                return;
            }
            Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl));
        }
        else if (result.RequiresTwoFactor)
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(AuthPaths.LoginTwoFactor, new Dictionary<string, object?>
            {
                ["ReturnUrl"] = _invitation is null ? LocalUrl.OrHome(ReturnUrl) : "/", ["rememberMe"] = Input.RememberMe,
                ["invitation"] = _invitation is null ? null : InvitationToken,
            }));
        }
        else if (result.IsLockedOut)
        {
            // Locked by too many wrong two-factor codes: the same words as the throttle, so nothing tells the two apart.
            Logger.LogWarning("Sign-in refused for locked account {Email}", email.Value);
            var end = await Users.FindByEmailAsync(email.Value) is { } locked ? await Users.GetLockoutEndDateAsync(locked) : null;
            _errors.Show(Error.Forbidden(SignInThrottle.Message(end is { } until ? until - Clock.GetUtcNow() : SignInThrottle.LockoutTime)));
        }
        else
        {
            Throttle.Failed(client, email.Value);
            Logger.LogInformation("Failed sign-in for {Email} from {Client}", email.Value, client);
            _errors.Show(Throttle.LockedFor(client, email.Value) is { } locked
                ? Error.Forbidden(SignInThrottle.Message(locked))
                : Error.Invalid("The email or password is incorrect."));
        }
    }

    private sealed class LoginInput
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
    }
}
