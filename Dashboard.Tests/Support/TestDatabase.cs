using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real database built by the real migrations, handing out a fresh context per operation as the app's factory
/// does. On SQLite it lives in memory, kept alive by one open connection for the test's lifetime; on PostgreSQL it is
/// a database of its own on the test run's server (<see cref="PostgresServer"/>), dropped at the end.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<DashboardDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection? _connection;
    private readonly PostgresServer? _server;

    private TestDatabase(SqliteConnection connection)
    {
        _connection = connection;
        Provider = DatabaseProvider.Sqlite;
        Options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connection).Options;
    }

    private TestDatabase(PostgresServer server, DatabaseConnection database)
    {
        _server = server;
        Provider = DatabaseProvider.Postgres;
        Database = database;
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        database.Configure(options);
        Options = options.Options;
    }

    /// <summary>SQLite unless DASHBOARD_TEST_DATABASE=Postgres, which runs a suite again on PostgreSQL (.ci/run does).</summary>
    public static DatabaseProvider DefaultProvider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("DASHBOARD_TEST_DATABASE"), true, out var p) ? p : DatabaseProvider.Sqlite;

    public static Task<TestDatabase> CreateAsync() => CreateAsync(DefaultProvider);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            return new TestDatabase(server, DatabaseConnection.Postgres(await server.CreateMigratedDatabaseAsync()));
        }
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new TestDatabase(connection);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The PostgreSQL database, for a second "node" with connections of its own; null on SQLite.</summary>
    public DatabaseConnection? Database { get; }

    /// <summary>The one open connection; a DI-registered context must use it to see the same database. SQLite only.</summary>
    public SqliteConnection Connection => _connection ?? throw new InvalidOperationException("A PostgreSQL test database has no single connection.");

    public DbContextOptions<DashboardDbContext> Options { get; }

    /// <summary>Points a DI-registered context at this database.</summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (_connection is not null) options.UseSqlite(_connection);
        else Database!.Configure(options);
    }

    public DashboardDbContext CreateDbContext() => new(Options);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        if (_server is not null) await _server.DropDatabaseAsync(Database!.ConnectionString);
    }
}
