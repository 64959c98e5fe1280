using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Domain.Users;

public class MemberDirectoryTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private MemberDirectory _directory = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _directory = new MemberDirectory(_database);
        _workspace = await Seed.WorkspaceAsync(_database);
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
        await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, "bob@acme.example", "Bob Builder");
        await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker, "cy@labelforce.example", "Cy Tasker", UserType.External);
        await Seed.InvitedAsync(_database, _workspace, "dee@acme.example");
        var other = await Seed.WorkspaceAsync(_database, "Elsewhere");
        await Seed.MemberAsync(_database, other, WorkspaceRole.Member, "outsider@else.example", "Outsider");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task List_ForATasker_IsForbidden()
    {
        var tasker = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Tasker);

        var result = await _directory.ListAsync(tasker, new MemberQuery());

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Fact]
    public async Task List_ShowsOnlyThisWorkspacesMembers_SortedByName()
    {
        var result = await _directory.ListAsync(_admin, new MemberQuery());

        Assert.Equal(["Ada Admin", "Bob Builder", "Cy Tasker", "dee@acme.example"], result.Value.Items.Select(m => m.DisplayName));
        Assert.Equal(4, result.Value.TotalCount);
    }

    [Fact]
    public async Task List_SearchesNameAndEmail_CaseInsensitively()
    {
        var byName = await _directory.ListAsync(_admin, new MemberQuery(Search: "BUILDER"));
        var byEmail = await _directory.ListAsync(_admin, new MemberQuery(Search: "labelforce"));

        Assert.Equal("Bob Builder", Assert.Single(byName.Value.Items).DisplayName);
        Assert.Equal("Cy Tasker", Assert.Single(byEmail.Value.Items).DisplayName);
    }

    [Theory]
    [InlineData("uild")]   // through the trigram index
    [InlineData("ob")]     // too short for it: row by row
    public async Task List_FindsTextInsideNames(string text)
    {
        var result = await _directory.ListAsync(_admin, new MemberQuery(Search: text));

        Assert.Equal("Bob Builder", Assert.Single(result.Value.Items).DisplayName);
    }

    [Fact]
    public async Task TheSearchIndex_FollowsRenamesAndRemovals()
    {
        await using (var db = _database.CreateDbContext())
        {
            var bob = await db.Members.SingleAsync(m => m.DisplayName == "Bob Builder");
            bob.Join(bob.AccountId!.Value, "Robert Mason", DateTimeOffset.UtcNow);
            db.Members.Remove(await db.Members.SingleAsync(m => m.DisplayName == "Cy Tasker"));
            await db.SaveChangesAsync();
        }

        Assert.Empty((await _directory.ListAsync(_admin, new MemberQuery(Search: "Builder"))).Value.Items);
        Assert.Equal("Robert Mason", Assert.Single((await _directory.ListAsync(_admin, new MemberQuery(Search: "mason"))).Value.Items).DisplayName);
        Assert.Empty((await _directory.ListAsync(_admin, new MemberQuery(Search: "labelforce"))).Value.Items);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("Bob\" OR \"Cy")]
    [InlineData("MemberId : a")]
    [InlineData("{DisplayName} : x*")]
    [InlineData("NEAR(a b)")]
    public async Task SearchSyntax_IsTextToFind_NeverAQuery(string text)
    {
        var result = await _directory.ListAsync(_admin, new MemberQuery(Search: text));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Value.Items);
    }

    [Fact]
    public async Task List_TreatsLikeWildcardsLiterally()
    {
        var result = await _directory.ListAsync(_admin, new MemberQuery(Search: "%"));

        Assert.Empty(result.Value.Items);
    }

    [Fact]
    public async Task List_FiltersByRoleTypeAndStatus()
    {
        var external = await _directory.ListAsync(_admin, new MemberQuery(UserType: UserType.External));
        var invited = await _directory.ListAsync(_admin, new MemberQuery(Status: MemberStatus.Invited));
        var members = await _directory.ListAsync(_admin, new MemberQuery(Role: WorkspaceRole.Member));

        Assert.Equal("Cy Tasker", Assert.Single(external.Value.Items).DisplayName);
        Assert.Equal("dee@acme.example", Assert.Single(invited.Value.Items).Email);
        Assert.Equal(2, members.Value.TotalCount);
    }

    [Fact]
    public async Task List_PagesInTheDatabase_AndReportsTheTotal()
    {
        var second = await _directory.ListAsync(_admin, new MemberQuery(SortBy: MemberSort.Email, Descending: true,
            Page: new PageRequest(PageIndex: 1, PageSize: 3)));

        Assert.Equal(4, second.Value.TotalCount);
        Assert.Equal("ada@acme.example", Assert.Single(second.Value.Items).Email);
    }
}
