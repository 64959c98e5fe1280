using Dashboard.Domain.Persistence;

namespace Dashboard.App.Operations;

/// <summary>
/// Which database the app runs on, by configuration alone: <c>Dashboard:Database:Provider</c> = <c>Sqlite</c> (the
/// default: one file in the data folder) or <c>Postgres</c>, which needs <c>ConnectionStrings:Dashboard</c>.
/// </summary>
public static class DatabaseSettings
{
    public const string ProviderKey = "Dashboard:Database:Provider";
    public const string ConnectionStringName = "Dashboard";

    public static DatabaseConnection Resolve(IConfiguration configuration, DataFolder dataFolder)
    {
        var provider = configuration[ProviderKey];
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
            return DatabaseConnection.SqliteFile(dataFolder.DatabasePath);
        if (!provider.Equals(nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            && !provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{ProviderKey} is \"{provider}\": use Sqlite (the default) or Postgres.");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"{ProviderKey} is Postgres, so ConnectionStrings:{ConnectionStringName} must name the "
                                                + "database, e.g. \"Host=db.internal;Database=dashboard;Username=dashboard;Password=…\".");
        return DatabaseConnection.Postgres(connectionString);
    }
}
