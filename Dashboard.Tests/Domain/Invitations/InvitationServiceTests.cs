using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Invitations;

public class InvitationServiceTests : IAsyncLifetime
{
    private const string AdminEmail = "ada@acme.example";
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private InvitationService _invitations = default!;
    private InvitationAnswers _answers = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _invitations = new InvitationService(_database, _clock, Options.Create(new InvitationOptions { LifetimeDays = 7 }));
        _answers = new InvitationAnswers(_database, _clock, new MembershipChanges());
        _workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, AdminEmail, "Ada Admin");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<Result<IReadOnlyList<IssuedInvitation>>> InviteAsync(Actor actor, WorkspaceRole role, params string[] emails) =>
        _invitations.InviteAsync(actor, new InviteCommand(emails, role, UserType.Internal));

    private async Task<IssuedInvitation> InviteOneAsync(string email, WorkspaceRole role = WorkspaceRole.Member) =>
        (await InviteAsync(_admin, role, email)).Value.Single();

    private async Task<int> MemberCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Members.CountAsync();
    }

    private async Task<WorkspaceMember> MemberAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Members.SingleAsync(m => m.Id == id);
    }

    /// <summary>An account for <paramref name="email"/> that belongs to another workspace, as an invitee who already uses the server.</summary>
    private async Task<Actor> AccountAsync(string email)
    {
        var elsewhere = await Seed.WorkspaceAsync(_database, "Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        return await Seed.MemberAsync(_database, elsewhere, WorkspaceRole.Member, email, "Ivy Invitee");
    }

    [Fact]
    public async Task Invite_MakesInvitedMembersDatedToday_AndStoresOnlyTheTokensHash()
    {
        var issued = (await InviteAsync(_admin, WorkspaceRole.Member, "ivy@acme.example", "jon@partner.example")).Value;

        Assert.Equal(["ivy@acme.example", "jon@partner.example"], issued.Select(i => i.Email));
        Assert.Equal(Seed.Now.AddDays(7), issued[0].ExpiresAt);
        await using var db = _database.CreateDbContext();
        var member = await db.Members.SingleAsync(m => m.Id == issued[0].MemberId);
        Assert.Equal((MemberStatus.Invited, Seed.Now), (member.Status, member.StatusAt));
        var stored = await db.Invitations.SingleAsync(i => i.MemberId == member.Id);
        Assert.Equal(InvitationTokens.Hash(issued[0].Token), stored.TokenHash);
        Assert.DoesNotContain(issued[0].Token, stored.TokenHash);
        Assert.NotEqual(issued[0].Token, issued[1].Token);
        Assert.True(issued[0].Token.Length >= 43, "a token carries 256 random bits");
    }

    [Theory]
    [InlineData(WorkspaceRole.Admin, WorkspaceRole.Member, true)]
    [InlineData(WorkspaceRole.Admin, WorkspaceRole.Admin, true)]
    [InlineData(WorkspaceRole.WorkforceManager, WorkspaceRole.Tasker, true)]
    [InlineData(WorkspaceRole.WorkforceManager, WorkspaceRole.Member, false)]
    [InlineData(WorkspaceRole.WorkforceManager, WorkspaceRole.Admin, false)]
    [InlineData(WorkspaceRole.Member, WorkspaceRole.Tasker, false)]
    [InlineData(WorkspaceRole.Tasker, WorkspaceRole.Tasker, false)]
    public async Task Invite_FollowsThePermissionTable(WorkspaceRole actorRole, WorkspaceRole invitedRole, bool allowed)
    {
        var actor = await Seed.MemberAsync(_database, _workspace, actorRole);
        var before = await MemberCountAsync();

        var result = await InviteAsync(actor, invitedRole, "new@acme.example");

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(before + (allowed ? 1 : 0), await MemberCountAsync());
        if (!allowed) Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }

    [Fact]
    public async Task Invite_WithABadAddress_InvitesNobody_AndNamesEachProblem()
    {
        await InviteOneAsync("ivy@acme.example");
        var before = await MemberCountAsync();
        string[] typed = ["ok@acme.example", "not-an-email", "dup@acme.example", "DUP@acme.example", "ivy@acme.example", AdminEmail];

        var problems = (await _invitations.CheckAddressesAsync(_admin, typed)).Value;
        var result = await InviteAsync(_admin, WorkspaceRole.Member, typed);

        Assert.Equal(["not-an-email", "DUP@acme.example", "ivy@acme.example", AdminEmail], problems.Select(p => p.Email));
        Assert.Contains("more than once", problems[1].Problem);
        Assert.Contains("already invited", problems[2].Problem);
        Assert.Contains("already a member", problems[3].Problem);
        Assert.False(result.Succeeded);
        Assert.StartsWith("Nobody was invited.", result.Error!.Message);
        Assert.Equal(before, await MemberCountAsync());
    }

    [Fact]
    public async Task Invite_AsAdminWithAnExternalType_IsRefused()
    {
        var result = await _invitations.InviteAsync(_admin, new InviteCommand(["x@partner.example"], WorkspaceRole.Admin, UserType.External));

        Assert.Equal("Role", result.Error!.Field);
        Assert.Equal(1, await MemberCountAsync());
    }

    [Fact]
    public async Task ALink_WorksOnce_AndNotAfterItExpires()
    {
        var ivy = await AccountAsync("ivy@acme.example");
        var first = await InviteOneAsync("ivy@acme.example");

        Assert.True((await _answers.AcceptLinkAsync(ivy.AccountId, first.Token)).Succeeded);
        var again = await _answers.AcceptLinkAsync(ivy.AccountId, first.Token);
        Assert.Contains("already been accepted", again.Error!.Message);
        var joined = await MemberAsync(first.MemberId);
        Assert.Equal((MemberStatus.Joined, Seed.Now, ivy.AccountId), (joined.Status, joined.StatusAt, joined.AccountId!.Value));

        var late = await InviteOneAsync("late@acme.example");
        var lateAccount = await AccountAsync("late@acme.example");
        _clock.Advance(TimeSpan.FromDays(7));
        var expired = await _answers.AcceptLinkAsync(lateAccount.AccountId, late.Token);
        Assert.Contains("expired on 10 Nov 2026", expired.Error!.Message);
        Assert.Equal(MemberStatus.Invited, (await MemberAsync(late.MemberId)).Status);
    }

    [Fact]
    public async Task Resend_VoidsTheOldLink_AndRevokeVoidsTheNewOne()
    {
        var ivy = await AccountAsync("ivy@acme.example");
        var old = await InviteOneAsync("ivy@acme.example");

        var resent = (await _invitations.ResendAsync(_admin, old.MemberId)).Value;
        // Replaced, not withdrawn: the person is told to use the newer email, not to ask for one.
        Assert.Equal($"This invitation link was replaced by a newer one, sent on {Seed.Now:d MMM yyyy}. Open the link in the latest invitation email from Acme Vision.",
            (await _answers.OpenAsync(old.Token)).Error!.Message);
        Assert.Equal("Acme Vision", (await _answers.OpenAsync(resent.Token)).Value.WorkspaceName);

        Assert.True((await _invitations.RevokeAsync(_admin, old.MemberId)).Succeeded);
        Assert.Equal("This invitation link was withdrawn. Ask an Admin of Acme Vision to send a new one.",
            (await _answers.OpenAsync(resent.Token)).Error!.Message);
        Assert.Contains("withdrawn", (await _answers.OpenAsync(old.Token)).Error!.Message);
        Assert.False((await _answers.AcceptLinkAsync(ivy.AccountId, resent.Token)).Succeeded);
        Assert.Equal(MemberStatus.Invited, (await MemberAsync(old.MemberId)).Status);
        Assert.False((await _invitations.LinkStateAsync(old.MemberId))!.Usable);
    }

    [Fact]
    public async Task ALink_ForAnotherAddress_IsRefused()
    {
        var other = await AccountAsync("someone.else@acme.example");
        var invitation = await InviteOneAsync("ivy@acme.example");

        var result = await _answers.AcceptLinkAsync(other.AccountId, invitation.Token);

        Assert.Equal("This invitation is for ivy@acme.example, and you are signed in as someone.else@acme.example. Sign in with ivy@acme.example to accept it.",
            result.Error!.Message);
        Assert.Equal(MemberStatus.Invited, (await MemberAsync(invitation.MemberId)).Status);
    }

    [Fact]
    public async Task Home_ListsPendingInvitations_AndDecliningDatesIt()
    {
        var ivy = await AccountAsync("ivy@acme.example");
        var invitation = await InviteOneAsync("ivy@acme.example", WorkspaceRole.Tasker);
        _clock.Advance(TimeSpan.FromDays(2));

        var pending = Assert.Single(await _answers.PendingForAsync(ivy.AccountId));
        Assert.Equal(("Acme Vision", WorkspaceRole.Tasker, "Ada Admin"), (pending.WorkspaceName, pending.Role, pending.InvitedBy));

        Assert.True((await _answers.DeclineAsync(ivy.AccountId, pending.MemberId)).Succeeded);
        var declined = await MemberAsync(invitation.MemberId);
        Assert.Equal((MemberStatus.Declined, Seed.Now.AddDays(2)), (declined.Status, declined.StatusAt));
        Assert.Empty(await _answers.PendingForAsync(ivy.AccountId));
        Assert.Contains("declined", (await _answers.OpenAsync(invitation.Token)).Error!.Message);
    }

    [Fact]
    public async Task Home_DoesNotOfferInvitations_ToAnUnconfirmedAddress_OrToSomeoneElse()
    {
        var ivy = await AccountAsync("ivy@acme.example");
        var invitation = await InviteOneAsync("ivy@acme.example");
        await using (var db = _database.CreateDbContext())
            await db.Users.Where(a => a.Id == ivy.AccountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailConfirmed, false));
        var stranger = await AccountAsync("stranger@acme.example");

        Assert.Empty(await _answers.PendingForAsync(ivy.AccountId));
        Assert.False((await _answers.AcceptAsync(ivy.AccountId, invitation.MemberId)).Succeeded);
        Assert.False((await _answers.AcceptAsync(stranger.AccountId, invitation.MemberId)).Succeeded);
        Assert.Equal(MemberStatus.Invited, (await MemberAsync(invitation.MemberId)).Status);
    }

    [Fact]
    public async Task AnInvitedMember_CanBeAssigned_BeforeAccepting_AndThenSeesTheProject()
    {
        var resources = new ResourceService(_database, _clock);
        var ontology = (await resources.CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, "Road", ""))).Value;
        var project = (await resources.CreateAsync(_admin, new CreateResource(ResourceKind.Project, "Perception", "", ontology))).Value;
        var ivy = await AccountAsync("ivy@acme.example");
        var invitation = await InviteOneAsync("ivy@acme.example", WorkspaceRole.Tasker);

        var assigned = await new ResourceAssignments(_database, _clock).AssignAsync(_admin, ResourceKind.Project, [project], AccessHolder.Member(invitation.MemberId), ResourceRole.Annotator);
        Assert.True(assigned.Succeeded);
        await _answers.AcceptAsync(ivy.AccountId, invitation.MemberId);

        var asIvy = new Actor(ivy.AccountId, invitation.MemberId, _workspace.Id, _workspace.Name, WorkspaceRole.Tasker, UserType.Internal);
        Assert.True((await resources.GetAsync(asIvy, project)).Succeeded);
    }
}
