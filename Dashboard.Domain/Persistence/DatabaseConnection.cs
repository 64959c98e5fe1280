using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Domain.Persistence;

/// <summary>The database engines the dashboard runs on: one SQLite file by default, PostgreSQL for several nodes.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database the dashboard keeps its workspaces in, and how EF Core reaches it. Each provider has its own
/// migrations (EF Core's way for several providers): SQLite's are in this assembly, PostgreSQL's in
/// <see cref="PostgresMigrationsAssembly"/>, generated from the same model.
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string PostgresMigrationsAssembly = "Dashboard.Migrations.Postgres";

    /// <summary>
    /// One SQLite file. Default Timeout lets a writer wait for another (the import worker, a second circuit) instead
    /// of failing.
    /// </summary>
    public static DatabaseConnection SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path};Default Timeout=30");

    /// <summary>
    /// A PostgreSQL database. Unless the connection string says otherwise, Npgsql prepares the statements a node runs
    /// again and again (every list page is one), so PostgreSQL plans each once per connection rather than per call.
    /// </summary>
    public static DatabaseConnection Postgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        return new(DatabaseProvider.Postgres, builder.ConnectionString);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                // EF Core finds a compiled model only in the context's own assembly, whatever the provider: that one is
                // SQLite's, so PostgreSQL's (beside its migrations) is named here.
                options.UseModel(CompiledPostgresModel.Value);
                ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Postgres.CaseInsensitiveLikeExtension());
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {Provider}.");
        }
    }

    /// <summary>
    /// A connection of this provider, not yet open, for the few plain commands that run while the app starts (the schema
    /// check, the set-up check, the data-protection keys). EF Core is not involved: building its services and pipeline
    /// for a context cost a first start some 100 ms before the first page, and nothing there needs them.
    /// </summary>
    public DbConnection CreatePlainConnection() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
        DatabaseProvider.Postgres => new Npgsql.NpgsqlConnection(ConnectionString),
        _ => throw new InvalidOperationException($"Unknown database provider {Provider}."),
    };

    private static readonly Lazy<IModel> CompiledPostgresModel = new(() =>
    {
        var assembly = Assembly.Load(PostgresMigrationsAssembly);
        var modelType = assembly.GetCustomAttribute<DbContextModelAttribute>()?.ModelType
                        ?? throw new InvalidOperationException($"{PostgresMigrationsAssembly} holds no compiled model.");
        return (IModel)modelType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    });

    /// <summary>The connection string with any password masked, for logs and error messages.</summary>
    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? ConnectionString
        : new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString;
}
