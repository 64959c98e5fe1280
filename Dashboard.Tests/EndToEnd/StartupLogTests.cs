using Dashboard.Tests.Support;

namespace Dashboard.Tests.EndToEnd;

/// <summary>What a newcomer sees in the log of a fresh install's first start: nothing to decode, no warning.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class StartupLogTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [BrowserFact]
    public async Task AFreshInstallsFirstStart_LogsNoWarningOrError_AndSaysWhereTheKeysAre()
    {
        await _app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_app.Port}") };
        await http.GetAsync("/setup");
        await Task.Delay(500);

        var log = _app.Output.ToList();
        // Development's console format starts each entry with its level: "warn:", "fail:", "crit:".
        Assert.DoesNotContain(log, line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
                                           || line.StartsWith("crit:", StringComparison.Ordinal));
        Assert.Contains(log, line => line.Contains("keys are kept unencrypted in the database", StringComparison.Ordinal));
    }
}
