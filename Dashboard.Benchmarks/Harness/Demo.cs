using Microsoft.Playwright;

namespace Dashboard.Benchmarks.Harness;

/// <summary>The demo workspace the app seeds with <c>--demo</c>, and how a browser gets into it.</summary>
public static class Demo
{
    public const string Admin = "admin@acme-vision.example";
    public const string Password = "Acme-demo-lantern-orbit";
    public const string WorkspaceName = "Acme Vision (demo)";

    /// <summary>Signs the demo Admin in; every page opened later in <paramref name="context"/> shares the cookie.</summary>
    public static async Task SignInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", Admin);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await WaitUntilLiveAsync(page);
        await page.CloseAsync();
    }

    /// <summary>The layout marks the page once its circuit has taken over from the prerendered HTML.</summary>
    public static Task WaitUntilLiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
}
