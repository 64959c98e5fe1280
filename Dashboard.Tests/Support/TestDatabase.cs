using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real SQLite database in memory, built by the real migrations, kept alive by one open connection for the
/// test's lifetime. Hands out a fresh context per operation, as the app's factory does.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<DashboardDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private TestDatabase(SqliteConnection connection) => _connection = connection;

    public static async Task<TestDatabase> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new TestDatabase(connection);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>The one open connection; a DI-registered context must use it to see the same database.</summary>
    public SqliteConnection Connection => _connection;

    public DbContextOptions<DashboardDbContext> Options =>
        new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(_connection).Options;

    public DashboardDbContext CreateDbContext() => new(Options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
