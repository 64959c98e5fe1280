using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Resources;

/// <summary>docs/product.md "User types": an Internal member of a workforce workspace given access elsewhere joins as a Workforce Tasker.</summary>
public class WorkforceJoinTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ResourceService _resources = default!;
    private ResourceAccessService _access = default!;
    private Workspace _customer = default!;
    private Workspace _vendor = default!;
    private Actor _admin = default!;
    private Actor _wendy = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Seed.Now);
        _resources = new ResourceService(_database, clock);
        _access = new ResourceAccessService(_database, clock);
        _customer = await Seed.WorkspaceAsync(_database, "Acme");
        _vendor = await Seed.WorkspaceAsync(_database, "Label Force", isWorkforce: true);
        _admin = await Seed.MemberAsync(_database, _customer, WorkspaceRole.Admin, name: "Ada Admin");
        _wendy = await Seed.MemberAsync(_database, _vendor, WorkspaceRole.Member, "wendy@labelforce.example", "Wendy Worker");
        await PartnerAsync(_vendor, _customer);
    }

    private async Task PartnerAsync(Workspace workforce, Workspace client)
    {
        await using var db = _database.CreateDbContext();
        db.WorkforcePartners.Add(new WorkforcePartner(workforce.Id, client.Id, Seed.Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> CreateAsync(ResourceKind kind, string name, Guid? ontology = null) =>
        (await _resources.CreateAsync(_admin, new CreateResource(kind, name, "", ontology))).Value;

    [Fact]
    public async Task AddingAWorkforcePersonToAProject_MakesThemAWorkforceTaskerOfThisWorkspace_WithTheAccess()
    {
        var ontology = await CreateAsync(ResourceKind.Ontology, "Road objects");
        var project = await CreateAsync(ResourceKind.Project, "Perception", ontology);

        var offered = (await _access.FindCandidatesAsync(_admin, project, groups: false, "wendy")).Value;
        var wendy = Assert.Single(offered);
        Assert.Contains("from workforce Label Force, joins as Tasker", wendy.Detail);

        var added = await _access.AddMembersAsync(_admin, project, [wendy.Id], ResourceRole.Annotator);

        Assert.True(added.Succeeded, added.Error?.Message);
        await using var db = _database.CreateDbContext();
        var joined = await db.Members.SingleAsync(m => m.WorkspaceId == _customer.Id && m.AccountId == _wendy.AccountId);
        Assert.Equal((WorkspaceRole.Tasker, UserType.Workforce, MemberStatus.Joined, _vendor.Id),
            (joined.Role, joined.UserType, joined.Status, joined.HomeWorkspaceId));
        var people = (await _access.ListAsync(_admin, project)).Value.People;
        Assert.Equal("Direct: Annotator", people.Single(p => p.MemberId == joined.Id).Explanation);
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == AuditActions.WorkforceJoined);

        // They are in both workspaces now, and the Users list says where they come from.
        Assert.Equal(2, await db.Members.CountAsync(m => m.AccountId == _wendy.AccountId));
        var rows = (await new MemberDirectory(_database).ListAsync(_admin, new MemberQuery(Search: "wendy"))).Value.Items;
        Assert.Equal("Workforce · from Label Force", Assert.Single(rows).UserTypeText);
        // ...and once in, they are an ordinary member: not offered again from the workforce.
        var dataset = await CreateAsync(ResourceKind.Dataset, "Berlin");
        Assert.Equal([joined.Id], (await _access.FindCandidatesAsync(_admin, dataset, false, "wendy")).Value.Select(c => c.Id));
    }

    [Fact]
    public async Task OnlyJoinedInternalPeopleOfWorkforceWorkspaces_AreOffered_AndOnlyThroughProjectsAndDatasets()
    {
        var plainCompany = await Seed.WorkspaceAsync(_database, "Other Co");
        await Seed.MemberAsync(_database, plainCompany, WorkspaceRole.Member, "wes@other.example", "Wes Plain");
        await Seed.MemberAsync(_database, _vendor, WorkspaceRole.Member, "wade@labelforce.example", "Wade External", type: UserType.External);
        await Seed.InvitedAsync(_database, _vendor, "willa@labelforce.example");
        var dataset = await CreateAsync(ResourceKind.Dataset, "Berlin");
        var ontology = await CreateAsync(ResourceKind.Ontology, "Road objects");

        var offered = new List<string>();
        foreach (var typed in new[] { "Wendy", "Wes", "Wade", "willa@labelforce.example" })
            offered.AddRange((await _access.FindCandidatesAsync(_admin, dataset, false, typed)).Value.Select(c => c.Name));
        Assert.Equal(["Wendy Worker"], offered);
        Assert.Empty((await _access.FindCandidatesAsync(_admin, ontology, false, "wendy")).Value);

        // Not through an Ontology, even if the id is sent anyway: nothing is created.
        var refused = await _access.AddMembersAsync(_admin, ontology, [_wendy.MemberId], ResourceRole.User);
        Assert.False(refused.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Members.AnyAsync(m => m.WorkspaceId == _customer.Id && m.AccountId == _wendy.AccountId));
    }

    [Fact]
    public async Task SomeoneWhoDeclinedThisWorkspace_IsNotBroughtBackThroughTheWorkforce()
    {
        var invited = await Seed.InvitedAsync(_database, _customer, "wendy@labelforce.example");
        await using (var db = _database.CreateDbContext())
        {
            db.Attach(invited);
            invited.Decline(Seed.Now);
            await db.SaveChangesAsync();
        }
        var dataset = await CreateAsync(ResourceKind.Dataset, "Berlin");

        Assert.Empty((await _access.FindCandidatesAsync(_admin, dataset, false, "wendy")).Value);
        Assert.False((await _access.AddMembersAsync(_admin, dataset, [_wendy.MemberId], ResourceRole.User)).Succeeded);
    }

    [Fact]
    public async Task AWorkforceThatHasNotChosenThisClient_LendsItNobody()
    {
        var freeAgents = await Seed.WorkspaceAsync(_database, "Free Agents", isWorkforce: true);
        var wendell = await Seed.MemberAsync(_database, freeAgents, WorkspaceRole.Member, "wendell@free.example", "Wendell Free");
        var dataset = await CreateAsync(ResourceKind.Dataset, "Berlin");

        Assert.Empty((await _access.FindCandidatesAsync(_admin, dataset, false, "Wendell")).Value);
        Assert.Empty((await _access.FindCandidatesAsync(_admin, dataset, false, "wendell@free.example")).Value);
        Assert.False((await _access.AddMembersAsync(_admin, dataset, [wendell.MemberId], ResourceRole.User)).Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Members.AnyAsync(m => m.WorkspaceId == _customer.Id && m.AccountId == wendell.AccountId));
    }

    [Theory]
    [InlineData("We", false)]
    [InlineData("Wen", true)]
    [InlineData("worker", true)]
    [InlineData("labelforce", false)]
    [InlineData("@labelforce.example", false)]
    [InlineData("WENDY@labelforce.example", true)]
    public async Task AClientFindsWorkforcePeople_ByAWholeAddressOrThreeLettersOfAName(string typed, bool found)
    {
        var dataset = await CreateAsync(ResourceKind.Dataset, "Berlin");

        var offered = (await _access.FindCandidatesAsync(_admin, dataset, false, typed)).Value;

        Assert.Equal(found, offered.Any(c => c.Id == _wendy.MemberId));
    }

    [Fact]
    public async Task TheWorkforcesAdmins_AreNeverOffered()
    {
        var vera = await Seed.MemberAsync(_database, _vendor, WorkspaceRole.Admin, "vera@labelforce.example", "Vera Vendor");
        var dataset = await CreateAsync(ResourceKind.Dataset, "Berlin");

        Assert.Empty((await _access.FindCandidatesAsync(_admin, dataset, false, "Vera")).Value);
        Assert.Empty((await _access.FindCandidatesAsync(_admin, dataset, false, "vera@labelforce.example")).Value);
        Assert.False((await _access.AddMembersAsync(_admin, dataset, [vera.MemberId], ResourceRole.User)).Succeeded);
    }

    [Fact]
    public async Task ThePersonLent_IsToldOnHome_AndTheWorkforceAuditLogRecordsIt()
    {
        var dataset = await CreateAsync(ResourceKind.Dataset, "Berlin");

        Assert.True((await _access.AddMembersAsync(_admin, dataset, [_wendy.MemberId], ResourceRole.User)).Succeeded);

        var notices = new NoticeService(_database, new FakeTimeProvider(Seed.Now));
        var notice = Assert.Single(await notices.ListAsync(_wendy.AccountId));
        Assert.Equal("Ada Admin added you to Acme as a Workforce Tasker, lent by Label Force, with access to Dataset \"Berlin\". Switch to it from the workspace menu.", notice.Text);
        await notices.DismissAsync(_admin.AccountId, notice.Id);
        Assert.Single(await notices.ListAsync(_wendy.AccountId));
        await notices.DismissAsync(_wendy.AccountId, notice.Id);
        Assert.Empty(await notices.ListAsync(_wendy.AccountId));
        await using var db = _database.CreateDbContext();
        var lent = await db.AuditEntries.SingleAsync(e => e.WorkspaceId == _vendor.Id);
        Assert.Equal((AuditActions.WorkforceLent, "Ada Admin of Acme", "Wendy Worker <wendy@labelforce.example>", "Workforce Tasker in \"Acme\""),
            (lent.Action, lent.ActorName, lent.Target, lent.After));
    }
}
