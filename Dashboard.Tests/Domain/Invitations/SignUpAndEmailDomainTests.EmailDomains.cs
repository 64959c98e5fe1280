using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Domain.Invitations;

/// <summary>Email domains: claiming, verifying, and what a verified one may admit.</summary>
public partial class SignUpAndEmailDomainTests
{
    [Fact]
    public async Task ConfirmingOnAVerifiedDomain_JoinsWithItsRoleAndType()
    {
        await VerifiedDomainAsync("@Partner.Example", WorkspaceRole.Tasker, UserType.External);
        var (_, account) = (await SignUpAsync("jon@partner.example")).Value;

        var confirmed = await ConfirmAsync(account.Id);

        Assert.Equal(("jon@partner.example", "Acme Vision"), (confirmed.Value.Email, confirmed.Value.JoinedWorkspace));
        var member = Assert.Single(await MembersAsync("jon@partner.example"));
        Assert.Equal((MemberStatus.Joined, WorkspaceRole.Tasker, UserType.External, _workspace.Id),
            (member.Status, member.Role, member.UserType, member.WorkspaceId));
        Assert.Equal(WorkspaceRole.Tasker, (await new MembershipService(_database).GetActorAsync(account.Id))!.Role);
    }

    [Fact]
    public async Task ConfirmingOnAPendingDomain_JoinsNothing()
    {
        await _domains.AddAsync(_admin, "partner.example", WorkspaceRole.Member, UserType.Internal);
        var (_, account) = (await SignUpAsync("jon@partner.example")).Value;

        var confirmed = await ConfirmAsync(account.Id);

        Assert.Null(confirmed.Value.JoinedWorkspace);
        Assert.Empty(await MembersAsync("jon@partner.example"));
    }

    [Fact]
    public async Task APendingDomain_CanBeClaimedBySeveralWorkspaces_ButVerifiedByOne()
    {
        var other = await Seed.WorkspaceAsync(_database, "Other Co");
        var otherAdmin = await Seed.MemberAsync(_database, other, WorkspaceRole.Admin);
        await _domains.AddAsync(_admin, "acme.example", WorkspaceRole.Member, UserType.Internal);

        var again = await _domains.AddAsync(_admin, "ACME.example", WorkspaceRole.Member, UserType.Internal);
        var pendingElsewhere = await _domains.AddAsync(otherAdmin, "acme.example", WorkspaceRole.Member, UserType.Internal);
        var ambiguous = await _domains.VerifyByOperatorAsync(null, "acme.example");
        var verifiedHere = await _domains.VerifyByOperatorAsync("Acme Vision", "acme.example");
        var verifiedThere = await _domains.VerifyByOperatorAsync("Other Co", "acme.example");
        var addedAfter = await _domains.AddAsync(await Seed.MemberAsync(_database, await Seed.WorkspaceAsync(_database, "Third"), WorkspaceRole.Admin),
            "acme.example", WorkspaceRole.Member, UserType.Internal);

        Assert.Equal(ErrorKind.Conflict, again.Error!.Kind);
        Assert.True(pendingElsewhere.Succeeded);
        Assert.Equal("acme.example was added by Acme Vision, Other Co. Name the one to verify with --workspace.", ambiguous.Error!.Message);
        Assert.True(verifiedHere.Succeeded);
        Assert.Equal("acme.example is already verified by another workspace on this server; a domain can admit people to only one workspace.",
            verifiedThere.Error!.Message);
        Assert.Equal(verifiedThere.Error.Message, addedAfter.Error!.Message);
        Assert.False(Assert.Single((await _domains.ListAsync(otherAdmin)).Value).IsVerified);
    }

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("@Outlook.com")]
    [InlineData("proton.me")]
    public async Task PublicMailDomains_AreRefused(string domain)
    {
        var result = await _domains.AddAsync(_admin, domain, WorkspaceRole.Member, UserType.Internal);

        Assert.Contains("is a public mail service", result.Error!.Message);
        Assert.Empty((await _domains.ListAsync(_admin)).Value);
    }

    [Fact]
    public async Task ANewDomain_IsPending_WithARecordToPublish()
    {
        await _domains.AddAsync(_admin, "acme.example", WorkspaceRole.Member, UserType.Internal);

        var row = Assert.Single((await _domains.ListAsync(_admin)).Value);

        Assert.False(row.IsVerified);
        Assert.Equal("_dashboard-verify.acme.example", row.RecordName);
        Assert.Matches("^dashboard-verify=[0-9a-f]{32}$", row.RecordValue);
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
