using System.Net;
using System.Text.Json;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration;

/// <summary>/healthz as a load balancer and an operator read it: one entry per dependency, 503 when one fails.</summary>
public class HealthTests : IAsyncLifetime
{
    private readonly DashboardAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client() => _factory.CreateClient();

    [Fact]
    public async Task Healthz_ReportsEachDependency_AndIs200WhenAllAnswer()
    {
        var response = await Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_WhenTheStorageFolderTakesNoFile_Is503_AndSaysWhichDependency_WithoutItsPath()
    {
        await Client().GetAsync("/healthz");
        // A file where the uploads' folder should be: nothing can be written under it.
        var staging = Path.Combine(_factory.DataFolder, "staging");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        await File.WriteAllTextAsync(staging, "not a folder");

        var response = await Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var report = JsonDocument.Parse(body);
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain(_factory.DataFolder, body, StringComparison.Ordinal);
    }
}
