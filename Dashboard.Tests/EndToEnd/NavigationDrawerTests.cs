using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The navigation drawer is plain markup in MudBlazor's look: beside the page on a wide screen, over it on a narrow one,
/// and out of the keyboard's way when closed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class NavigationDrawerTests : BrowserJourney
{
    [BrowserFact]
    public Task TheDrawer_SitsBesideTheWidePage_AndOverTheNarrowOne() => Session.JourneyAsync(async () =>
    {
        var admin = await Session.SetUpAsync();
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync(Session.BaseUrl + "/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide navigation" });
        var projectsLink = page.Locator("#main-navigation").GetByRole(AriaRole.Link, new() { Name = "Projects" });

        // Wide: open beside the page; closed, its links leave the keyboard's path.
        await Expect(projectsLink).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#main-navigation")).ToHaveAttributeAsync("inert", "");
        await toggle.ClickAsync();
        await Expect(projectsLink).ToBeVisibleAsync();

        // Narrow: hidden at first; the toggle lays it over the page, and following a link closes it.
        await page.SetViewportSizeAsync(800, 700);
        await page.ReloadAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(projectsLink).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(projectsLink).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-drawer-overlay")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "navigation-drawer-narrow-open");
        await projectsLink.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Session.BaseUrl + "/projects");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator(".mud-drawer-overlay")).ToHaveCountAsync(0);
    });
}
