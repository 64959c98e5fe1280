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
        // Statistics let SQLite pick the narrower index when a list has several filters: without them it guessed
        // wrong for Users filtered by role and sorted by status, 3.5 times slower at 10,000 members (Dashboard.Benchmarks).
        // The analysis limit samples enough rows for true figures at these sizes and keeps this to ~150 ms however
        // large the file grows; optimize only re-analyses a table once it has changed a lot.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=20000; PRAGMA optimize=0x10002;", ct);
    }
}
