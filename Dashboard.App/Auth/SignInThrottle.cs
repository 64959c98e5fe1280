using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.App.Auth;

/// <summary>
/// Account lockout keyed on the client address and the address typed, instead of Identity's per-account lockout:
/// with that, anyone could lock every account out by failing five times on each; with this, a client that guesses
/// locks only itself out of that account. It answers the same for an address with no account, so lockout reveals
/// nothing. Kept in memory: a restart forgets it, which the per-address rate limit in front of it bounds.
/// </summary>
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(5);

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    /// <summary>How long this client must still wait before trying <paramref name="email"/> again; null when it may try.</summary>
    public TimeSpan? LockedFor(string client, string email) =>
        cache.TryGetValue(Key(client, email), out Failures? failures) && failures!.LockedUntil is { } until && until > clock.GetUtcNow()
            ? until - clock.GetUtcNow()
            : null;

    public void Failed(string client, string email)
    {
        var failures = cache.GetOrCreate(Key(client, email), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = LockoutTime * 3;
            return new Failures();
        })!;
        lock (failures)
        {
            if (failures.LockedUntil is { } until && until <= clock.GetUtcNow())
                (failures.Count, failures.LockedUntil) = (0, null);
            if (++failures.Count >= MaxFailures) failures.LockedUntil = clock.GetUtcNow() + LockoutTime;
        }
    }

    public void Succeeded(string client, string email) => cache.Remove(Key(client, email));

    public static string Message(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return $"Too many failed attempts to sign in with this address from your network. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
    }

    private static string Key(string client, string email) => $"sign-in:{client}:{email.Trim().ToUpperInvariant()}";
}
