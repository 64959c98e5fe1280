using System.Net;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration;

/// <summary>What a crash left on disk goes once the app serves, without holding up its first page.</summary>
public class StartupCleanUpTests : IAsyncLifetime
{
    private readonly DashboardAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AnUploadFolderNoJobWaitsFor_IsClearedSoonAfterTheAppStarts()
    {
        var stray = Path.Combine(_factory.DataFolder, "staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stray);
        await File.WriteAllTextAsync(Path.Combine(stray, "0000_frame.png"), "half an upload");

        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/healthz")).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.Exists(stray) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.False(Directory.Exists(stray), "the abandoned upload's folder survived the start");
    }
}
