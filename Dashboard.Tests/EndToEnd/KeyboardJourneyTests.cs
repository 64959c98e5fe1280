using Dashboard.Domain.Access;
using Dashboard.Tests.Support;
using static Dashboard.Tests.Support.Keyboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The journeys of the seeds with the keyboard alone: no click, no mouse. Tab reaches each control, focus is visible
/// wherever it is, lands in a dialog as it opens and goes back where it was when the dialog closes.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class KeyboardJourneyTests : BrowserJourney
{
    [BrowserFact]
    public Task ATagIsCreatedAndRenamed_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var page = await Session.SignedInPageAsync(await Session.SetUpAsync(), "/settings/project-tags");
        var newTag = page.GetByRole(AriaRole.Button, new() { Name = "New project tag" });

        await TabToAsync(page, newTag);
        await AssertVisiblyFocusedAsync(newTag);
        await page.Keyboard.PressAsync("Enter");
        var input = page.Locator("input[data-testid=tag-new-input]");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Urgent");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=tag-chip][data-name='Urgent']")).ToBeVisibleAsync();
        await Assertions.Expect(input).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Night");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=tag-chip][data-name='Night']")).ToBeVisibleAsync();
        // Escape leaves the field, and focus goes back to the button that opened it.
        await page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveCountAsync(0);
        await AssertVisiblyFocusedAsync(newTag);

        // Rename: the chip's Rename button, reached backwards, opens the field with the name in it.
        var rename = page.GetByRole(AriaRole.Button, new() { Name = "Rename Night" });
        await TabToAsync(page, rename, backwards: true);
        await AssertVisiblyFocusedAsync(rename);
        await page.Keyboard.PressAsync("Enter");
        var renameInput = page.Locator("input[data-testid=tag-rename]");
        await Assertions.Expect(renameInput).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Night drives");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=tag-chip][data-name='Night drives']")).ToBeVisibleAsync();
        await AssertVisiblyFocusedAsync(page.GetByRole(AriaRole.Button, new() { Name = "Rename Night drives" }));
        await BrowserSession.ScreenshotAsync(page, "keyboard-tag-renamed");
    });

    [BrowserFact]
    public Task SomeoneIsInvited_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var page = await Session.SignedInPageAsync(await Session.SetUpAsync(), "/settings/users");
        var invite = page.Locator("[data-testid=invite-users]");

        await TabToAsync(page, invite);
        await AssertVisiblyFocusedAsync(invite);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".mud-dialog").WaitForAsync();
        await Assertions.Expect(page.Locator("input[data-testid=invite-input]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("ivy@acme.example");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=invite-chip]")).ToHaveTextAsync(["ivy@acme.example"]);

        // Tab to the role (the next control), the arrows choose Tasker, and Enter adds.
        var role = page.Locator("select[data-testid=invite-role]");
        await page.Keyboard.PressAsync("Tab");
        await AssertVisiblyFocusedAsync(role);
        for (var i = 0; i < 4 && await role.InputValueAsync() != "3"; i++) await page.Keyboard.PressAsync("ArrowDown");
        await Expect(role.Locator("option:checked")).ToHaveTextAsync("Tasker");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=invite-results]")).ToContainTextAsync("1 person is now Invited as Tasker.");
        await AssertFocusInDialogAsync(page);

        // Escape closes the dialog, and focus is back on "Invite users".
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(invite).ToBeFocusedAsync();
        await Expect(page.Locator("[data-testid=users-grid]")).ToContainTextAsync("ivy@acme.example");
    });

    [BrowserFact]
    public Task AMemberIsRemoved_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var admin = await Session.SetUpAsync();
        await Session.AddMemberAsync("dora@acme.example", "Dora Data", WorkspaceRole.Member);
        var dora = await Session.ActorAsync("dora@acme.example");
        var page = await Session.SignedInPageAsync(admin, $"/settings/users/{dora.MemberId}");

        var menu = page.Locator("[data-testid=member-menu]");
        await TabToAsync(page, menu);
        await AssertVisiblyFocusedAsync(menu);
        await page.Keyboard.PressAsync("Enter");
        var remove = page.Locator("[data-testid=remove-user]");
        await remove.WaitForAsync();
        for (var i = 0; i < 8 && !await IsFocusedAsync(remove); i++) await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".mud-dialog").WaitForAsync();
        await AssertFocusInDialogAsync(page);
        var confirm = page.Locator("[data-testid=remove-submit]");
        await TabToAsync(page, confirm);
        await AssertVisiblyFocusedAsync(confirm);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(Session.BaseUrl + "/settings/users");
        await Expect(page.Locator("[data-testid=users-grid]")).Not.ToContainTextAsync("Dora Data");
    });

    [BrowserFact]
    public Task AGroupIsCreatedInTwoSteps_AndGivenAProject_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var admin = await Session.SetUpAsync();
        await Session.AddMemberAsync("alice@acme.example", "Alice Annotator", WorkspaceRole.Member);
        await Session.AddMemberAsync("manny@acme.example", "Manny Manager", WorkspaceRole.Member);
        await Session.AddProjectAsync(admin, "Perception");
        var page = await Session.SignedInPageAsync(admin, "/settings/groups");

        var create = page.Locator("[data-testid=create-group]");
        await TabToAsync(page, create);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".mud-dialog").WaitForAsync();
        await Assertions.Expect(page.Locator("input[data-testid=group-name]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Night shift");
        await TabToAsync(page, page.Locator("input[data-testid=group-members]"));
        await PickByKeyboardAsync(page, "Alice");
        await TabToAsync(page, page.Locator("[data-testid=group-next]"));
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, page.Locator("input[data-testid=group-managers]"));
        await PickByKeyboardAsync(page, "Manny");
        var createGroup = page.Locator("[data-testid=group-create]");
        await TabToAsync(page, createGroup);
        await AssertVisiblyFocusedAsync(createGroup);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Night shift");
        await Expect(page.Locator("[data-testid=group-members-section]")).ToContainTextAsync("Alice Annotator");
        await Expect(page.Locator("[data-testid=group-managers-section]")).ToContainTextAsync("Manny Manager");

        // Assign the group a Project, and Escape closes the role list without closing the dialog.
        var assign = page.Locator("[data-testid=group-assign]");
        await TabToAsync(page, assign);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".mud-dialog").WaitForAsync();
        await AssertFocusInDialogAsync(page);
        await TabToAsync(page, page.Locator("input[data-testid=assign-search]"));
        await PickByKeyboardAsync(page, "Perc");
        await TabToAsync(page, page.Locator("[data-testid=assign-role]"));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".mud-popover-open [role=option]").First.WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open [role=option]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        var annotator = page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Annotator", Exact = true });
        await annotator.WaitForAsync();
        for (var i = 0; i < 8 && !await IsFocusedOrActiveAsync(annotator); i++) await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        var submit = page.Locator("[data-testid=assign-submit]");
        await TabToAsync(page, submit);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=group-access-section]").GetByRole(AriaRole.Row, new() { Name = "Perception Annotator" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(assign).ToBeFocusedAsync();
    });

    [BrowserFact]
    public Task TheProjectsTagFilter_OpensChoosesAndClosesOnEscape_ByKeyboardAlone() => Session.JourneyAsync(async () =>
    {
        var admin = await Session.SetUpAsync();
        var actor = await Session.ActorAsync(admin);
        var tags = Session.App.Services.GetRequiredService<Dashboard.Domain.Tags.TagService>();
        await tags.CreateAsync(actor, Dashboard.Domain.Tags.TagKind.Project, "Lidar");
        await tags.CreateAsync(actor, Dashboard.Domain.Tags.TagKind.Project, "Urgent");
        var page = await Session.SignedInPageAsync(admin, "/projects");

        var filter = page.Locator("input[data-testid=project-tag-filter]");
        await TabToAsync(page, filter);
        await AssertVisiblyFocusedAsync(filter);
        await page.Keyboard.PressAsync("Enter");
        var urgent = page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "Urgent" });
        await urgent.WaitForAsync();
        for (var i = 0; i < 6 && !await IsFocusedOrActiveAsync(urgent); i++) await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(urgent).ToHaveAttributeAsync("aria-selected", "true");
        // Escape closes the list of a multi-select and leaves focus on the field, the choice kept.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".mud-popover-open [role=option]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("input[data-testid=project-tag-filter]")).ToBeFocusedAsync();
        await Expect(page.Locator("[data-testid=resources-empty]")).ToContainTextAsync("No project has this tag.");
    });

    /// <summary>Types into the focused search box and takes the first suggestion with the arrow keys and Enter.</summary>
    private static async Task PickByKeyboardAsync(IPage page, string text)
    {
        await page.Keyboard.TypeAsync(text);
        // The list answers each letter: wait until it answers the whole text, one suggestion left.
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(1);
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToContainTextAsync(text);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
