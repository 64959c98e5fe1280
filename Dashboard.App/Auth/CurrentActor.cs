using System.Security.Claims;
using Dashboard.Domain.Access;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.App.Auth;

/// <summary>
/// The signed-in person as a member of their current workspace. A page, its layout and the workspace switcher all
/// ask at once when a page opens; they share one read. A later action (a click, a live event) reads afresh, so a
/// removal or role change shows at the person's next step — and every write checks the actor again inside its own
/// transaction whatever a page was shown (Domain/Access/ActingContext).
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, MembershipService memberships, TimeProvider clock)
{
    /// <summary>How long one read serves the callers of one render: long enough for a page and its layout.</summary>
    private static readonly TimeSpan SharedFor = TimeSpan.FromSeconds(1);

    private Task<Actor?>? _read;
    private long _readAt;

    public async Task<Guid?> GetAccountIdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Guid.TryParse(state.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    /// <summary>The actor, or null when nobody is signed in or the person belongs to no workspace.</summary>
    public Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        // A faulted or cancelled read is not shared: the next caller tries again.
        if (_read is { IsFaulted: false, IsCanceled: false } read && clock.GetElapsedTime(_readAt) < SharedFor) return read;
        _readAt = clock.GetTimestamp();
        return _read = ReadAsync(ct);
    }

    private async Task<Actor?> ReadAsync(CancellationToken ct) =>
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
