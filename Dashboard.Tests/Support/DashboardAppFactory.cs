using Dashboard.App.Operations;
using Microsoft.AspNetCore.Hosting;
using Dashboard.App.Auth;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Support;

/// <summary>The real app on its own fresh data folder, deleted when the factory is disposed.</summary>
public sealed class DashboardAppFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Confirmation links and sign-up notices the app mailed.</summary>
    public MailOutbox Mail { get; } = new();

    /// <summary>Settings the app starts with, such as <c>Dashboard:Dns:Resolver</c>; set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(Dashboard.App.Operations.DataFolder.EnvironmentVariable, DataFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(services => services.AddSingleton<IAccountMailer>(Mail));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // SQLite pools connections; release them so the folder can be deleted.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
