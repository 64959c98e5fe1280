using Dashboard.Domain.Access;
using Dashboard.Domain.Tags;
using Dashboard.Tests.Support;
using static Dashboard.Tests.Support.Keyboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Lists of choices that act at once, with the keyboard alone: a member's role from the Users list and from User
/// details, a project's Add a tag. The list takes focus as it opens, the arrows only move through the choices, Enter
/// acts on the one reached and Escape changes nothing.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class KeyboardChoiceJourneyTests : BrowserJourney
{
    private async Task<WorkspaceRole> SavedRoleAsync(string email) => (await Session.ActorAsync(email)).Role;

    private static ILocator Option(IPage page, string role) =>
        page.Locator(".mud-popover-open [role=option]").Filter(new() { HasText = role });

    private static Task<bool> IsHighlightedAsync(ILocator option) =>
        option.EvaluateAsync<bool>("e => e.classList.contains('mud-selected-item') || e.querySelector('.mud-selected-item') !== null");

    /// <summary>Down the list to the choice, or back up when it lies above the one marked.</summary>
    private static async Task ArrowToAsync(IPage page, string choice)
    {
        var option = Option(page, choice);
        foreach (var key in new[] { "ArrowDown", "ArrowUp" })
        {
            for (var i = 0; i < 8 && !await IsHighlightedAsync(option); i++) await page.Keyboard.PressAsync(key);
        }
        Assert.True(await IsHighlightedAsync(option), $"The arrows never reached {choice}.");
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
        await ArrowToAsync(page, "Tasker");
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
        await ArrowToAsync(page, "Tasker");
        Assert.Equal(WorkspaceRole.Member, await SavedRoleAsync("dora@acme.example"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Dora Data is now Tasker.");
        Assert.Equal(WorkspaceRole.Tasker, await SavedRoleAsync("dora@acme.example"));
        await AssertVisiblyFocusedAsync(role);
    });

    [BrowserFact]
    public Task AProjectIsTagged_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var admin = await Session.SetUpAsync();
        var actor = await Session.ActorAsync(admin);
        var tags = Session.App.Services.GetRequiredService<TagService>();
        var project = await Session.AddProjectAsync(admin, "Perception");
        foreach (var name in new[] { "Lidar", "Night", "Urgent" }) await tags.CreateAsync(actor, TagKind.Project, name);
        var page = await Session.SignedInPageAsync(admin, $"/projects/{project}");
        var add = page.Locator("[data-testid=project-tag-add]");
        var projectTags = page.Locator("[data-testid=project-tag]");

        // Tabbing past the Ontology picker opens no list: one that opened on focus, after a round trip, took focus back
        // from wherever the person had tabbed on to. Typing, ArrowDown or a click open it.
        await TabToAsync(page, page.GetByRole(AriaRole.Combobox, new() { Name = "Change Ontology" }));
        await page.WaitForTimeoutAsync(500);
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("ArrowDown");
        await Option(page, "Road objects").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);

        // Arrowing through the tags adds none of them; Escape closes the list.
        await TabToAsync(page, add);
        await AssertVisiblyFocusedAsync(add);
        await page.Keyboard.PressAsync("Enter");
        await Option(page, "Urgent").WaitForAsync();
        await ArrowToAsync(page, "Urgent");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open [role=option]")).ToHaveCountAsync(0);
        await Expect(projectTags).ToHaveCountAsync(0);

        // Enter adds the one the arrows reached, and only it.
        await AssertVisiblyFocusedAsync(add);
        await page.Keyboard.PressAsync("Enter");
        await Option(page, "Night").WaitForAsync();
        await ArrowToAsync(page, "Night");
        await page.Keyboard.PressAsync("Enter");
        await Expect(projectTags).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("Night")]);
    });
}
