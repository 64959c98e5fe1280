using Dashboard.App.Operations;
using Dashboard.Domain.Persistence;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.App.Operations;

/// <summary>Which database the app runs on is configuration alone; a setting that cannot work stops the start and says why.</summary>
public class DatabaseSettingsTests
{
    private static readonly DataFolder Folder = new("/srv/dashboard", "/srv/dashboard");

    private static DatabaseConnection Resolve(params (string Key, string Value)[] settings) =>
        DatabaseSettings.Resolve(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), Folder);

    [Fact]
    public void NothingSet_IsTheSqliteFileInTheDataFolder()
    {
        var database = Resolve();

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Contains("/srv/dashboard/dashboard.db", database.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_TakesTheNamedConnectionString_AndNeverLogsItsPassword()
    {
        var database = Resolve(("Dashboard:Database:Provider", "postgres"),
            ("ConnectionStrings:Dashboard", "Host=db.internal;Database=dashboard;Username=dashboard;Password=s3cret"));

        Assert.Equal(DatabaseProvider.Postgres, database.Provider);
        Assert.DoesNotContain("s3cret", database.ToString(), StringComparison.Ordinal);
        Assert.Contains("db.internal", database.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithoutAConnectionString_StopsTheStart_NamingTheSetting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Resolve(("Dashboard:Database:Provider", "Postgres")));

        Assert.Contains("ConnectionStrings:Dashboard", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProvider_StopsTheStart_NamingTheChoices()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Resolve(("Dashboard:Database:Provider", "mysql")));

        Assert.Contains("use Sqlite (the default) or Postgres", refused.Message, StringComparison.Ordinal);
    }
}
