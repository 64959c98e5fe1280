using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace Dashboard.App.Auth;

public partial class SecurityPage
{
    [SupplyParameterFromQuery(Name = "passwordChanged")]
    private bool PasswordChanged { get; set; }

    private bool _loading = true;
    private bool _enabled;
    private int _recoveryLeft;
    private string? _key;
    private string? _qrDataUri;
    private string? _code;
    private string? _error;
    private IReadOnlyList<string>? _recoveryCodes;
    private IReadOnlyList<string> _blocked = [];

    protected override async Task OnInitializedAsync()
    {
        var account = await AccountAsync();
        if (account is null) return;
        _blocked = await Memberships.BlockedByTwoFactorAsync(account.Id);
        _enabled = await Users.GetTwoFactorEnabledAsync(account);
        _recoveryLeft = await Users.CountRecoveryCodesAsync(account);
        // Right after turning it on (the sign-in was refreshed on the way here) the codes are made and shown, once.
        if (_enabled && _recoveryLeft == 0 && RendererInfo.IsInteractive)
        {
            _recoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))!.ToList();
            _recoveryLeft = _recoveryCodes.Count;
        }
        _loading = false;
    }

    private async Task<Account?> AccountAsync() =>
        await CurrentActor.GetAccountIdAsync() is { } id ? await Users.FindByIdAsync(id.ToString()) : null;

    private async Task StartAsync()
    {
        var account = (await AccountAsync())!;
        var key = await Users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(account);
            key = await Users.GetAuthenticatorKeyAsync(account);
        }
        _key = key!;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Workspace Dashboard")}:{Uri.EscapeDataString(account.Email!)}?secret={_key}&issuer={Uri.EscapeDataString("Workspace Dashboard")}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        _qrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private async Task VerifyAsync()
    {
        var code = (_code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            _error = "Enter the six digits your app shows for Workspace Dashboard.";
            return;
        }
        var account = (await AccountAsync())!;
        if (!await Users.VerifyTwoFactorTokenAsync(account, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            _error = "That code is not right. Check that the phone's clock is correct and enter the code shown now.";
            return;
        }
        Changes.Record(Db, account.Id); // saved by Identity with the setting
        await Users.SetTwoFactorEnabledAsync(account, true);
        Changes.Announce(account.Id);
        // Turning it on renews the account's security stamp, which ends every other session; this browser's
        // cookie is renewed to match before coming back.
        Navigation.NavigateTo(Refresh.UrlFor(account, "/account/security"), forceLoad: true);
    }

    private async Task NewRecoveryCodesAsync()
    {
        var account = (await AccountAsync())!;
        _recoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))!.ToList();
        _recoveryLeft = _recoveryCodes.Count;
    }

    private async Task TurnOffAsync()
    {
        var account = (await AccountAsync())!;
        Changes.Record(Db, account.Id); // saved by Identity with the setting
        await Users.SetTwoFactorEnabledAsync(account, false);
        await Users.ResetAuthenticatorKeyAsync(account);
        Changes.Announce(account.Id);
        Navigation.NavigateTo(Refresh.UrlFor(account, "/account/security"), forceLoad: true);
    }

    private static string FormatKey(string key) => string.Join(" ", key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}
