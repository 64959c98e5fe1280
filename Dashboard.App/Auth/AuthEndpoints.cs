using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.App.Auth;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an antiforgery token, so a link elsewhere cannot sign a person out. It ends the
        // session on the server too: a new security stamp makes a copied cookie worthless, and the person's open
        // pages and hub connections close.
        endpoints.MapPost(AuthPaths.Logout, async (SignInManager<Account> signIn, HttpContext http, MembershipChanges changes) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } account)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(account);
                changes.Announce(account.Id);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect($"~{AuthPaths.Login}?signedOut=true");
        }).RequireAuthorization();

        SignInRefresh.MapSignInRefresh(endpoints);
        return endpoints;
    }
}
