namespace Dashboard.Domain.Workspaces;

/// <summary>
/// Announces, inside this process, that an account's membership changed (removed, role changed, joined), so
/// the person's open pages can reload at once instead of acting on what they read earlier.
/// </summary>
public sealed class MembershipChanges
{
    public event Action<Guid>? AccountChanged;

    public void Announce(Guid? accountId)
    {
        if (accountId is { } id) AccountChanged?.Invoke(id);
    }
}
