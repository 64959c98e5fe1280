using Microsoft.AspNetCore.Hosting;
using Dashboard.App.Auth;
using Dashboard.Domain.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Support;

/// <summary>
/// The real app on its own fresh data folder, deleted when the factory is disposed; on PostgreSQL, also on its own
/// empty database on the test run's server, dropped at the end.
/// </summary>
public sealed class DashboardAppFactory : WebApplicationFactory<Program>
{
    private string? _postgresDatabase;
    /// <summary>The node whose data folder and database this one shares; it owns them and removes them.</summary>
    private readonly DashboardAppFactory? _firstNode;

    public DashboardAppFactory() { }

    private DashboardAppFactory(DashboardAppFactory firstNode)
    {
        _firstNode = firstNode;
        Provider = firstNode.Provider;
        DataFolder = firstNode.DataFolder;
    }

    /// <summary>Another node of the same installation: the same data folder and database, its own process state.</summary>
    public DashboardAppFactory SecondNode()
    {
        _ = Services; // the first node creates the database and migrates it
        return new DashboardAppFactory(this);
    }

    /// <summary>Which database the app runs on; set before the first request.</summary>
    public DatabaseProvider Provider { get; init; } = TestDatabase.DefaultProvider;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Confirmation links and sign-up notices the app mailed.</summary>
    public MailOutbox Mail { get; } = new();

    /// <summary>Every SQL command the app sends, for budgets of what one page costs.</summary>
    public SqlCommandCounter Sql { get; } = new();

    /// <summary>Every Error-level entry the app logged.</summary>
    public ErrorLog Errors { get; } = new();

    /// <summary>Settings the app starts with, such as <c>Dashboard:Dns:Resolver</c>; set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(Dashboard.App.Operations.DataFolder.EnvironmentVariable, DataFolder);
        if (Provider == DatabaseProvider.Postgres)
        {
            // The host is built synchronously; the server and a database are made once, before it.
            _postgresDatabase ??= _firstNode?._postgresDatabase ?? PostgresServer.GetAsync().GetAwaiter().GetResult().CreateEmptyDatabaseAsync().GetAwaiter().GetResult();
            builder.UseSetting(Dashboard.App.Operations.DatabaseSettings.ProviderKey, nameof(DatabaseProvider.Postgres));
            builder.UseSetting($"ConnectionStrings:{Dashboard.App.Operations.DatabaseSettings.ConnectionStringName}", _postgresDatabase);
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IAccountMailer>(Mail);
            services.AddSingleton<IStartupFilter, LoopbackClient>();
            services.ConfigureDbContext<DashboardDbContext>(options => options.AddInterceptors(Sql));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_firstNode is not null) return;
        if (_postgresDatabase is not null) await (await PostgresServer.GetAsync()).DropDatabaseAsync(_postgresDatabase);
        // SQLite pools connections; release them so the folder can be deleted.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// The test server leaves the client address empty; Kestrel would give a local client's. Set first, so forwarded
    /// headers and the sign-in limits see what they would see on a real server.
    /// </summary>
    private sealed class LoopbackClient : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
