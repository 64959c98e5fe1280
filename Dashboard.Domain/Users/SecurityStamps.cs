using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

/// <summary>
/// Ends every session of an account: the app checks a cookie's security stamp on each request, so a new stamp
/// makes every cookie issued before it worthless. For writes that do not go through Identity's UserManager.
/// </summary>
internal static class SecurityStamps
{
    /// <summary>Renews the stamp on the tracked account (saved with the caller's change).</summary>
    public static async Task RenewAsync(DashboardDbContext db, Guid accountId, CancellationToken ct)
    {
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is not null) Renew(account);
    }

    public static void Renew(Account account)
    {
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
