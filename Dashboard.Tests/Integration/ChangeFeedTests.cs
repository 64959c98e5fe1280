using Dashboard.Domain;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
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

    [Fact]
    public async Task AJobStartedAndEndedOnNodeA_ReachesNodeBsPages_WithoutRedis()
    {
        var key = await _nodeA.Services.GetRequiredService<ApiKeyService>().CreateAsync(_admin, "Trainer");
        Assert.True(key.Succeeded, key.Error?.Message);
        var caller = new ApiCaller(key.Value.Id, _admin.WorkspaceId, "Trainer");
        var heardOnB = new List<JobChange>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _nodeB.Services.GetRequiredService<JobEvents>().Changed += change =>
        {
            lock (heardOnB) heardOnB.Add(change);
            if (change.Created) started.TrySetResult();
            if (change.Status == JobStatus.Success) ended.TrySetResult();
        };
        var jobs = _nodeA.Services.GetRequiredService<JobService>();

        var job = await jobs.CreateExternalAsync(caller, new ExternalJobCommand(JobType.ModelTraining, "Detector v2", null));
        Assert.True(job.Succeeded, job.Error?.Message);
        Assert.Same(started.Task, await Task.WhenAny(started.Task, Task.Delay(Budget)));
        var done = await jobs.UpdateExternalAsync(caller, job.Value.Id, new ExternalJobUpdate(10, 10, JobStatus.Success, null, null));
        Assert.True(done.Succeeded, done.Error?.Message);
        Assert.Same(ended.Task, await Task.WhenAny(ended.Task, Task.Delay(Budget)));

        // Node B was told of the start and of the end, each as the job then stood in the database, and of nothing twice.
        lock (heardOnB)
        {
            Assert.All(heardOnB, change => Assert.Equal(job.Value.Id, change.JobId));
            Assert.Equal(2, heardOnB.Count);
            Assert.Equal(10, heardOnB[1].ItemsDone);
        }
    }

    [Fact]
    public async Task AJobsProgress_StaysOutOfTheFeed()
    {
        var key = await _nodeA.Services.GetRequiredService<ApiKeyService>().CreateAsync(_admin, "Trainer");
        var caller = new ApiCaller(key.Value.Id, _admin.WorkspaceId, "Trainer");
        var jobs = _nodeA.Services.GetRequiredService<JobService>();
        var job = await jobs.CreateExternalAsync(caller, new ExternalJobCommand(JobType.ModelTraining, "Detector v3", null));

        for (var done = 1; done <= 5; done++)
            Assert.True((await jobs.UpdateExternalAsync(caller, job.Value.Id, new ExternalJobUpdate(done, 10, null, null, null))).Succeeded);

        await using var scope = _nodeA.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        Assert.Equal([FeedKind.JobStarted], db.ChangeFeed.Where(e => e.SubjectId == job.Value.Id).Select(e => e.Kind).ToList());
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
