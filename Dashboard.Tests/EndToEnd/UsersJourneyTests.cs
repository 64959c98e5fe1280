using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class UsersJourneyTests : BrowserJourney
{
    private static ILocator Row(IPage page, string email) =>
        page.Locator("[data-testid=users-grid] tbody tr").Filter(new() { HasText = email });

    [BrowserFact]
    public Task PastingAListThatEndsInALineBreak_MakesEveryAddressAChip() =>
        Session.JourneyAsync(PastingAListThatEndsInALineBreak_MakesEveryAddressAChipJourneyAsync);

    private async Task PastingAListThatEndsInALineBreak_MakesEveryAddressAChipJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var page = await Session.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=invite-users]").ClickAsync();
        var input = page.Locator("input[data-testid=invite-input]");
        await input.FocusAsync();

        // A column copied from a spreadsheet: one address a line, a line break after the last.
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", "ivy@acme.example\nben@acme.example\njo@acme.example\n");
        await page.Keyboard.PressAsync("Control+V");

        await Expect(page.Locator("[data-testid=invite-chip]")).ToHaveTextAsync(["ivy@acme.example", "ben@acme.example", "jo@acme.example"]);
        await Expect(input).ToHaveValueAsync("");
        await Expect(page.Locator("[data-testid=invite-submit]")).ToHaveTextAsync("Add 3 people");
        await BrowserSession.ScreenshotAsync(page, "invite-pasted-list");
    }

    [BrowserFact]
    public Task TheColumnHeaders_SortTheList_OneWayThenTheOther_ByMouseAndByKey() =>
        Session.JourneyAsync(TheColumnHeaders_SortTheList_OneWayThenTheOther_ByMouseAndByKeyJourneyAsync);

    private async Task TheColumnHeaders_SortTheList_OneWayThenTheOther_ByMouseAndByKeyJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        await Session.AddMemberAsync("zed@acme.example", "Aaron Able", WorkspaceRole.Member);
        await Session.AddMemberAsync("abe@acme.example", "Zoe Zeal", WorkspaceRole.Member);
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        var firstRow = page.Locator("[data-testid=users-grid] tbody tr").First;
        var email = page.Locator("[data-testid=users-grid] th").Filter(new() { HasText = "Email" });
        await Expect(firstRow).ToContainTextAsync("Aaron Able");

        await email.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(email).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(firstRow).ToContainTextAsync("abe@acme.example");
        await Expect(page.Locator("[data-testid=users-grid] th[aria-sort=none]").Filter(new() { HasText = "Name" })).ToHaveCountAsync(1);

        // The header is a button: Enter on it sorts the other way.
        await email.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(email).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(firstRow).ToContainTextAsync("zed@acme.example");
    }

    [BrowserFact]
    public Task AnAdminInvites_OneJoinsByTheLink_OneDeclines_ThenRolesAccessAndRemovalWork() =>
        Session.JourneyAsync(AnAdminInvites_OneJoinsByTheLink_OneDeclines_ThenRolesAccessAndRemovalWorkJourneyAsync);

    private async Task AnAdminInvites_OneJoinsByTheLink_OneDeclines_ThenRolesAccessAndRemovalWorkJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var dora = await Session.AddMemberAsync("dora@acme.example", "Dora Data", WorkspaceRole.Member);
        var ben = await Session.AddAccountAsync("ben@acme.example", "Ben Busy");
        var resources = Session.App.Services.GetRequiredService<ResourceService>();
        var adminActor = await Session.ActorAsync(admin);
        var ontology = (await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Ontology, "Road objects", ""))).Value;
        await resources.CreateAsync(adminActor, new CreateResource(ResourceKind.Project, "Perception", "", ontology));
        var dataset = (await resources.CreateAsync(await Session.ActorAsync(dora), new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
        var today = DateTimeOffset.UtcNow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        // The Admin invites two addresses: one typed and Enter, the rest pasted as a list with a bad entry.
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=invite-users]").ClickAsync();
        var input = page.Locator("[data-testid=invite-input]");
        await input.FillAsync("ivy@acme.example");
        await input.PressAsync("Enter");
        await input.FillAsync("ben@acme.example, not-an-email ");
        await Expect(page.Locator("[data-testid=invite-chip]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=invite-chip][data-state=invalid]")).ToHaveTextAsync("not-an-email");
        await Expect(page.Locator("[data-testid=invite-submit]")).ToHaveTextAsync("Add 2 people");
        await BrowserSession.ScreenshotAsync(page, "invite-chips");
        await page.Locator("[data-testid=invite-submit]").ClickAsync();

        // Mail is not set up, so the dialog shows each link to copy.
        var ivyLinkBox = page.Locator("[data-testid=invite-link][data-email='ivy@acme.example']");
        await Expect(ivyLinkBox).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=invite-link]")).ToHaveCountAsync(2);
        var ivyLink = await ivyLinkBox.InputValueAsync();
        Assert.StartsWith(Session.BaseUrl + "/account/login?invitation=", ivyLink);
        await BrowserSession.ScreenshotAsync(page, "invite-links");
        await page.Locator("[data-testid=invite-done]").ClickAsync();
        await Expect(Row(page, "ivy@acme.example")).ToContainTextAsync($"Invited {today}");

        // Ivy has no account: the link leads to the sign-in page, which lets her sign up with the invited address.
        var ivyPage = await Session.NewPageAsync();
        await ivyPage.GotoAsync(ivyLink);
        await Expect(ivyPage.Locator("[data-testid=invitation-banner]")).ToContainTextAsync("Fiona Founder invited you to join Acme Vision as Member.");
        await Expect(ivyPage.Locator("#signup-email")).ToHaveValueAsync("ivy@acme.example");
        await ivyPage.FillAsync("#displayName", "Ivy Invitee");
        await ivyPage.FillAsync("#signup-password", BrowserSession.Password);
        await BrowserSession.ScreenshotAsync(ivyPage, "signup-from-invitation");
        await ivyPage.ClickAsync("button[type=submit]");
        await ivyPage.WaitForURLAsync(Session.BaseUrl + "/");
        await Expect(ivyPage.Locator("h1")).ToHaveTextAsync("Acme Vision");

        // Ben already has an account: the invitation waits on his Home, and he declines it.
        var benPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(benPage, ben);
        await Expect(benPage.Locator("[data-testid=pending-invitation]")).ToContainTextAsync("Acme Vision: join as Member");
        await BrowserSession.ScreenshotAsync(benPage, "home-pending-invitation");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Decline the invitation to Acme Vision" }).ClickAsync();
        await Expect(benPage.Locator("[data-testid=pending-invitations]")).ToHaveCountAsync(0);

        // The Admin sees both answers, dated.
        await page.ReloadAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(Row(page, "ivy@acme.example")).ToContainTextAsync($"Joined {today}");
        await Expect(Row(page, "ivy@acme.example")).ToContainTextAsync("Ivy Invitee");
        await Expect(Row(page, "ben@acme.example")).ToContainTextAsync($"Declined {today}");

        // ...changes Ivy's role from the list while she has the Users tab open: her open page learns it at once.
        await ivyPage.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(ivyPage);
        await Expect(ivyPage.Locator("[data-testid=invite-users]")).ToHaveCountAsync(0);
        await Row(page, "ivy@acme.example").Locator("[data-testid=row-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(page, "Tasker");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Ivy Invitee is now Tasker.");
        await Expect(ivyPage.Locator("[data-testid=membership-changed]")).ToContainTextAsync("Your role in Acme Vision is now Tasker.");
        await Expect(ivyPage.Locator("[data-testid=settings-tabs]")).ToHaveCountAsync(0);
        await ivyPage.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(ivyPage.Locator("h1")).ToHaveTextAsync("Acme Vision");
        await BrowserSession.WaitForInteractiveAsync(ivyPage);
        await ivyPage.GotoAsync("/settings/users");
        await Expect(ivyPage.Locator("[data-testid=not-allowed]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "users-after-answers");

        // ...and gives her a Project in User details.
        await Row(page, "ivy@acme.example").Locator("[data-testid=user-details]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ivy Invitee");
        await page.Locator("[data-testid=member-assign]").ClickAsync();
        await page.Locator("[data-testid=assign-search]").FillAsync("Perc");
        await BrowserSession.PickOptionAsync(page, "Perception");
        await page.Locator("[data-testid=assign-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(page, "Annotator");
        await page.Locator("[data-testid=assign-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=member-projects]")).ToContainTextAsync("Perception");
        await Expect(page.Locator("[data-testid=member-projects]")).ToContainTextAsync("Annotator");
        await BrowserSession.ScreenshotAsync(page, "user-details");

        // Dora, the only Admin of a Dataset, has a page open while the Admin removes her with Ivy as replacement.
        var doraPage = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(doraPage, dora);
        await doraPage.GotoAsync("/datasets");
        await BrowserSession.WaitForInteractiveAsync(doraPage);

        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Row(page, "dora@acme.example").Locator("[data-testid=user-details]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dora Data");
        await page.Locator("[data-testid=member-menu]").ClickAsync();
        await page.Locator("[data-testid=remove-user]").ClickAsync();
        await Expect(page.Locator("[data-testid=sole-admin-of]")).ToContainTextAsync("Dataset \"Street scenes\"");
        await Expect(page.Locator("[data-testid=remove-submit]")).ToBeDisabledAsync();
        await page.Locator("[data-testid=replacement]").FillAsync("Ivy");
        await BrowserSession.PickOptionAsync(page, "Ivy Invitee");
        await BrowserSession.ScreenshotAsync(page, "remove-with-replacement");
        await page.Locator("[data-testid=remove-submit]").ClickAsync();
        await page.WaitForURLAsync("**/settings/users");
        await Expect(Row(page, "dora@acme.example")).ToHaveCountAsync(0);

        await Expect(doraPage.Locator("[data-testid=membership-changed]")).ToContainTextAsync("You no longer belong to Acme Vision.");
        await BrowserSession.ScreenshotAsync(doraPage, "removed-member-notice");
        var access = await Session.App.Services.GetRequiredService<ResourceAccessService>().ListAsync(adminActor, dataset);
        Assert.Contains(access.Value.People, p => p.Name == "Ivy Invitee" && p.DirectRole == ResourceRole.Admin);
    }

    [BrowserFact]
    public Task SomeoneWithAnAccount_FollowsTheLink_SignsIn_AndHasJoined() =>
        Session.JourneyAsync(SomeoneWithAnAccount_FollowsTheLink_SignsIn_AndHasJoinedJourneyAsync);

    private async Task SomeoneWithAnAccount_FollowsTheLink_SignsIn_AndHasJoinedJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var cara = await Session.AddAccountAsync("cara@acme.example", "Cara Client");
        var invitations = Session.App.Services.GetRequiredService<Dashboard.Domain.Invitations.InvitationService>();
        var issued = (await invitations.InviteAsync(await Session.ActorAsync(admin), new Dashboard.Domain.Invitations.InviteCommand(
            [cara], WorkspaceRole.Tasker, Dashboard.Domain.Workspaces.UserType.External))).Value.Single();

        var page = await Session.NewPageAsync();
        await page.GotoAsync($"/account/login?invitation={Uri.EscapeDataString(issued.Token)}");
        await Expect(page.Locator("[data-testid=invitation-banner]")).ToContainTextAsync("Sign in to accept.");
        await Expect(page.Locator("#email")).ToHaveValueAsync(cara);
        await page.FillAsync("#password", BrowserSession.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(Session.BaseUrl + "/");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=home-role]")).ToHaveTextAsync("Tasker");

        // The link is spent: opening it again says so instead of offering another join.
        var again = await Session.NewPageAsync();
        await again.GotoAsync($"/account/login?invitation={Uri.EscapeDataString(issued.Token)}");
        await Expect(again.Locator("[data-testid=invitation-error]")).ToContainTextAsync("already been accepted");
    }
}
