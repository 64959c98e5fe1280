using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.App.Auth;

internal static class AuthEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so a link elsewhere cannot sign a person out.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AuthPaths.Logout, async (SignInManager<Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect($"~{AuthPaths.Login}?signedOut=true");
        }).RequireAuthorization();

        // After a change that renews the security stamp (two-factor on or off), the cookie is re-issued so the
        // person stays signed in; the circuit cannot set cookies itself.
        endpoints.MapGet(AuthPaths.RefreshSignIn, async (string? returnUrl, SignInManager<Account> signIn, HttpContext http) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } account)
                await signIn.RefreshSignInAsync(account);
            return TypedResults.LocalRedirect("~" + LocalUrl.OrHome(returnUrl));
        }).RequireAuthorization();
        return endpoints;
    }
}
