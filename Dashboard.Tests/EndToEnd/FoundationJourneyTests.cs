using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class FoundationJourneyTests : BrowserJourney
{
    [BrowserFact]
    public Task Setup_SignIn_SeeTheFiveTabs_SignOut() =>
        Session.JourneyAsync(Setup_SignIn_SeeTheFiveTabs_SignOutJourneyAsync);

    private async Task Setup_SignIn_SeeTheFiveTabs_SignOutJourneyAsync()
    {
        var page = await Session.NewPageAsync();

        // A fresh installation leads to set-up; bad input is explained next to each field and saves nothing.
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/setup");
        await page.FillAsync("#email", "fiona.acme.example");
        await page.FillAsync("#password", "weak");
        await page.FillAsync("#workspaceName", new string('W', 101));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/setup");
        await Expect(page.Locator(".plain-field-error")).ToHaveCountAsync(4);
        await Expect(page.GetByText("Your name is required.")).ToBeVisibleAsync();
        await Expect(page.GetByText("needs one @")).ToBeVisibleAsync();
        await Expect(page.GetByText("at most 100 characters (it has 101)")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "setup-errors");

        await page.FillAsync("#displayName", "Fiona Founder");
        await page.FillAsync("#email", "fiona@acme.example");
        await page.FillAsync("#password", "Quiet-Harbor-Lantern-7");
        await page.FillAsync("#workspaceName", "Acme Vision");
        await page.ClickAsync("button[type=submit]");

        // Set-up signs the new Admin in: straight to their workspace, no second password.
        await page.WaitForURLAsync(Session.BaseUrl + "/");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Acme Vision");
        await Expect(page.Locator("[data-testid=home-role]")).ToHaveTextAsync("Admin");
        await BrowserSession.ScreenshotAsync(page, "home-admin");

        // Inside the app a link moves without loading a document: the address is watched, not a load event.
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Session.BaseUrl + "/settings/users");
        var tabs = page.Locator(".mud-tab");
        await Expect(tabs).ToHaveTextAsync(["Users", "Groups", "Project tags", "Issue tags", "Activity Center"]);
        await Expect(page.Locator("[data-testid=users-grid]")).ToContainTextAsync("fiona@acme.example");
        await BrowserSession.ScreenshotAsync(page, "settings-users");

        // Every tab has its own address.
        foreach (var (title, slug) in new[] { ("Groups", "groups"), ("Project tags", "project-tags"),
                     ("Issue tags", "issue-tags"), ("Activity Center", "activity"), ("Users", "users") })
        {
            await tabs.Filter(new() { HasText = title }).ClickAsync();
            // A tab navigates inside the page (no load event to wait for): the address is what counts.
            await page.WaitForURLAsync($"**/settings/{slug}", new() { WaitUntil = WaitUntilState.Commit });
            await Expect(page.Locator(".mud-tab.mud-tab-active")).ToHaveTextAsync(title);
        }
        await page.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-tab.mud-tab-active")).ToHaveTextAsync("Activity Center");

        await page.GetByRole(AriaRole.Button, new() { Name = "Account" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login?signedOut=true");
        await Expect(page.GetByText("You are signed out.")).ToBeVisibleAsync();

        await page.GotoAsync("/settings/users");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=**");
    }

    [BrowserFact]
    public Task SignIn_WithAWrongPassword_ShowsAnErrorAndDoesNotSignIn() =>
        Session.JourneyAsync(SignIn_WithAWrongPassword_ShowsAnErrorAndDoesNotSignInJourneyAsync);

    private async Task SignIn_WithAWrongPassword_ShowsAnErrorAndDoesNotSignInJourneyAsync()
    {
        await using (var scope = Session.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FirstRunSetup>()
                .RunAsync(new SetupCommand("fiona@acme.example", "Fiona Founder", "Quiet-Harbor-Lantern-7", "Acme Vision", false));
        var page = await Session.NewPageAsync();

        await page.GotoAsync("/settings/users");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=**");
        await page.FillAsync("#email", "fiona@acme.example");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("The email or password is incorrect.");
        await BrowserSession.ScreenshotAsync(page, "login-wrong-password");
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=**");
    }
}
