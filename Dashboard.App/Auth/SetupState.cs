using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Auth;

/// <summary>
/// Whether the installation still needs its first account. Once set up it stays set up, so after the first
/// "yes" no request pays for the check again.
/// </summary>
public sealed class SetupState(IDbContextFactory<DashboardDbContext> factory)
{
    private volatile bool _complete;

    public async Task<bool> IsCompleteAsync(CancellationToken ct = default)
    {
        if (_complete) return true;
        await using var db = await factory.CreateDbContextAsync(ct);
        return _complete = await db.Users.AnyAsync(ct);
    }
}
