using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Invitations;

public class SignUpAndEmailDomainTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private InvitationService _invitations = default!;
    private EmailDomainService _domains = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<DashboardDbContext>(o => o.UseSqlite(_database.Connection));
        services.AddIdentityCore<Account>(o => o.User.RequireUniqueEmail = true).AddEntityFrameworkStores<DashboardDbContext>();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<MembershipChanges>();
        services.AddScoped<AccountSignUp>();
        _services = services.BuildServiceProvider();
        _invitations = new InvitationService(_database, _clock, Options.Create(new InvitationOptions()), new MembershipChanges());
        _domains = new EmailDomainService(_database, _clock);
        _workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<Result<Account>> SignUpAsync(string email, string? token = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountSignUp>()
            .SignUpAsync(new SignUpCommand(email, "Ivy Invitee", "Str0ng!pass", token));
    }

    private async Task<List<WorkspaceMember>> MembersAsync(string email)
    {
        await using var db = _database.CreateDbContext();
        var normalized = WorkspaceMember.NormalizeEmail(email);
        return await db.Members.Where(m => m.NormalizedEmail == normalized).ToListAsync();
    }

    private async Task<int> AccountCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.CountAsync();
    }

    [Fact]
    public async Task SigningUpByTheLink_JoinsTheWorkspace_AndConfirmsTheAddress()
    {
        var invitation = (await _invitations.InviteAsync(_admin, new InviteCommand(["ivy@partner.example"], WorkspaceRole.Tasker, UserType.External))).Value[0];
        _clock.Advance(TimeSpan.FromHours(3));

        var account = (await SignUpAsync("ivy@partner.example", invitation.Token)).Value;

        var member = Assert.Single(await MembersAsync("ivy@partner.example"));
        Assert.Equal((MemberStatus.Joined, Seed.Now.AddHours(3), account.Id, "Ivy Invitee"),
            (member.Status, member.StatusAt, member.AccountId!.Value, member.DisplayName));
        Assert.True(account.EmailConfirmed);
        Assert.Equal(_workspace.Id, account.CurrentWorkspaceId);
        Assert.False((await _invitations.OpenAsync(invitation.Token)).Succeeded);
    }

    [Fact]
    public async Task SigningUpByTheLink_WithAnotherAddress_CreatesNothing()
    {
        var invitation = (await _invitations.InviteAsync(_admin, new InviteCommand(["ivy@acme.example"], WorkspaceRole.Member, UserType.Internal))).Value[0];
        var before = await AccountCountAsync();

        var result = await SignUpAsync("mallory@acme.example", invitation.Token);

        Assert.Equal(("Email", "This invitation is for ivy@acme.example; sign up with that address."), (result.Error!.Field, result.Error.Message));
        Assert.Equal(before, await AccountCountAsync());
        Assert.Equal(MemberStatus.Invited, Assert.Single(await MembersAsync("ivy@acme.example")).Status);
    }

    [Fact]
    public async Task SigningUp_WithARegisteredDomain_JoinsWithItsRoleAndType()
    {
        Assert.True((await _domains.AddAsync(_admin, "@Partner.Example", WorkspaceRole.Tasker, UserType.External)).Succeeded);

        var account = (await SignUpAsync("jon@partner.example")).Value;
        await SignUpAsync("eve@elsewhere.example");

        var member = Assert.Single(await MembersAsync("jon@partner.example"));
        Assert.Equal((MemberStatus.Joined, WorkspaceRole.Tasker, UserType.External, _workspace.Id),
            (member.Status, member.Role, member.UserType, member.WorkspaceId));
        Assert.Equal(_workspace.Id, account.CurrentWorkspaceId);
        Assert.False(account.EmailConfirmed);
        Assert.Empty(await MembersAsync("eve@elsewhere.example"));
    }

    [Fact]
    public async Task ADomain_BelongsToOneWorkspace()
    {
        var other = await Seed.WorkspaceAsync(_database, "Other Co");
        var otherAdmin = await Seed.MemberAsync(_database, other, WorkspaceRole.Admin);
        await _domains.AddAsync(_admin, "acme.example", WorkspaceRole.Member, UserType.Internal);

        var again = await _domains.AddAsync(_admin, "ACME.example", WorkspaceRole.Member, UserType.Internal);
        var taken = await _domains.AddAsync(otherAdmin, "acme.example", WorkspaceRole.Member, UserType.Internal);

        Assert.Equal(ErrorKind.Conflict, again.Error!.Kind);
        Assert.Equal("acme.example already belongs to another workspace on this server.", taken.Error!.Message);
        Assert.Empty((await _domains.ListAsync(otherAdmin)).Value);
    }

    [Theory]
    [InlineData("", "Enter a domain")]
    [InlineData("ivy@acme.example", "Enter only the part after the @ (for example acme.example).")]
    [InlineData("acme", "is not a domain name")]
    [InlineData("ac me.example", "is not a domain name")]
    [InlineData("-acme.example", "is not a domain name")]
    public async Task AMalformedDomain_IsRefused(string domain, string message)
    {
        var result = await _domains.AddAsync(_admin, domain, WorkspaceRole.Member, UserType.Internal);

        Assert.Contains(message, result.Error!.Message);
        Assert.Empty((await _domains.ListAsync(_admin)).Value);
    }

    [Theory]
    [InlineData(WorkspaceRole.Member)]
    [InlineData(WorkspaceRole.WorkforceManager)]
    [InlineData(WorkspaceRole.Tasker)]
    public async Task OnlyAdmins_ManageEmailDomains(WorkspaceRole role)
    {
        var actor = await Seed.MemberAsync(_database, _workspace, role);

        Assert.Equal(ErrorKind.Forbidden, (await _domains.AddAsync(actor, "acme.example", WorkspaceRole.Member, UserType.Internal)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await _domains.ListAsync(actor)).Error!.Kind);
    }

    [Fact]
    public async Task ADomainCannotMakeExternalAdmins()
    {
        var result = await _domains.AddAsync(_admin, "partner.example", WorkspaceRole.Admin, UserType.External);

        Assert.Equal("Role", result.Error!.Field);
    }
}
