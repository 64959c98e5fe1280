using Dashboard.App.Operations;
using Dashboard.Domain.Access;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.App.Operations;

public class OperatorCliTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private OperatorCommands _commands = default!;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _commands = new OperatorCommands(_database, new FakeTimeProvider(Seed.Now), new MembershipChanges());
        var workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
        await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, "bo@acme.example", "Bo Second");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<int> RunAsync(params string[] args) => OperatorCli.RunAsync(args, _commands, _output, _errors);

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
}
