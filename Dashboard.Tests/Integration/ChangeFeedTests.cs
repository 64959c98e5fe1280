using Dashboard.Domain;
using Dashboard.Domain.Access;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>
/// A change made in one process reaches the open pages and hub connections of every other within 5 s, without
/// Redis: the change and its feed entry commit together, and each node reads the feed.
/// </summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private const string Password = "Quiet-Harbor-Lantern-7";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private readonly DashboardAppFactory _nodeA = new();
    private DashboardAppFactory _nodeB = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        await using (var scope = _nodeA.Services.CreateAsyncScope())
        {
            var setup = await scope.ServiceProvider.GetRequiredService<FirstRunSetup>()
                .RunAsync(new SetupCommand("admin@acme.example", "Ada Admin", Password, "Acme Vision", false));
            Assert.True(setup.Succeeded, setup.Error?.Message);
        }
        var account = await AccountAsync("admin@acme.example");
        _admin = (await _nodeA.Services.GetRequiredService<MembershipService>().GetActorAsync(account.Id))!;
        _nodeB = _nodeA.SecondNode();
        _ = _nodeB.Services; // node B runs, its feed reader with it
    }

    public async Task DisposeAsync()
    {
        await _nodeB.DisposeAsync();
        await _nodeA.DisposeAsync();
    }

    [Fact]
    public async Task ARoleChangedOnNodeA_ReachesNodeB_WithinFiveSeconds()
    {
        var (accountId, memberId) = await AddMemberAsync("mia@acme.example", WorkspaceRole.Member);
        var heard = Heard(_nodeB, accountId);

        var changed = await _nodeA.Services.GetRequiredService<MemberService>().ChangeRoleAsync(_admin, memberId, WorkspaceRole.Tasker);

        Assert.True(changed.Succeeded, changed.Error?.Message);
        Assert.Same(heard, await Task.WhenAny(heard, Task.Delay(Budget)));
    }

    [Fact]
    public async Task TheOperatorsCommandLine_DemotingAnAdmin_ReachesTheRunningNodes_WithinFiveSeconds()
    {
        var (accountId, _) = await AddMemberAsync("second-admin@acme.example", WorkspaceRole.Admin);
        var (onA, onB) = (Heard(_nodeA, accountId), Heard(_nodeB, accountId));

        // The command line is a process of its own on the same database: its own services, no web host.
        await using var commandLine = new ServiceCollection()
            .AddDashboardDomain(_nodeA.Services.GetRequiredService<DatabaseConnection>()).BuildServiceProvider();
        var demoted = await commandLine.GetRequiredService<OperatorCommands>().DemoteAsync("Acme Vision", "second-admin@acme.example");

        Assert.True(demoted.Succeeded, demoted.Error?.Message);
        var both = Task.WhenAll(onA, onB);
        Assert.Same(both, await Task.WhenAny(both, Task.Delay(Budget)));
    }

    private static Task Heard(DashboardAppFactory node, Guid accountId)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        node.Services.GetRequiredService<MembershipChanges>().AccountChanged += id =>
        {
            if (id == accountId) heard.TrySetResult();
        };
        return heard.Task;
    }

    private async Task<(Guid AccountId, Guid MemberId)> AddMemberAsync(string email, WorkspaceRole role)
    {
        await using var scope = _nodeA.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var account = new Account
        {
            UserName = email, Email = email, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow,
            CurrentWorkspaceId = _admin.WorkspaceId, EmailConfirmed = true,
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        var member = WorkspaceMember.Joined(_admin.WorkspaceId, account.Id, email, account.DisplayName, role, UserType.Internal, DateTimeOffset.UtcNow);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return (account.Id, member.Id);
    }

    private async Task<Account> AccountAsync(string email)
    {
        await using var scope = _nodeA.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email))!;
    }
}
