using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Domain.Persistence;

/// <summary>Brings the database up to the current schema at start-up, with the real migrations of its provider.</summary>
public static partial class DatabaseInitializer
{
    /// <summary>Where the script of every migration is kept: <c>dotnet ef migrations script</c>, checked by MigrationTests.</summary>
    public const string FreshDatabaseScript = "FreshDatabase.sql";

    public static async Task MigrateAsync(IDbContextFactory<DashboardDbContext> factory, CancellationToken ct = default)
    {
        DatabaseConnection database;
        await using (var db = await factory.CreateDbContextAsync(ct))
            database = new(db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, db.Database.GetConnectionString()!);
        await MigrateAsync(database, factory, ct);
    }

    public static async Task MigrateAsync(DatabaseConnection database, IDbContextFactory<DashboardDbContext> factory, CancellationToken ct = default)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await MigratePostgresAsync(db, ct);
            return;
        }
        // Start-up reads the file with plain commands on a plain connection: EF Core's services, query pipeline and
        // migrator each cost a first start tens to hundreds of milliseconds to build, and on a file that is up to date
        // there is nothing for them to do.
        var script = await ReadFreshDatabaseScriptAsync();
        bool upToDate;
        await using (var connection = database.CreatePlainConnection())
        {
            await connection.OpenAsync(ct);
            // A brand-new file gets every migration as one script, history rows included: EF Core would build the model
            // of each migration in turn to apply it, half a second of a first start.
            if (await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master", ct) == 0)
            {
                // WAL first: each of the script's transactions then commits with one write to the log, not three to the file.
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", ct);
                await ExecuteAsync(connection, script, ct);
            }
            // The script holds every migration of this build (MigrationTests sees to it), so a file missing one of its
            // history rows is older than this build: an upgrade, which EF Core's migrator applies.
            var applied = await AppliedMigrationsAsync(connection, ct);
            upToDate = ScriptMigrations(script).All(applied.Contains);
        }
        if (!upToDate)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Database.MigrateAsync(ct);
        }
        await using var tuned = database.CreatePlainConnection();
        await tuned.OpenAsync(ct);
        // WAL lets the live Activity Center read while workers write; the mode is stored in the file itself.
        await ExecuteAsync(tuned, "PRAGMA journal_mode=WAL;", ct);
        // Statistics let SQLite pick the narrower index when a list has several filters: without them it guessed
        // wrong for Users filtered by role and sorted by status, 3.5 times slower at 10,000 members (Dashboard.Benchmarks).
        // The analysis limit samples enough rows for true figures at these sizes and keeps this to ~150 ms however
        // large the file grows; optimize only re-analyses a table once it has changed a lot.
        await ExecuteAsync(tuned, "PRAGMA analysis_limit=20000; PRAGMA optimize=0x10002;", ct);
    }

    /// <summary>The migrations whose history rows the fresh-database script inserts, in order.</summary>
    internal static IEnumerable<string> ScriptMigrations(string script) =>
        HistoryRow().Matches(script).Select(m => m.Groups["id"].Value);

    [GeneratedRegex("""INSERT INTO "__EFMigrationsHistory" \("MigrationId", "ProductVersion"\)\s*VALUES \('(?<id>[^']+)'""")]
    private static partial Regex HistoryRow();

    /// <summary>
    /// Several nodes may start at once. Each takes one session-wide advisory lock before migrating, so one node applies
    /// what is pending while the others wait, then find nothing left to do. (EF Core's own lock is held per migration
    /// transaction: two nodes starting together on an empty database both applied a migration.)
    /// </summary>
    private static async Task MigratePostgresAsync(DashboardDbContext db, CancellationToken ct)
    {
        await using var holder = new NpgsqlConnection(db.Database.GetConnectionString());
        await holder.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", holder))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", holder);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The advisory lock's number: any fixed value no other program on the database uses ("dashmigr").</summary>
    private const long MigrationLockKey = 0x646173686d696772;

    private static async Task<HashSet<string>> AppliedMigrationsAsync(DbConnection connection, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'", ct) == 0)
            return applied;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        return applied;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<string> ReadFreshDatabaseScriptAsync()
    {
        await using var stream = typeof(DatabaseInitializer).Assembly.GetManifestResourceStream(FreshDatabaseScript)
                                 ?? throw new InvalidOperationException($"{FreshDatabaseScript} is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
