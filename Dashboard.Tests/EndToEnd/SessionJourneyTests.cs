using Dashboard.Domain.Access;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>A signed-in browser follows the account: new workspace rules and a new password reach it at once.</summary>
[Collection(EndToEndCollection.Name)]
public class SessionJourneyTests : BrowserJourney
{
    /// <summary>An open page reacts when its workspace starts requiring two-factor: the next click leads to set-up.</summary>
    [BrowserFact]
    public Task AnOpenPage_WhenTwoFactorBecomesRequired_LeadsToSetUpAtTheNextClick() =>
        Session.JourneyAsync(AnOpenPage_WhenTwoFactorBecomesRequired_LeadsToSetUpAtTheNextClickJourneyAsync);

    private async Task AnOpenPage_WhenTwoFactorBecomesRequired_LeadsToSetUpAtTheNextClickJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var max = await Session.AddMemberAsync("max@acme.example", "Max Member", WorkspaceRole.Member);
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, max);
        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.GetByText("Fiona Founder").First).ToBeVisibleAsync();

        await using (var scope = Session.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Dashboard.Domain.Users.Account>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByEmailAsync(admin))!, true);
            var required = await scope.ServiceProvider.GetRequiredService<WorkspaceSettingsService>()
                .SetRequireTwoFactorAsync(await Session.ActorAsync(admin), true);
            Assert.True(required.Succeeded, required.Error?.Message);
        }

        await Expect(page.Locator("[data-testid=membership-changed]")).ToContainTextAsync("Acme Vision now requires two-factor sign-in.");
        await BrowserSession.ScreenshotAsync(page, "identity-two-factor-now-required");
        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        await page.WaitForURLAsync("**/account/security");
        await Expect(page.Locator("[data-testid=two-factor-start]")).ToBeVisibleAsync();
    }

    /// <summary>A password change keeps this browser signed in and ends the account's other sessions.</summary>
    [BrowserFact]
    public Task APasswordChange_KeepsThisBrowser_AndSignsOutTheOthers() =>
        Session.JourneyAsync(APasswordChange_KeepsThisBrowser_AndSignsOutTheOthersJourneyAsync);

    private async Task APasswordChange_KeepsThisBrowser_AndSignsOutTheOthersJourneyAsync()
    {
        await Session.SetUpAsync();
        var max = await Session.AddMemberAsync("max@acme.example", "Max Member", WorkspaceRole.Member);
        var laptop = await Session.NewPageAsync();
        var phone = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(laptop, max);
        await BrowserSession.SignInAsync(phone, max);

        await laptop.GotoAsync("/account/security");
        await BrowserSession.WaitForInteractiveAsync(laptop);
        await laptop.Locator("input[data-testid=password-current]").FillAsync(BrowserSession.Password);
        await laptop.Locator("input[data-testid=password-new]").FillAsync("password1234");
        await laptop.Locator("[data-testid=password-change]").ClickAsync();
        await Expect(laptop.Locator("[data-testid=password-section]")).ToContainTextAsync("too easy to guess");
        await laptop.Locator("input[data-testid=password-new]").FillAsync("Granite-meadow-falcon-31");
        await laptop.Locator("[data-testid=password-change]").ClickAsync();
        await Expect(laptop.Locator("[data-testid=password-changed]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(laptop, "identity-password-changed");

        // The laptop is still signed in; the phone's session is over.
        await laptop.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(laptop);
        await Expect(laptop.GetByText("Fiona Founder").First).ToBeVisibleAsync();
        await phone.GotoAsync("/settings/users");
        await phone.WaitForURLAsync("**/account/login**");
        await BrowserSession.SignInAsync(phone, max, "Granite-meadow-falcon-31");
        await Expect(phone.Locator("[data-testid=home-role]")).ToHaveTextAsync("Member");
    }
}
