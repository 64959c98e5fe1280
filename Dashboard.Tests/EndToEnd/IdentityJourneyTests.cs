using Dashboard.Domain.Access;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Who a person is: an address counts only once its owner proves it.</summary>
[Collection(EndToEndCollection.Name)]
public class IdentityJourneyTests : BrowserJourney
{
    /// <summary>
    /// The takeover the review found: a verified domain, an Admin invitation pending for boss@, and a stranger who
    /// signs up typing that address (and another on the domain). They end up holding nothing.
    /// </summary>
    [BrowserFact]
    public Task AStrangerSigningUpAsAnInvitedAdmin_HoldsNothing() =>
        Session.JourneyAsync(AStrangerSigningUpAsAnInvitedAdmin_HoldsNothingJourneyAsync);

    private async Task AStrangerSigningUpAsAnInvitedAdmin_HoldsNothingJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var actor = await Session.ActorAsync(admin);
        await using (var scope = Session.App.Services.CreateAsyncScope())
        {
            var domains = scope.ServiceProvider.GetRequiredService<EmailDomainService>();
            await domains.AddAsync(actor, "acme.example", WorkspaceRole.Tasker, UserType.Internal);
            await domains.VerifyByOperatorAsync("Acme Vision", "acme.example");
            await scope.ServiceProvider.GetRequiredService<InvitationService>()
                .InviteAsync(actor, new InviteCommand(["boss@acme.example"], WorkspaceRole.Admin, UserType.Internal));
        }

        var stranger = await Session.NewPageAsync();
        await SignUpAsync(stranger, "boss@acme.example", "Not The Boss");
        await Expect(stranger.Locator("[data-testid=check-inbox]")).ToContainTextAsync("We sent a link to boss@acme.example");
        await BrowserSession.ScreenshotAsync(stranger, "identity-signup-check-inbox");

        await BrowserSession.SignInAsync(stranger, "boss@acme.example", SignUpPassword);
        await Expect(stranger.Locator("[data-testid=confirm-address]")).ToContainTextAsync("Confirm your address");
        await Expect(stranger.Locator("[data-testid=pending-invitations]")).ToHaveCountAsync(0);
        await Expect(stranger.Locator("[data-testid=home-role]")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(stranger, "identity-unconfirmed-home");

        // "Send again" right after sign-up waits its minute.
        await stranger.Locator("[data-testid=confirm-address-resend]").ClickAsync();
        await Expect(stranger.Locator(".mud-snackbar")).ToContainTextAsync("moments ago");

        // No workspace page, no audit export.
        await stranger.GotoAsync("/settings/users");
        await Expect(stranger.Locator("[data-testid=no-workspace-unconfirmed]")).ToBeVisibleAsync();
        await Expect(stranger.Locator("[data-testid=row-role]")).ToHaveCountAsync(0);
        var export = await stranger.APIRequest.GetAsync("/settings/audit.csv");
        Assert.Equal(403, export.Status);

        var other = await Session.NewPageAsync();
        await SignUpAsync(other, "stranger@acme.example", "Some Stranger");
        await BrowserSession.SignInAsync(other, "stranger@acme.example", SignUpPassword);
        await Expect(other.Locator("[data-testid=confirm-address]")).ToBeVisibleAsync();

        await using var db = Session.App.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();
        var boss = await db.Members.SingleAsync(m => m.Email == "boss@acme.example");
        Assert.Equal((MemberStatus.Invited, (Guid?)null, WorkspaceRole.Admin), (boss.Status, boss.AccountId, boss.Role));
        Assert.False(await db.Members.AnyAsync(m => m.Email == "stranger@acme.example"));
        Assert.Empty(Session.App.Mail.SignUpAttempts);
    }

    /// <summary>
    /// The squatter's other hope: the real owner clicks the confirmation mail for an account they did not make. The link
    /// confirms only when signed in as that account, so nothing happens; the owner takes the address back with
    /// "Forgot your password?", which ends the stranger's session, and accepts the invitation as its true addressee.
    /// </summary>
    [BrowserFact]
    public Task TheRealOwner_TakesASquattedAddressBack() =>
        Session.JourneyAsync(TheRealOwner_TakesASquattedAddressBackJourneyAsync);

    private async Task TheRealOwner_TakesASquattedAddressBackJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        await using (var scope = Session.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<InvitationService>()
                .InviteAsync(await Session.ActorAsync(admin), new InviteCommand(["boss@acme.example"], WorkspaceRole.Admin, UserType.Internal));
        var stranger = await Session.NewPageAsync();
        await SignUpAsync(stranger, "boss@acme.example", "Not The Boss");
        await BrowserSession.SignInAsync(stranger, "boss@acme.example", SignUpPassword);

        // The owner opens the mailed confirmation link in their own browser: it asks for a sign-in they cannot give.
        var owner = await Session.NewPageAsync();
        await owner.GotoAsync(Session.App.Mail.LinkFor("boss@acme.example").PathAndQuery);
        await owner.WaitForURLAsync("**/account/login**");

        await owner.Locator("[data-testid=to-forgot-password]").ClickAsync();
        await owner.FillAsync("#reset-email", "boss@acme.example");
        await owner.ClickAsync("button[type=submit]");
        await Expect(owner.Locator("[data-testid=reset-sent]")).ToContainTextAsync("If an account uses boss@acme.example");
        var resetLink = Session.App.Mail.PasswordResets.Single(r => r.Email == "boss@acme.example").Link;
        await owner.GotoAsync(resetLink.PathAndQuery);
        await owner.FillAsync("#new-password", "Granite-meadow-falcon-31");
        await owner.ClickAsync("button[type=submit]");
        await Expect(owner.Locator("[data-testid=password-reset-done]")).ToContainTextAsync("boss@acme.example is confirmed");
        await BrowserSession.ScreenshotAsync(owner, "identity-password-reset-done");

        // The stranger is out; their password no longer opens the account.
        await stranger.GotoAsync("/settings/users");
        await stranger.WaitForURLAsync("**/account/login**");
        await stranger.FillAsync("#email", "boss@acme.example");
        await stranger.FillAsync("#password", SignUpPassword);
        await stranger.ClickAsync("button[type=submit]");
        await Expect(stranger.Locator("[data-testid=login-error]")).ToHaveTextAsync("The email or password is incorrect.");

        // The owner signs in and accepts the Admin invitation on Home.
        await owner.Locator("[data-testid=password-reset-sign-in]").ClickAsync();
        await BrowserSession.SignInAsync(owner, "boss@acme.example", "Granite-meadow-falcon-31");
        await Expect(owner.Locator("[data-testid=pending-invitation]")).ToContainTextAsync("Acme Vision");
        await owner.Locator("[data-testid=pending-invitation] button").First.ClickAsync();
        await Expect(owner.Locator("[data-testid=home-role]")).ToHaveTextAsync("Admin");
    }

    /// <summary>The owner of an address on a verified domain follows the mailed link and is in, with the domain's role.</summary>
    [BrowserFact]
    public Task TheOwnerFollowsTheConfirmationLink_AndJoinsThroughTheVerifiedDomain() =>
        Session.JourneyAsync(TheOwnerFollowsTheConfirmationLink_AndJoinsThroughTheVerifiedDomainJourneyAsync);

    private async Task TheOwnerFollowsTheConfirmationLink_AndJoinsThroughTheVerifiedDomainJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        await using (var scope = Session.App.Services.CreateAsyncScope())
        {
            var domains = scope.ServiceProvider.GetRequiredService<EmailDomainService>();
            await domains.AddAsync(await Session.ActorAsync(admin), "acme.example", WorkspaceRole.Tasker, UserType.Internal);
            await domains.VerifyByOperatorAsync("Acme Vision", "acme.example");
        }

        var page = await Session.NewPageAsync();
        await SignUpAsync(page, "dan@acme.example", "Dan Doer");
        await BrowserSession.SignInAsync(page, "dan@acme.example", SignUpPassword);
        await Expect(page.Locator("[data-testid=confirm-address]")).ToBeVisibleAsync();

        await page.GotoAsync(Session.App.Mail.LinkFor("dan@acme.example").PathAndQuery);
        await Expect(page.Locator("[data-testid=email-confirmed]")).ToContainTextAsync("dan@acme.example is confirmed. Its email domain makes you a member of Acme Vision.");
        await BrowserSession.ScreenshotAsync(page, "identity-confirmed");
        await page.Locator("[data-testid=confirmed-continue]").ClickAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=home-role]")).ToHaveTextAsync("Tasker");
        await Expect(page.Locator("[data-testid=confirm-address]")).ToHaveCountAsync(0);

        // The same link again changes nothing and says so kindly; a tampered one is refused.
        var link = Session.App.Mail.LinkFor("dan@acme.example").PathAndQuery;
        await page.GotoAsync(link.Replace("code=", "code=x"));
        await Expect(page.Locator("[data-testid=email-confirmed]")).ToBeVisibleAsync();
    }

    /// <summary>Sign-up of a taken address looks exactly like a new one; the owner gets a mail instead.</summary>
    [BrowserFact]
    public Task SigningUpWithATakenAddress_RevealsNothing() =>
        Session.JourneyAsync(SigningUpWithATakenAddress_RevealsNothingJourneyAsync);

    private async Task SigningUpWithATakenAddress_RevealsNothingJourneyAsync()
    {
        var admin = await Session.SetUpAsync();
        var page = await Session.NewPageAsync();
        // Real Kestrel: the headers as a browser receives them.
        var headers = (await page.GotoAsync("/account/login"))!.Headers;
        Assert.False(headers.ContainsKey("server"), "Kestrel names itself in a Server header.");
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);

        await SignUpAsync(page, admin, "Fake Fiona");
        var taken = await page.Locator("main, body").First.InnerTextAsync();
        await SignUpAsync(page, "newcomer@acme.example", "Fake Fiona");
        var fresh = await page.Locator("main, body").First.InnerTextAsync();

        Assert.Equal(fresh.Replace("newcomer@acme.example", "ADDRESS"), taken.Replace(admin, "ADDRESS"));
        Assert.Equal([admin], Session.App.Mail.SignUpAttempts.ToArray());
        // The impostor's password does not open the account.
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", admin);
        await page.FillAsync("#password", SignUpPassword);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("The email or password is incorrect.");
    }

    private const string SignUpPassword = "Lantern-orbit-violet-9";

    private static async Task SignUpAsync(IPage page, string email, string name)
    {
        await page.GotoAsync("/account/login?mode=signup");
        await page.FillAsync("#displayName", name);
        await page.FillAsync("#signup-email", email);
        await page.FillAsync("#signup-password", SignUpPassword);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=check-inbox]")).ToBeVisibleAsync();
    }
}
