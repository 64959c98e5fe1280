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
        return endpoints;
    }
}
