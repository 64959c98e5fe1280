using System.Security.Claims;
using Dashboard.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Auth;

/// <summary>
/// Checks a cookie's security stamp against the account's on every request that can show or change anything:
/// sign-out, a password change or an operator command ends a session at once, not when the cookie expires.
/// Identity's own validator, asked to check every request, would read the whole account and its claims and issue a
/// new cookie each time; this reads the one column and leaves a valid cookie as it is.
/// </summary>
internal static class CookieStampCheck
{
    /// <summary>
    /// Blazor's own housekeeping requests: the list of script initialisers (the same for everyone) and the
    /// goodbye of a circuit being left. Neither shows nor changes anything of an account; the circuit's connection
    /// request itself is checked.
    /// </summary>
    private static readonly PathString[] Housekeeping = ["/_blazor/initializers", "/_blazor/disconnect"];

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var path = context.Request.Path;
        if (PublicFiles.Serves(path) || Housekeeping.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))) return;

        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal;
        var cookieStamp = principal?.FindFirstValue(stampClaim);
        if (Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId) && cookieStamp is not null)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>()
                .CreateDbContextAsync(context.HttpContext.RequestAborted);
            var accountStamp = await db.Users.Where(a => a.Id == accountId).Select(a => a.SecurityStamp)
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (accountStamp == cookieStamp) return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
