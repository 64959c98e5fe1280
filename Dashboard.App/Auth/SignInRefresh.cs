using System.Security.Claims;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Auth;

/// <summary>
/// Keeps this browser signed in after a change that renews the account's security stamp (password, two-factor),
/// while every other session of the account ends. The cookie is checked against the stamp on every request, so
/// after the change it is refused even here; the circuit, which cannot set cookies, hands the browser a ticket
/// that lives one minute and names the account and its new stamp, and this endpoint re-issues the cookie for it —
/// only to the browser whose (now stale) cookie names the same account.
/// </summary>
public sealed class SignInRefresh(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Dashboard.SignInRefresh").ToTimeLimitedDataProtector();

    /// <summary>Where the circuit sends the browser (forceLoad) once the account's stamp has changed.</summary>
    public string UrlFor(Account account, string returnUrl) =>
        $"{AuthPaths.RefreshSignIn}?ticket={Uri.EscapeDataString(_protector.Protect($"{account.Id:N}|{account.SecurityStamp}", Lifetime))}"
        + $"&returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}";

    public static IEndpointRouteBuilder MapSignInRefresh(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AuthPaths.RefreshSignIn, async (string? ticket, string? returnUrl, HttpContext http, SignInRefresh refresh,
            SignInManager<Account> signIn, IOptionsMonitor<CookieAuthenticationOptions> cookies) =>
        {
            // Without a good ticket nothing is re-issued; the browser goes where it was going (or Home), and a
            // stale cookie is sent on to sign-in from there.
            var onward = TypedResults.LocalRedirect("~" + LocalUrl.OrHome(returnUrl));
            if (refresh.Read(ticket) is not var (accountId, stamp)) return onward;
            // The browser's own cookie, read without the stamp check: it must name the same account.
            var options = cookies.Get(IdentityConstants.ApplicationScheme);
            var cookie = options.CookieManager.GetRequestCookie(http, options.Cookie.Name!);
            var previous = cookie is null ? null : options.TicketDataFormat.Unprotect(cookie);
            if (previous?.Principal.FindFirstValue(ClaimTypes.NameIdentifier) != accountId.ToString()) return onward;

            var account = await signIn.UserManager.FindByIdAsync(accountId.ToString());
            if (account is null || account.SecurityStamp != stamp) return onward;
            await signIn.SignInAsync(account, previous.Properties.IsPersistent);
            return TypedResults.LocalRedirect("~" + LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }

    private (Guid AccountId, string Stamp)? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket)) return null;
        try
        {
            var parts = _protector.Unprotect(ticket).Split('|', 2);
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) ? (id, parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
