using Microsoft.Playwright;

namespace Dashboard.Benchmarks.Harness;

/// <summary>Debian's Chromium, started the way the browser tests start it.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions Options => new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ],
    };
}
