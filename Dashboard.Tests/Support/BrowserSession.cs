using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// The real app on a real Kestrel port, driven by Debian's headless Chromium through Playwright. Screenshots
/// go to TestResults/screenshots so a person can look at what the tests saw.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserSession(DashboardAppFactory app) => App = app;

    public DashboardAppFactory App { get; }
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots");

    public static async Task<BrowserSession> StartAsync()
    {
        var session = new BrowserSession(new DashboardAppFactory());
        session.App.UseKestrel(0);
        session.App.StartServer();
        session.BaseUrl = session.App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return session;
    }

    /// <summary>A fresh browser profile (its own cookies), as a second person on another machine would have.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Waits until the interactive circuit has taken over the prerendered page.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
