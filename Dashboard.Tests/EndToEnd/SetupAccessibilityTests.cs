using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The set-up page exists only before the first account, so it is checked on an app of its own: as it opens and as it
/// refuses an empty form, light and dark, with no serious or critical WCAG 2.1 A/AA violation.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class SetupAccessibilityTests : BrowserJourney
{
    [BrowserFact]
    public async Task TheSetUpPage_HasNoSeriousViolations_LightAndDark_EvenWithItsErrorsShown()
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await Session.NewPageAsync();
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync("/setup");
            await page.Locator("form").First.WaitForAsync();
            var found = await AccessibilityTests.ViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account and workspace" }).ClickAsync();
            await page.Locator("form").First.WaitForAsync();
            found.AddRange(await AccessibilityTests.ViolationsAsync(page));
            await BrowserSession.ScreenshotAsync(page, $"setup-refused-{scheme.ToString().ToLowerInvariant()}");
            Assert.True(found.Count == 0, $"{scheme} theme:\n" + string.Join("\n", found));
        }
    }
}
