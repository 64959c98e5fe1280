using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.App.Auth;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an antiforgery token, so a link elsewhere cannot sign a person out. It ends the
        // session on the server too: a new security stamp makes a copied cookie worthless, and the person's open
        // pages and hub connections close.
        endpoints.MapPost(AuthPaths.Logout, async (SignInManager<Account> signIn, HttpContext http, MembershipChanges changes,
            IAntiforgery antiforgery, Dashboard.Domain.Persistence.DashboardDbContext db) =>
        {
            // Minimal APIs check the token only for bound form fields, and this endpoint binds none: check it here.
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                    detail: "Sign out from the account menu of a page of this app: this request did not come from one.");
            if (await signIn.UserManager.GetUserAsync(http.User) is { } account)
            {
                changes.Record(db, account.Id); // saved by Identity with the new stamp
                await signIn.UserManager.UpdateSecurityStampAsync(account);
                changes.Announce(account.Id);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect($"~{AuthPaths.Login}?signedOut=true");
        }).RequireAuthorization();

        SignInRefresh.MapSignInRefresh(endpoints);
        return endpoints;
    }
}
