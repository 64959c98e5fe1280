using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>An Admin adds an email domain, publishes its TXT record on a real DNS server and verifies it.</summary>
[Collection(EndToEndCollection.Name)]
public class DomainVerificationJourneyTests : BrowserJourney
{
    private DnsServer? _dns;
    public override async Task InitializeAsync()
    {
        if (!BrowserAndDnsFactAttribute.CanRun) return;
        _dns = await DnsServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureApp(DashboardAppFactory app) => app.Settings["Dashboard:Dns:Resolver"] = _dns!.Resolver;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dns is not null) await _dns.DisposeAsync();
    }

    [BrowserAndDnsFact]
    public Task AnAdmin_AddsADomain_PublishesTheRecord_AndVerifiesIt() =>
        Session.JourneyAsync(AnAdmin_AddsADomain_PublishesTheRecord_AndVerifiesItJourneyAsync);

    private async Task AnAdmin_AddsADomain_PublishesTheRecord_AndVerifiesItJourneyAsync()
    {
        Assert.NotNull(_dns);
        var admin = await Session.SetUpAsync();
        var page = await Session.NewPageAsync();
        await BrowserSession.SignInAsync(page, admin);
        await page.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(page);
        var input = page.Locator("input[data-testid=email-domain-input]");

        await input.FillAsync("gmail.com");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=email-domains]")).ToContainTextAsync("gmail.com is a public mail service");

        await input.FillAsync("acme.example");
        await input.PressAsync("Enter");
        var row = page.Locator("[data-testid=email-domain-row]").Filter(new() { HasText = "acme.example" });
        await Assertions.Expect(row.Locator("[data-testid=email-domain-status]")).ToContainTextAsync("Pending");
        var record = await row.Locator("[data-testid=email-domain-record] code").AllInnerTextsAsync();
        Assert.Equal("_dashboard-verify.acme.example", record[0]);

        // Verify before the record exists: told what to publish, still pending.
        await row.Locator("[data-testid=email-domain-verify]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "No TXT record" })).ToContainTextAsync("No TXT record was found at _dashboard-verify.acme.example");
        await BrowserSession.ScreenshotAsync(page, "identity-domain-pending");

        await _dns.PublishTxtAsync(record[0], record[1]);
        await row.Locator("[data-testid=email-domain-verify]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=email-domain-status]")).ToContainTextAsync("Verified");
        await Assertions.Expect(row.Locator("[data-testid=email-domain-verify]")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "identity-domain-verified");
    }
}
