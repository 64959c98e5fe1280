using Dashboard.Domain.Access;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class SecurityJourneyTests : BrowserJourney
{
    [BrowserFact]
    public Task AnAdminTurnsOnTwoFactor_SignsInWithACode_AndRequiresIt_SoAMemberWithoutItIsSentToSetUp() =>
        Session.JourneyAsync(AnAdminTurnsOnTwoFactor_SignsInWithACode_AndRequiresIt_SoAMemberWithoutItIsSentToSetUpJourneyAsync);

    private async Task AnAdminTurnsOnTwoFactor_SignsInWithACode_AndRequiresIt_SoAMemberWithoutItIsSentToSetUpJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var max = await Session.AddMemberAsync("max@acme.example", "Max Member", WorkspaceRole.Member);

        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/account/security");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=two-factor-start]").ClickAsync();
        var key = await page.Locator("[data-testid=two-factor-key]").TextContentAsync();
        await Expect(page.Locator("[data-testid=two-factor-qr]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=two-factor-code]").FillAsync("123");
        await page.Locator("[data-testid=two-factor-verify]").ClickAsync();
        await Expect(page.GetByText("Enter the six digits your app shows for Workspace Dashboard.")).ToBeVisibleAsync();
        var setUpAt = DateTimeOffset.UtcNow;
        await page.Locator("[data-testid=two-factor-code]").FillAsync(Totp.Code(key!, setUpAt));
        await page.Locator("[data-testid=two-factor-verify]").ClickAsync();
        await Expect(page.Locator("[data-testid=two-factor-on]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=recovery-codes]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "two-factor-on");

        // Signing in now takes a code.
        var again = await Session.NewPageAsync();
        await again.GotoAsync("/account/login");
        await again.FillAsync("#email", admin);
        await again.FillAsync("#password", BrowserSession.Password);
        await again.ClickAsync("button[type=submit]");
        await again.WaitForURLAsync("**/account/login-2fa**");
        await again.FillAsync("#code", "000000");
        await again.ClickAsync("button[type=submit]");
        await Expect(again.Locator(".plain-field-error, .validation-message").First).ToContainTextAsync("That code is not right");
        // The code that turned it on is spent; a replay is refused, and the app's next code works.
        await again.FillAsync("#code", Totp.Code(key!, setUpAt));
        await again.ClickAsync("button[type=submit]");
        await Expect(again.Locator(".plain-field-error, .validation-message").First).ToContainTextAsync("That code is not right");
        await again.FillAsync("#code", Totp.Code(key!, setUpAt.AddSeconds(30)));
        await again.ClickAsync("button[type=submit]");
        await again.WaitForURLAsync(Session.BaseUrl + "/");
        await BrowserSession.WaitForInteractiveAsync(again);
        await Expect(again.Locator("[data-testid=home-role]")).ToHaveTextAsync("Admin");

        // The Admin requires it for the workspace...
        await again.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(again);
        await again.Locator("[data-testid=require-two-factor]").CheckAsync();
        await Expect(again.Locator(".mud-snackbar")).ToContainTextAsync("Two-factor sign-in is now required");
        await BrowserSession.ScreenshotAsync(again, "security-settings");

        // ...so Max, who has not set it up, is sent to set-up and cannot reach the workspace.
        var maxPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(maxPage, max);
        await maxPage.WaitForURLAsync("**/account/security");
        await Expect(maxPage.Locator("[data-testid=two-factor-required]")).ToContainTextAsync("Acme Vision requires two-factor sign-in.");
        await maxPage.GotoAsync("/settings/users");
        await maxPage.WaitForURLAsync("**/account/security");
        await BrowserSession.ScreenshotAsync(maxPage, "two-factor-required");

        // The audit log recorded the change.
        await again.GotoAsync("/settings/audit");
        await BrowserSession.WaitForInteractiveAsync(again);
        await Expect(again.Locator("[data-testid=audit-grid]")).ToContainTextAsync("security.changed");
    }

    [BrowserFact]
    public Task RequiringTwoFactor_WithoutItOnOnesOwnAccount_IsRefused_AndTheSwitchShowsItOff() =>
        Session.JourneyAsync(RequiringTwoFactor_WithoutItOnOnesOwnAccount_IsRefused_AndTheSwitchShowsItOffJourneyAsync);

    private async Task RequiringTwoFactor_WithoutItOnOnesOwnAccount_IsRefused_AndTheSwitchShowsItOffJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);

        var requireIt = page.Locator("[data-testid=require-two-factor]");
        await requireIt.ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Turn on two-factor sign-in for your own account first");
        // The setting is still off, and so is the switch: an Admin must not believe it is enforced.
        await Expect(requireIt).Not.ToBeCheckedAsync();
        await Expect(requireIt).ToHaveAttributeAsync("aria-checked", "false");
        await BrowserSession.ScreenshotAsync(page, "security-require-refused");
        await page.ReloadAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=require-two-factor]")).Not.ToBeCheckedAsync();
    }
}
