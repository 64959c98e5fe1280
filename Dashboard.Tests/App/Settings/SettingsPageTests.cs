using System.Security.Claims;
using Bunit;
using Dashboard.App.Auth;
using Dashboard.App.Features.Settings;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Groups;
using Dashboard.Domain.IssueTags;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.ProjectTags;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Settings;

public class SettingsPageTests : BunitTestBase
{
    private TestDatabase _database = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddSingleton<IDbContextFactory<DashboardDbContext>>(_database);
        Services.AddSingleton<MembershipService>();
        Services.AddSingleton<MemberDirectory>();
        Services.AddSingleton<GroupDirectory>();
        Services.AddSingleton<ProjectTagDirectory>();
        Services.AddSingleton<IssueTagDirectory>();
        Services.AddSingleton<JobDirectory>();
        Services.AddScoped<CurrentActor>();
    }

    protected override async Task DisposeCoreAsync() => await _database.DisposeAsync();

    private async Task SignInAsAsync(WorkspaceRole role)
    {
        var workspace = await Seed.WorkspaceAsync(_database);
        var actor = await Seed.MemberAsync(_database, workspace, role);
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{role}@acme.example");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.AccountId.ToString()));
    }

    private static string[] TabTitles(IRenderedComponent<SettingsPage> page) =>
        page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToArray();

    [Theory]
    [InlineData(WorkspaceRole.Admin, "groups", new[] { "Users", "Groups", "Project tags", "Issue tags", "Activity Center" })]
    [InlineData(WorkspaceRole.Member, "groups", new[] { "Users", "Groups", "Activity Center" })]
    [InlineData(WorkspaceRole.WorkforceManager, "groups", new[] { "Users", "Groups", "Activity Center" })]
    [InlineData(WorkspaceRole.Tasker, "groups", new[] { "Groups", "Activity Center" })]
    public async Task Tabs_ShowOnlyWhatTheRoleMaySee(WorkspaceRole role, string tab, string[] expected)
    {
        await SignInAsAsync(role);

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, tab));

        page.WaitForAssertion(() => Assert.Equal(expected, TabTitles(page)));
    }

    [Theory]
    [InlineData(WorkspaceRole.Tasker, "users", "cannot see other workspace members")]
    [InlineData(WorkspaceRole.Member, "project-tags", "cannot manage tags")]
    [InlineData(WorkspaceRole.WorkforceManager, "issue-tags", "cannot manage tags")]
    public async Task ForbiddenTabAddress_SaysNotAllowed_AndRendersNoTab(WorkspaceRole role, string tab, string reason)
    {
        await SignInAsAsync(role);

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, tab));

        page.WaitForAssertion(() => Assert.Contains(reason, page.Find("[data-testid=not-allowed]").TextContent));
        Assert.Empty(page.FindAll(".mud-tab"));
        Assert.Empty(page.FindAll("[data-testid=users-grid]"));
    }

    [Fact]
    public async Task UsersTab_ForAnAdmin_ListsTheWorkspacesMembers()
    {
        await SignInAsAsync(WorkspaceRole.Admin);

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, "users"));

        page.WaitForAssertion(() => Assert.Contains("Admin Person", page.Find("[data-testid=users-grid]").TextContent));
    }

    [Fact]
    public async Task UnknownTab_SaysSo()
    {
        await SignInAsAsync(WorkspaceRole.Admin);

        var page = Render<SettingsPage>(p => p.Add(x => x.Tab, "billing"));

        page.WaitForAssertion(() => Assert.Contains("no settings tab called \"billing\"", page.Find("[data-testid=unknown-tab]").TextContent));
    }
}
