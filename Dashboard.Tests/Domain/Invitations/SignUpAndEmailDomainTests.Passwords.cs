using Dashboard.Domain.Access;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Domain.Invitations;

/// <summary>Passwords: strength at sign-up, and what choosing a new one does to an account someone else set up.</summary>
public partial class SignUpAndEmailDomainTests
{
    [Theory]
    [InlineData("short-pass", "at least 12 characters")]
    [InlineData("password1234", "too easy to guess")]
    [InlineData("qwertyuiopas", "too easy to guess")]
    [InlineData("partnerivyinvitee", "too easy to guess")]
    public async Task AWeakPassword_IsRefusedWithAHint(string password, string message)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountSignUp>()
            .SignUpAsync(new SignUpCommand("ivy@partner.example", "Ivy Invitee", password));

        Assert.Equal("Password", result.Error!.Field);
        Assert.Contains(message, result.Error.Message);
        Assert.Equal(1, await AccountCountAsync());
    }

    [Fact]
    public async Task ALongPassphrase_NeedsNoSymbolsOrDigits()
    {
        var result = await _services.CreateAsyncScope().ServiceProvider.GetRequiredService<AccountSignUp>()
            .SignUpAsync(new SignUpCommand("ivy@partner.example", "Ivy Invitee", "lantern orbit violet harbor"));

        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public async Task AStrangerWhoTypedSomeonesAddress_LosesTheAccount_WhenTheOwnerChoosesANewPassword()
    {
        await _invitations.InviteAsync(_admin, new InviteCommand(["boss@acme.example"], WorkspaceRole.Admin, UserType.Internal));
        var (_, squatted) = (await SignUpAsync("boss@acme.example")).Value;
        var stampBefore = squatted.SecurityStamp;
        await using var scope = _services.CreateAsyncScope();
        var reset = scope.ServiceProvider.GetRequiredService<PasswordReset>();

        var link = (await reset.IssueAsync("Boss@Acme.example"))!;
        var weak = await reset.ResetAsync(link.AccountId, link.Token, "password1234");
        var forged = await reset.ResetAsync(link.AccountId, link.Token[..^3] + "xyz", "Granite-meadow-falcon-31");
        var done = await reset.ResetAsync(link.AccountId, link.Token, "Granite-meadow-falcon-31");
        var again = await reset.ResetAsync(link.AccountId, link.Token, "Another-meadow-falcon-32");

        Assert.Equal("Password", weak.Error!.Field);
        Assert.Contains("not valid any more", forged.Error!.Message);
        Assert.Equal("boss@acme.example", done.Value.Email);
        Assert.Contains("not valid any more", again.Error!.Message);
        await using var db = _database.CreateDbContext();
        var account = await db.Users.SingleAsync(a => a.Id == squatted.Id);
        Assert.True(account.EmailConfirmed);
        Assert.NotEqual(stampBefore, account.SecurityStamp);
        // Now the owner's, confirmed: the invitation waits on Home for them to accept.
        Assert.Single(await _answers.PendingForAsync(account.Id));
    }

    [Fact]
    public async Task ForgotPassword_ForAnAddressWithNoAccount_SendsNothing()
    {
        await using var scope = _services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<PasswordReset>().IssueAsync("nobody@acme.example"));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<PasswordReset>().IssueAsync("not an address"));
    }
}
