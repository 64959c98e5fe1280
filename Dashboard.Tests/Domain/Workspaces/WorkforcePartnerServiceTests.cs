using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Workspaces;

public class WorkforcePartnerServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private WorkforcePartnerService _partners = default!;
    private Actor _vendorAdmin = default!;
    private Actor _clientAdmin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _partners = new WorkforcePartnerService(_database, new FakeTimeProvider(Seed.Now));
        var vendor = await Seed.WorkspaceAsync(_database, "Label Force", isWorkforce: true);
        var client = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _vendorAdmin = await Seed.MemberAsync(_database, vendor, WorkspaceRole.Admin, name: "Lena Lead");
        _clientAdmin = await Seed.MemberAsync(_database, client, WorkspaceRole.Admin);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AWorkforceAdmin_AddsAClientByName_WhichSeesWhoLendsItPeople()
    {
        var added = await _partners.AddAsync(_vendorAdmin, "  acme VISION ");

        Assert.True(added.Succeeded, added.Error?.Message);
        var vendorSide = (await _partners.ListAsync(_vendorAdmin)).Value;
        var clientSide = (await _partners.ListAsync(_clientAdmin)).Value;
        Assert.Equal((true, "Acme Vision"), (vendorSide.IsWorkforce, Assert.Single(vendorSide.Clients).WorkspaceName));
        Assert.Equal((false, "Label Force"), (clientSide.IsWorkforce, Assert.Single(clientSide.LentBy).WorkspaceName));
        Assert.Empty(clientSide.Clients);
        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditActions.WorkforcePartnerChanged, "Acme Vision"), (entry.Action, entry.Target));
    }

    [Fact]
    public async Task BadClients_AreRefusedWithAMessage_AndNothingIsSaved()
    {
        await _partners.AddAsync(_vendorAdmin, "Acme Vision");

        var unknown = await _partners.AddAsync(_vendorAdmin, "Acme Visions");
        var itself = await _partners.AddAsync(_vendorAdmin, "Label Force");
        var twice = await _partners.AddAsync(_vendorAdmin, "Acme Vision");
        var blank = await _partners.AddAsync(_vendorAdmin, "  ");
        var notWorkforce = await _partners.AddAsync(_clientAdmin, "Label Force");

        Assert.Equal("No workspace is called \"Acme Visions\" on this server. Ask the client's Admin for its exact name.", unknown.Error!.Message);
        Assert.Equal("A workspace cannot be its own client.", itself.Error!.Message);
        Assert.Equal("Acme Vision is already a client of Label Force.", twice.Error!.Message);
        Assert.Equal(ErrorKind.Invalid, blank.Error!.Kind);
        Assert.Contains("is not a workforce workspace", notWorkforce.Error!.Message);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.WorkforcePartners.CountAsync());
    }

    [Theory]
    [InlineData(WorkspaceRole.Member)]
    [InlineData(WorkspaceRole.WorkforceManager)]
    [InlineData(WorkspaceRole.Tasker)]
    public async Task OnlyAdmins_ManagePartners(WorkspaceRole role)
    {
        var vendor = await _database.CreateDbContext().Workspaces.SingleAsync(w => w.IsWorkforce);
        var actor = await Seed.MemberAsync(_database, vendor, role);
        var partner = (await _partners.AddAsync(_vendorAdmin, "Acme Vision")).Value;

        Assert.Equal(ErrorKind.Forbidden, (await _partners.AddAsync(actor, "Acme Vision")).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _partners.RemoveAsync(actor, partner)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _partners.ListAsync(actor)).Error!.Kind);
    }

    [Fact]
    public async Task Removing_EndsTheLending_ButOnlyTheWorkforceCanRemove()
    {
        var partner = (await _partners.AddAsync(_vendorAdmin, "Acme Vision")).Value;

        var byClient = await _partners.RemoveAsync(_clientAdmin, partner);
        var byVendor = await _partners.RemoveAsync(_vendorAdmin, partner);

        Assert.Equal(ErrorKind.NotFound, byClient.Error!.Kind);
        Assert.True(byVendor.Succeeded);
        Assert.Empty((await _partners.ListAsync(_clientAdmin)).Value.LentBy);
    }
}
