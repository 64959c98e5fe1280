using Bunit;
using Dashboard.App.Features.Settings;
using Dashboard.Domain.Access;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.App.Settings;

public class SettingsPageTests : AppComponentTestBase
{
    private static string[] TabTitles(IRenderedComponent<SettingsPage> page) =>
        page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToArray();

    [Theory]
    [InlineData(WorkspaceRole.Admin, "groups", new[] { "Users", "Groups", "Project tags", "Issue tags", "Activity Center" })]
    [InlineData(WorkspaceRole.Member, "groups", new[] { "Users", "Groups", "Activity Center" })]
    [InlineData(WorkspaceRole.WorkforceManager, "groups", new[] { "Users", "Groups", "Activity Center" })]
    [InlineData(WorkspaceRole.Tasker, "groups", new[] { "Groups", "Activity Center" })]
    public async Task Tabs_ShowOnlyWhatTheRoleMaySee(WorkspaceRole role, string tab, string[] expected)
    {
        await SignInAsAsync(role, $"{role} Person");

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, tab));

        page.WaitForAssertion(() => Assert.Equal(expected, TabTitles(page)));
    }

    [Theory]
    [InlineData(WorkspaceRole.Tasker, "users", "cannot see other workspace members")]
    [InlineData(WorkspaceRole.Member, "project-tags", "cannot manage tags")]
    [InlineData(WorkspaceRole.WorkforceManager, "issue-tags", "cannot manage tags")]
    public async Task ForbiddenTabAddress_SaysNotAllowed_AndRendersNoTab(WorkspaceRole role, string tab, string reason)
    {
        await SignInAsAsync(role, $"{role} Person");

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, tab));

        page.WaitForAssertion(() => Assert.Contains(reason, page.Find("[data-testid=not-allowed]").TextContent));
        Assert.Empty(page.FindAll(".mud-tab"));
        Assert.Empty(page.FindAll("[data-testid=users-grid]"));
    }

    [Fact]
    public async Task UsersTab_ForAnAdmin_ListsTheWorkspacesMembers()
    {
        await SignInAsAsync(WorkspaceRole.Admin, "Admin Person");
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, "users"));

        page.WaitForAssertion(() => Assert.Contains("Admin Person", page.Find("[data-testid=users-grid]").TextContent));
    }

    [Fact]
    public async Task UnknownTab_SaysSo()
    {
        await SignInAsAsync(WorkspaceRole.Admin, "Admin Person");

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, "billing"));

        page.WaitForAssertion(() => Assert.Contains("no settings tab called \"billing\"", page.Find("[data-testid=unknown-tab]").TextContent));
    }
}
