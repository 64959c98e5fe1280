using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Workspaces;

public class FirstRunSetupTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private readonly FakeTimeProvider _clock = new(Seed.Now);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<DashboardDbContext>(_database.Configure);
        services.AddDashboardAccounts();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddScoped<FirstRunSetup>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<Result<Account>> RunAsync(SetupCommand command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FirstRunSetup>().RunAsync(command);
    }

    private static SetupCommand Valid() => new("founder@acme.example", "Fiona Founder", "Quiet-Harbor-Lantern-7", "Acme Vision", false);

    [Fact]
    public async Task Run_OnAnEmptyInstallation_CreatesTheAccountAndItsWorkspaceWithThemAsInternalAdmin()
    {
        var result = await RunAsync(Valid() with { WorkspaceName = "  Acme Vision  ", IsWorkforce = true });

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        var workspace = await db.Workspaces.SingleAsync();
        Assert.Equal("Acme Vision", workspace.Name);
        Assert.True(workspace.IsWorkforce);
        var member = await db.Members.SingleAsync();
        Assert.Equal((WorkspaceRole.Admin, UserType.Internal, MemberStatus.Joined, Seed.Now),
            (member.Role, member.UserType, member.Status, member.StatusAt));
        Assert.Equal(result.Value.Id, member.AccountId);
        Assert.Equal(workspace.Id, (await db.Users.SingleAsync()).CurrentWorkspaceId);
    }

    [Fact]
    public async Task Run_WhenAnAccountAlreadyExists_IsRefusedAndChangesNothing()
    {
        await RunAsync(Valid());

        var second = await RunAsync(Valid() with { Email = "intruder@acme.example", WorkspaceName = "Other" });

        Assert.Equal(ErrorKind.Conflict, second.Error!.Kind);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(1, await db.Workspaces.CountAsync());
    }

    public static TheoryData<SetupCommand, string, string> BadInput() => new()
    {
        { Valid() with { Email = "" }, "Email", "Enter an email address" },
        { Valid() with { Email = "not-an-email" }, "Email", "needs one @" },
        { Valid() with { Email = "a@b" }, "Email", "no valid domain" },
        { Valid() with { Password = "short" }, "Password", "at least 12 characters" },
        { Valid() with { Password = "password1234" }, "Password", "too easy to guess" },
        { Valid() with { WorkspaceName = "   " }, "WorkspaceName", "Workspace name is required." },
        { Valid() with { WorkspaceName = new string('x', 101) }, "WorkspaceName", "at most 100 characters" },
        { Valid() with { DisplayName = "" }, "DisplayName", "Your name is required." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Run_WithBadInput_NamesTheFieldAndSavesNothing(SetupCommand command, string field, string message)
    {
        var result = await RunAsync(command);

        Assert.Equal(ErrorKind.Invalid, result.Error!.Kind);
        Assert.Equal(field, result.Error.Field);
        Assert.Contains(message, result.Error.Message, StringComparison.OrdinalIgnoreCase);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.Workspaces.AnyAsync());
    }

    [Fact]
    public async Task Validate_ReportsEveryBadFieldAtOnce()
    {
        await using var scope = _services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<FirstRunSetup>();

        var errors = await setup.ValidateAsync(new SetupCommand("nope", "", "weak", "", false));

        Assert.Equal(["DisplayName", "Email", "Password", "WorkspaceName"], errors.Select(e => e.Field).Distinct());
    }
}
