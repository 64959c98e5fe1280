using Dashboard.Domain.Access;
using Dashboard.Domain.Groups;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Two Admins on one group page: the second save is refused with who changed it, and the page offers the reload.</summary>
[Collection(EndToEndCollection.Name)]
public class ConflictJourneyTests : IAsyncLifetime
{
    private BrowserSession _session = default!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [BrowserFact]
    public Task TwoAdminsEditingOneGroup_NeitherChangeIsLostSilently() =>
        _session.JourneyAsync(TwoAdminsEditingOneGroupJourneyAsync);

    private async Task TwoAdminsEditingOneGroupJourneyAsync()
    {
        var fiona = await _session.SetUpAsync();
        var bea = await _session.AddMemberAsync("bea@acme.example", "Bea Admin", WorkspaceRole.Admin);
        var group = (await _session.App.Services.GetRequiredService<GroupService>()
            .CreateAsync(await _session.ActorAsync(fiona), new CreateGroup("Night shift", "Weekdays", [], []))).Value;
        var a = await _session.NewPageAsync();
        var b = await _session.NewPageAsync();
        foreach (var (page, who) in new[] { (a, fiona), (b, bea) })
        {
            await BrowserSession.SignInAsync(page, who);
            await page.GotoAsync($"/groups/{group}");
            await BrowserSession.WaitForInteractiveAsync(page);
        }

        await b.Locator("input[data-testid=group-description]").FillAsync("Weekdays and weekends");
        await b.Locator("[data-testid=group-save]").ClickAsync();
        await Assertions.Expect(b.Locator(".mud-snackbar")).ToContainTextAsync("Saved.");
        await a.Locator("input[data-testid=group-name]").FillAsync("Late shift");
        await a.Locator("[data-testid=group-save]").ClickAsync();

        await Assertions.Expect(a.Locator("[data-testid=group-conflict]"))
            .ToContainTextAsync("Bea Admin changed this group a moment ago — reload to see it.");
        await BrowserSession.ScreenshotAsync(a, "group-conflict");
        await a.Locator("[data-testid=group-conflict-reload]").ClickAsync();
        await Assertions.Expect(a.Locator("input[data-testid=group-description]")).ToHaveValueAsync("Weekdays and weekends");
        await a.Locator("input[data-testid=group-name]").FillAsync("Late shift");
        await a.Locator("[data-testid=group-save]").ClickAsync();
        await Assertions.Expect(a.Locator("h1")).ToHaveTextAsync("Late shift");
        await Assertions.Expect(a.Locator("input[data-testid=group-description]")).ToHaveValueAsync("Weekdays and weekends");
    }
}
