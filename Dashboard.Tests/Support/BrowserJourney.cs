using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// A journey a person takes in the browser: the app on a real port and a headless Chromium, started for each test and
/// stopped after it. Derived classes carry <c>[Collection(EndToEndCollection.Name)]</c> so journeys run one at a time.
/// </summary>
public abstract class BrowserJourney : IAsyncLifetime
{
    protected BrowserSession Session { get; private set; } = default!;

    /// <summary>Settings the app needs before it starts (a DNS resolver, say); none by default.</summary>
    protected virtual void ConfigureApp(DashboardAppFactory app) { }

    public virtual async Task InitializeAsync() => Session = await BrowserSession.StartAsync(ConfigureApp);

    public virtual async Task DisposeAsync()
    {
        // Null when a journey that needs more than a browser skipped its start.
        if (Session is not null) await Session.DisposeAsync();
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
