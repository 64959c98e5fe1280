using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Invitations;

public partial class SignUpAndEmailDomainTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private InvitationService _invitations = default!;
    private InvitationAnswers _answers = default!;
    private EmailDomainService _domains = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<DashboardDbContext>(_database.Configure);
        services.AddDashboardAccounts().AddDefaultTokenProviders();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<MembershipChanges>();
        services.AddScoped<AccountSignUp>();
        services.AddScoped<AddressConfirmation>();
        services.AddScoped<PasswordReset>();
        _services = services.BuildServiceProvider();
        _invitations = new InvitationService(_database, _clock, Options.Create(new InvitationOptions()));
        _answers = new InvitationAnswers(_database, _clock, new MembershipChanges());
        _domains = new EmailDomainService(_database, _clock, new DnsDomainRecords(Options.Create(new DnsOptions { Resolver = "127.0.0.1:9" })),
            NullLogger<EmailDomainService>.Instance);
        _workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<Result<SignUpOutcome>> SignUpAsync(string email, string? token = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountSignUp>()
            .SignUpAsync(new SignUpCommand(email, "Ivy Invitee", "Quiet-Harbor-Lantern-7", token));
    }

    private async Task<Result<ConfirmedAddress>> ConfirmAsync(Guid accountId)
    {
        await using var scope = _services.CreateAsyncScope();
        var confirmation = scope.ServiceProvider.GetRequiredService<AddressConfirmation>();
        var link = await confirmation.IssueAsync(accountId);
        return await confirmation.ConfirmAsync(accountId, link.Value.Token);
    }

    private async Task<Guid> VerifiedDomainAsync(string domain, WorkspaceRole role, UserType type)
    {
        var id = (await _domains.AddAsync(_admin, domain, role, type)).Value;
        Assert.True((await _domains.VerifyByOperatorAsync(_workspace.Name, domain)).Succeeded);
        return id;
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

        var (kind, account) = (await SignUpAsync("ivy@partner.example", invitation.Token)).Value;

        var member = Assert.Single(await MembersAsync("ivy@partner.example"));
        Assert.Equal((MemberStatus.Joined, Seed.Now.AddHours(3), account.Id, "Ivy Invitee"),
            (member.Status, member.StatusAt, member.AccountId!.Value, member.DisplayName));
        Assert.Equal(SignUpKind.Joined, kind);
        Assert.True(account.EmailConfirmed);
        Assert.Equal(_workspace.Id, account.CurrentWorkspaceId);
        Assert.False((await _answers.OpenAsync(invitation.Token)).Succeeded);
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
    public async Task SigningUpWithoutALink_LeavesTheAddressUnconfirmed_AndJoinsNothing()
    {
        await VerifiedDomainAsync("partner.example", WorkspaceRole.Tasker, UserType.External);

        var (kind, account) = (await SignUpAsync("jon@partner.example")).Value;

        Assert.Equal(SignUpKind.ConfirmationNeeded, kind);
        Assert.False(account.EmailConfirmed);
        Assert.Empty(await MembersAsync("jon@partner.example"));
    }

    [Fact]
    public async Task TheTakeover_ASignUpTypingAnInvitedAdminsAddress_ClaimsNothing()
    {
        await VerifiedDomainAsync("acme.example", WorkspaceRole.Tasker, UserType.Internal);
        await _invitations.InviteAsync(_admin, new InviteCommand(["boss@acme.example"], WorkspaceRole.Admin, UserType.Internal));

        var (_, stranger) = (await SignUpAsync("boss@acme.example")).Value;

        var member = Assert.Single(await MembersAsync("boss@acme.example"));
        Assert.Equal((MemberStatus.Invited, (Guid?)null), (member.Status, member.AccountId));
        Assert.Empty(await _answers.PendingForAsync(stranger.Id));
        Assert.Null(await new MembershipService(_database).GetActorAsync(stranger.Id));
    }

    [Fact]
    public async Task AConfirmedOwner_SeesTheInvitationOnHome_AndTakesItsRoleOnlyByAccepting()
    {
        await VerifiedDomainAsync("acme.example", WorkspaceRole.Tasker, UserType.Internal);
        await _invitations.InviteAsync(_admin, new InviteCommand(["boss@acme.example"], WorkspaceRole.Admin, UserType.Internal));
        var (_, owner) = (await SignUpAsync("boss@acme.example")).Value;

        await ConfirmAsync(owner.Id);
        var pending = Assert.Single(await _answers.PendingForAsync(owner.Id));
        Assert.Equal(MemberStatus.Invited, Assert.Single(await MembersAsync("boss@acme.example")).Status);
        Assert.True((await _answers.AcceptAsync(owner.Id, pending.MemberId)).Succeeded);

        var member = Assert.Single(await MembersAsync("boss@acme.example"));
        Assert.Equal((MemberStatus.Joined, WorkspaceRole.Admin, owner.Id), (member.Status, member.Role, member.AccountId!.Value));
    }

    [Fact]
    public async Task ATamperedOrMissingConfirmationCode_ConfirmsNothing()
    {
        var (_, account) = (await SignUpAsync("jon@partner.example")).Value;
        await using var scope = _services.CreateAsyncScope();
        var confirmation = scope.ServiceProvider.GetRequiredService<AddressConfirmation>();
        var link = (await confirmation.IssueAsync(account.Id)).Value;

        var tampered = await confirmation.ConfirmAsync(account.Id, link.Token[..^4] + "AAAA");
        var missing = await confirmation.ConfirmAsync(account.Id, null);
        var otherAccount = await confirmation.ConfirmAsync(Guid.NewGuid(), link.Token);

        Assert.All(new[] { tampered, missing, otherAccount }, r => Assert.Contains("not valid", r.Error!.Message));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Users.Where(a => a.Id == account.Id).Select(a => a.EmailConfirmed).SingleAsync());
    }

    [Fact]
    public async Task SendAgain_WaitsAMinute()
    {
        var (_, account) = (await SignUpAsync("jon@partner.example")).Value;
        await using var scope = _services.CreateAsyncScope();
        var confirmation = scope.ServiceProvider.GetRequiredService<AddressConfirmation>();

        var first = await confirmation.IssueAsync(account.Id);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var tooSoon = await confirmation.IssueAsync(account.Id);
        _clock.Advance(TimeSpan.FromSeconds(41));
        var later = await confirmation.IssueAsync(account.Id);

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorKind.Conflict, tooSoon.Error!.Kind);
        Assert.Contains("send again in 40 seconds", tooSoon.Error.Message);
        Assert.True(later.Succeeded);
    }

    [Fact]
    public async Task SigningUpWithATakenAddress_AnswersAsForANewOne_AndChangesNothing()
    {
        var (_, first) = (await SignUpAsync("jon@partner.example")).Value;
        var before = await AccountCountAsync();

        var (kind, existing) = (await SignUpAsync("JON@partner.example")).Value;

        Assert.Equal((SignUpKind.AddressTaken, first.Id), (kind, existing.Id));
        Assert.Equal(before, await AccountCountAsync());
    }

}
