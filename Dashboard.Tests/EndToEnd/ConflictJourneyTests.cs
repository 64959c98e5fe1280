using Dashboard.Domain.Access;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// Two Admins on one page (a group, a member, a Dataset): the second save is refused with who changed it, what the
/// first saved stands, and the page offers the reload.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class ConflictJourneyTests : BrowserJourney
{
    [BrowserFact]
    public Task TwoAdminsEditingOneGroup_NeitherChangeIsLostSilently() =>
        Session.JourneyAsync(TwoAdminsEditingOneGroupJourneyAsync);

    private async Task TwoAdminsEditingOneGroupJourneyAsync()
    {
        var fiona = await Session.SetUpAsync();
        var bea = await Session.AddMemberAsync("bea@acme.example", "Bea Admin", WorkspaceRole.Admin);
        var group = (await Session.App.Services.GetRequiredService<GroupService>()
            .CreateAsync(await Session.ActorAsync(fiona), new CreateGroup("Night shift", "Weekdays", [], []))).Value;
        var (a, b) = (await Session.SignedInPageAsync(fiona, $"/groups/{group}"), await Session.SignedInPageAsync(bea, $"/groups/{group}"));

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

    [BrowserFact]
    public Task TwoAdminsChangingOneMembersRole_TheSecondIsToldAndNothingIsOverwritten() =>
        Session.JourneyAsync(TwoAdminsChangingOneMembersRoleJourneyAsync);

    private async Task TwoAdminsChangingOneMembersRoleJourneyAsync()
    {
        var fiona = await Session.SetUpAsync();
        var bea = await Session.AddMemberAsync("bea@acme.example", "Bea Admin", WorkspaceRole.Admin);
        await Session.AddMemberAsync("max@acme.example", "Max Member", WorkspaceRole.Member);
        var max = (await Session.ActorAsync("max@acme.example")).MemberId;
        var (a, b) = (await Session.SignedInPageAsync(fiona, $"/settings/users/{max}"), await Session.SignedInPageAsync(bea, $"/settings/users/{max}"));

        await a.Locator("[data-testid=member-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(a, "Tasker");
        await Assertions.Expect(a.Locator(".mud-snackbar")).ToContainTextAsync("Max Member is now Tasker.");
        await b.Locator("[data-testid=member-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(b, "Workforce Manager");

        await Assertions.Expect(b.Locator("[data-testid=member-conflict]"))
            .ToContainTextAsync("Fiona Founder changed Max Member's role to Tasker a moment ago — reload to see it. Nothing was saved.");
        await BrowserSession.ScreenshotAsync(b, "member-role-conflict");
        await b.Locator("[data-testid=member-conflict-reload]").ClickAsync();
        await Assertions.Expect(b.Locator("[data-testid=member-role]")).ToContainTextAsync("Tasker");
        Assert.Equal(WorkspaceRole.Tasker, (await Session.ActorAsync("max@acme.example")).Role);
    }

    [BrowserFact]
    public Task TwoAdminsEditingOneDataset_TheSecondIsToldAndNothingIsOverwritten() =>
        Session.JourneyAsync(TwoAdminsEditingOneDatasetJourneyAsync);

    private async Task TwoAdminsEditingOneDatasetJourneyAsync()
    {
        var fiona = await Session.SetUpAsync();
        var bea = await Session.AddMemberAsync("bea@acme.example", "Bea Admin", WorkspaceRole.Admin);
        var dataset = (await Session.App.Services.GetRequiredService<ResourceService>()
            .CreateAsync(await Session.ActorAsync(fiona), new CreateResource(ResourceKind.Dataset, "Street scenes", "Daylight"))).Value;
        var (a, b) = (await Session.SignedInPageAsync(fiona, $"/datasets/{dataset}"), await Session.SignedInPageAsync(bea, $"/datasets/{dataset}"));

        await a.Locator("[data-testid=resource-edit]").ClickAsync();
        await b.Locator("[data-testid=resource-edit]").ClickAsync();
        await a.Locator("input[data-testid=resource-name]").FillAsync("Street scenes 2026");
        await a.Locator("[data-testid=resource-submit]").ClickAsync();
        await Assertions.Expect(a.Locator("h1")).ToContainTextAsync("Street scenes 2026");
        await b.Locator("input[data-testid=resource-name]").FillAsync("City streets");
        await b.Locator("[data-testid=resource-submit]").ClickAsync();

        await Assertions.Expect(b.Locator("[data-testid=resource-conflict]"))
            .ToContainTextAsync("Fiona Founder changed this Dataset a moment ago — reload to see it. Nothing was saved.");
        await Assertions.Expect(b.Locator("input[data-testid=resource-name]")).ToHaveValueAsync("City streets");
        await BrowserSession.ScreenshotAsync(b, "resource-conflict");
        await b.Locator("[data-testid=resource-conflict-reload]").ClickAsync();
        await Assertions.Expect(b.Locator("h1")).ToContainTextAsync("Street scenes 2026");
    }

    [BrowserFact]
    public Task TwoAdminsRevokingOneKey_TheSecondIsToldWhoDid() =>
        Session.JourneyAsync(TwoAdminsRevokingOneKeyJourneyAsync);

    private async Task TwoAdminsRevokingOneKeyJourneyAsync()
    {
        var fiona = await Session.SetUpAsync();
        var bea = await Session.AddMemberAsync("bea@acme.example", "Bea Admin", WorkspaceRole.Admin);
        await Session.App.Services.GetRequiredService<Dashboard.Domain.Activity.ApiKeyService>().CreateAsync(await Session.ActorAsync(fiona), "cluster");
        var (a, b) = (await Session.SignedInPageAsync(fiona, "/settings/activity"), await Session.SignedInPageAsync(bea, "/settings/activity"));

        await a.Locator("[data-testid=api-keys] tr").Filter(new() { HasText = "cluster" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(a.Locator(".mud-snackbar")).ToContainTextAsync("revoked");
        await b.Locator("[data-testid=api-keys] tr").Filter(new() { HasText = "cluster" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Assertions.Expect(b.Locator("[data-testid=api-key-conflict]"))
            .ToContainTextAsync("Fiona Founder revoked \"cluster\" a moment ago — reload to see it.");
        await b.Locator("[data-testid=api-key-conflict-reload]").ClickAsync();
        await Assertions.Expect(b.Locator("[data-testid=api-key-conflict]")).ToHaveCountAsync(0);
    }
}
