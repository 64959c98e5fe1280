using Dashboard.Domain.Access;
using Dashboard.Tests.Support;
using static Dashboard.Tests.Support.Keyboard;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// A member's role changed with the keyboard alone, from the Users list and from User details: the picker takes focus
/// as it opens, the arrows only move through the roles, Enter saves the one reached and Escape changes nothing.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class KeyboardRoleJourneyTests : BrowserJourney
{
    private async Task<WorkspaceRole> SavedRoleAsync(string email) => (await Session.ActorAsync(email)).Role;

    private static ILocator Option(IPage page, string role) =>
        page.Locator(".mud-popover-open [role=option]").Filter(new() { HasText = role });

    private static Task<bool> IsHighlightedAsync(ILocator option) =>
        option.EvaluateAsync<bool>("e => e.classList.contains('mud-selected-item') || e.querySelector('.mud-selected-item') !== null");

    private static async Task ArrowDownToAsync(IPage page, string role)
    {
        var option = Option(page, role);
        for (var i = 0; i < 8 && !await IsHighlightedAsync(option); i++) await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await IsHighlightedAsync(option), $"The arrows never reached {role}.");
    }

    [BrowserFact]
    public Task ARoleIsChangedFromTheList_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var admin = await Session.SetUpAsync();
        await Session.AddMemberAsync("dora@acme.example", "Dora Data", WorkspaceRole.Member);
        var page = await Session.SignedInPageAsync(admin, "/settings/users");
        var roleButton = page.GetByRole(AriaRole.Button, new() { Name = "Role of Dora Data: Member. Change" });
        var picker = page.Locator("[data-testid=row-role-picker]");

        // Enter opens the picker with focus in it and the current role marked; Escape closes it, nothing saved.
        await TabToAsync(page, roleButton);
        await AssertVisiblyFocusedAsync(roleButton);
        await page.Keyboard.PressAsync("Enter");
        await Option(page, "Tasker").WaitForAsync();
        await AssertVisiblyFocusedAsync(picker);
        await Expect(page.Locator(".mud-popover-open .mud-selected-item")).ToContainTextAsync("Member");
        await BrowserSession.ScreenshotAsync(page, "keyboard-role-picker-open");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Escape");
        await Expect(picker).ToHaveCountAsync(0);
        await AssertVisiblyFocusedAsync(roleButton);
        Assert.Equal(WorkspaceRole.Member, await SavedRoleAsync("dora@acme.example"));

        // Again: the arrows pass Workforce Manager without saving it, Enter saves Tasker, focus stays on the row.
        await page.Keyboard.PressAsync("Enter");
        await Option(page, "Tasker").WaitForAsync();
        await ArrowDownToAsync(page, "Tasker");
        Assert.Equal(WorkspaceRole.Member, await SavedRoleAsync("dora@acme.example"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Dora Data is now Tasker.");
        Assert.Equal(WorkspaceRole.Tasker, await SavedRoleAsync("dora@acme.example"));
        await AssertVisiblyFocusedAsync(page.GetByRole(AriaRole.Button, new() { Name = "Role of Dora Data: Tasker. Change" }));
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "keyboard-role-changed-in-list");
    });

    [BrowserFact]
    public Task ARoleIsChangedInUserDetails_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var admin = await Session.SetUpAsync();
        await Session.AddMemberAsync("dora@acme.example", "Dora Data", WorkspaceRole.Member);
        var dora = await Session.ActorAsync("dora@acme.example");
        var page = await Session.SignedInPageAsync(admin, $"/settings/users/{dora.MemberId}");
        var role = page.Locator("[data-testid=member-role]");

        await TabToAsync(page, role);
        await AssertVisiblyFocusedAsync(role);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open .mud-selected-item")).ToContainTextAsync("Member");
        await ArrowDownToAsync(page, "Tasker");
        Assert.Equal(WorkspaceRole.Member, await SavedRoleAsync("dora@acme.example"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Dora Data is now Tasker.");
        Assert.Equal(WorkspaceRole.Tasker, await SavedRoleAsync("dora@acme.example"));
        await AssertVisiblyFocusedAsync(role);
    });
}
