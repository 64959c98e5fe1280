using System.Security.Claims;
using Dashboard.Domain.Access;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.App.Auth;

/// <summary>
/// The signed-in person as a member of their current workspace, read fresh on each call so that a removal or
/// role change applies to the very next action of an open circuit.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, MembershipService memberships)
{
    public async Task<Guid?> GetAccountIdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Guid.TryParse(state.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    /// <summary>The actor, or null when nobody is signed in or the person belongs to no workspace.</summary>
    public async Task<Actor?> GetAsync(CancellationToken ct = default) =>
        await GetAccountIdAsync() is { } accountId ? await memberships.GetActorAsync(accountId, ct) : null;
}

/// <summary>The actor behind a plain HTTP request (downloads, exports), where Blazor's authentication state does not exist.</summary>
public static class HttpActor
{
    public static async Task<Actor?> GetAsync(HttpContext http) =>
        Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId)
            ? await http.RequestServices.GetRequiredService<MembershipService>().GetActorAsync(accountId, http.RequestAborted)
            : null;
}
