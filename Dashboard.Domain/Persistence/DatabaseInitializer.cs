using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Persistence;

/// <summary>Brings a database file up to the current schema at start-up, with real migrations.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IDbContextFactory<DashboardDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // WAL lets the live Activity Center read while workers write; the mode is stored in the file itself.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
