using Bunit;
using Dashboard.App.Components;
using Dashboard.App.Features.Users;
using Dashboard.Domain.Access;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.App.Users;

/// <summary>The Users list drawn as plain markup: sorted and paged by the database through its headers and pager.</summary>
public class UsersTabTests : AppComponentTestBase
{
    private async Task<IRenderedComponent<UsersTab>> RenderWithMembersAsync(int members)
    {
        var admin = await SignInAsAsync(WorkspaceRole.Admin, "Aaron Admin");
        for (var i = 1; i <= members; i++)
            await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: $"Member {i:00}");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var tab = Render<UsersTab>(p => p.Add(x => x.Actor, admin));
        tab.WaitForAssertion(() => Assert.Equal(25, Rows(tab).Count));
        return tab;
    }

    private static IReadOnlyList<string> Rows(IRenderedComponent<UsersTab> tab) =>
        tab.FindAll("[data-testid=users-grid] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheFirstPage_IsSortedByName_AndThePagerSaysHowManyInAll()
    {
        var tab = await RenderWithMembersAsync(30);

        Assert.EndsWith("Aaron Admin", Rows(tab)[0]);
        Assert.Equal("1-25 of 31", tab.Find(".list-pager-info").TextContent);
        Assert.Equal("ascending", tab.Find("th[aria-sort=ascending]").GetAttribute("aria-sort"));
        Assert.True(tab.Find("button[aria-label='Previous page']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task NextPage_ShowsTheRest_AndTheLastPageCannotGoFurther()
    {
        var tab = await RenderWithMembersAsync(30);

        await tab.Find("button[aria-label='Next page']").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Equal("26-31 of 31", tab.Find(".list-pager-info").TextContent));
        Assert.Equal(6, Rows(tab).Count);
        Assert.EndsWith("Member 30", Rows(tab)[^1]);
        Assert.True(tab.Find("button[aria-label='Next page']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PressingTheNameHeaderAgain_SortsDescending_FromTheFirstPage()
    {
        var tab = await RenderWithMembersAsync(30);
        await tab.Find("button[aria-label='Next page']").ClickAsync(new());
        tab.WaitForAssertion(() => Assert.Equal(6, Rows(tab).Count));

        // The header's buttons are markup heard through the table's one row-action handler (the browser's click on
        // "Name" arrives as this event; UsersJourneyTests clicks it in Chromium).
        await tab.Find("table").TriggerEventAsync("onrowaction", new RowActionEventArgs { Action = "sort", Row = "Name" });

        tab.WaitForAssertion(() => Assert.EndsWith("Member 30", Rows(tab)[0]));
        Assert.Equal("descending", tab.Find("th[aria-sort=descending]").GetAttribute("aria-sort"));
        Assert.Equal("1-25 of 31", tab.Find(".list-pager-info").TextContent);
    }

    [Fact]
    public async Task AnotherPageSize_StartsAgainAtTheFirstPage()
    {
        var tab = await RenderWithMembersAsync(30);
        await tab.Find("button[aria-label='Next page']").ClickAsync(new());
        tab.WaitForAssertion(() => Assert.Equal(6, Rows(tab).Count));

        await tab.Find(".list-pager select").ChangeAsync(new ChangeEventArgs { Value = "50" });

        tab.WaitForAssertion(() => Assert.Equal(31, Rows(tab).Count));
        Assert.Equal("1-31 of 31", tab.Find(".list-pager-info").TextContent);
    }

    [Fact]
    public async Task AnInvitedPerson_IsShownByAddressOnce_WithInvitedWhereANameWouldBe()
    {
        var admin = await SignInAsAsync(WorkspaceRole.Admin, "Aaron Admin");
        await Seed.InvitedAsync(Database, Workspace, "ivy@acme.example");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var tab = Render<UsersTab>(p => p.Add(x => x.Actor, admin));

        tab.WaitForAssertion(() => Assert.Equal(2, Rows(tab).Count));
        var row = tab.FindAll("[data-testid=users-grid] tbody tr").Single(r => r.TextContent.Contains("ivy@acme.example"));
        Assert.Equal("Invited", row.QuerySelector("td:first-child [data-testid=row-no-name]")!.TextContent);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(row.TextContent, "ivy@acme\\.example"));
    }
}
