using Dashboard.App.Operations;
using Dashboard.Domain.Access;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Dashboard.Domain.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.App.Operations;

public class OperatorCliTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private OperatorCommands _commands = default!;
    private EmailDomainService _domains = default!;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _commands = new OperatorCommands(_database, new FakeTimeProvider(Seed.Now), new MembershipChanges());
        _domains = new EmailDomainService(_database, new FakeTimeProvider(Seed.Now), new DnsDomainRecords(Options.Create(new DnsOptions())),
            NullLogger<EmailDomainService>.Instance);
        var workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
        await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, "bo@acme.example", "Bo Second");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<int> RunAsync(params string[] args) => OperatorCli.RunAsync(args, _commands, _domains, _output, _errors);

    [Fact]
    public async Task List_PrintsTheAdmins()
    {
        Assert.Equal(0, await RunAsync("list", "--workspace", "Acme Vision"));

        Assert.Contains("Ada Admin <ada@acme.example>  Joined", _output.ToString());
        Assert.Contains("2 Admins.", _output.ToString());
    }

    [Fact]
    public async Task Demote_ThenRemoveTheLastAdmin_IsRefused()
    {
        Assert.Equal(0, await RunAsync("demote", "--workspace", "Acme Vision", "--email", "bo@acme.example"));
        Assert.Equal(1, await RunAsync("remove", "--workspace", "Acme Vision", "--email", "ada@acme.example"));

        Assert.Contains("bo@acme.example is now a Member of Acme Vision.", _output.ToString());
        Assert.Contains("Refused: ada@acme.example is the last Admin of Acme Vision", _errors.ToString());
    }

    [Theory]
    [InlineData(new string[0], "Name a command.")]
    [InlineData(new[] { "promote" }, "Unknown command \"promote\".")]
    [InlineData(new[] { "demote", "--workspace", "Acme Vision" }, "admin demote needs --email.")]
    [InlineData(new[] { "list", "--workspace" }, "Options come in pairs")]
    public async Task Misuse_ExplainsAndShowsTheUsage(string[] args, string message)
    {
        Assert.Equal(2, await RunAsync(args));

        Assert.Contains(message, _errors.ToString());
        Assert.Contains("Usage: dotnet run --project Dashboard.App -- admin", _errors.ToString());
    }

    [Fact]
    public async Task ConfirmEmail_ConfirmsTheAccount_AndItsVerifiedDomainTakesItIn()
    {
        await using (var db = _database.CreateDbContext())
        {
            var workspace = await db.Workspaces.SingleAsync();
            var domain = new EmailDomain(workspace.Id, "partner.example", WorkspaceRole.Tasker, UserType.External, Seed.Now);
            domain.MarkVerified(Seed.Now);
            db.EmailDomains.Add(domain);
            db.Users.Add(new Account { UserName = "jon@partner.example", NormalizedUserName = "JON@PARTNER.EXAMPLE", Email = "jon@partner.example",
                NormalizedEmail = "JON@PARTNER.EXAMPLE", DisplayName = "Jon", SecurityStamp = "s" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await RunAsync("confirm-email", "--email", "Jon@Partner.example"));
        Assert.Equal(0, await RunAsync("confirm-email", "--email", "jon@partner.example"));
        Assert.Equal(1, await RunAsync("confirm-email", "--email", "nobody@partner.example"));

        Assert.Contains("jon@partner.example is confirmed and joined Acme Vision through its email domain.", _output.ToString());
        Assert.Contains("jon@partner.example was already confirmed.", _output.ToString());
        Assert.Contains("Refused: No account signs in with nobody@partner.example.", _errors.ToString());
        await using var check = _database.CreateDbContext();
        var member = await check.Members.SingleAsync(m => m.Email == "jon@partner.example");
        Assert.Equal((MemberStatus.Joined, WorkspaceRole.Tasker), (member.Status, member.Role));
    }

    [Fact]
    public async Task VerifyDomain_VerifiesAPendingDomain_OrExplainsWhyNot()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.EmailDomains.Add(new EmailDomain((await db.Workspaces.SingleAsync()).Id, "acme.example", WorkspaceRole.Member, UserType.Internal, Seed.Now));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await RunAsync("verify-domain", "--workspace", "Acme Vision"));
        Assert.Equal(1, await RunAsync("verify-domain", "--workspace", "Acme Vision", "--domain", "other.example"));
        Assert.Equal(0, await RunAsync("verify-domain", "--domain", "ACME.example"));
        Assert.Equal(0, await RunAsync("verify-domain", "--workspace", "acme vision", "--domain", "acme.example"));

        Assert.Contains("admin verify-domain needs --domain.", _errors.ToString());
        Assert.Contains("acme.example was already verified for Acme Vision.", _output.ToString());
        Assert.Contains("Acme Vision has no email domain other.example", _errors.ToString());
        Assert.Contains("acme.example is verified for Acme Vision: confirmed sign-ups on it now join as Member.", _output.ToString());
        await using var check = _database.CreateDbContext();
        Assert.NotNull((await check.EmailDomains.SingleAsync()).VerifiedAt);
    }
}
