using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Domain.Workspaces;

public class MembershipServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private MembershipService _service = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _service = new MembershipService(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>One person who has joined two workspaces, with a different role in each.</summary>
    private async Task<(Actor InFirst, Workspace Second, Guid MemberInSecond)> PersonInTwoWorkspacesAsync()
    {
        var first = await Seed.WorkspaceAsync(_database, "Acme");
        var second = await Seed.WorkspaceAsync(_database, "Beta Labs");
        var actor = await Seed.MemberAsync(_database, first, WorkspaceRole.Admin, "sam@acme.example");
        var membership = WorkspaceMember.Joined(second.Id, actor.AccountId, "sam@acme.example", "Sam", WorkspaceRole.Tasker,
            UserType.External, Seed.Now.AddDays(1));
        await using var db = _database.CreateDbContext();
        db.Members.Add(membership);
        await db.SaveChangesAsync();
        return (actor, second, membership.Id);
    }

    [Fact]
    public async Task GetActor_ReturnsTheMembershipInTheChosenWorkspace()
    {
        var (inFirst, _, _) = await PersonInTwoWorkspacesAsync();

        var actor = await _service.GetActorAsync(inFirst.AccountId);

        Assert.Equal(inFirst, actor);
    }

    [Fact]
    public async Task Switch_ToAnotherJoinedWorkspace_PersistsAndChangesTheActor()
    {
        var (inFirst, second, memberInSecond) = await PersonInTwoWorkspacesAsync();

        var result = await _service.SwitchAsync(inFirst.AccountId, second.Id);

        Assert.True(result.Succeeded);
        var actor = await _service.GetActorAsync(inFirst.AccountId);
        Assert.Equal((second.Id, memberInSecond, WorkspaceRole.Tasker), (actor!.WorkspaceId, actor.MemberId, actor.Role));
        var choices = await _service.ListWorkspacesAsync(actor);
        Assert.Equal(["Acme", "Beta Labs"], choices.Select(c => c.Name));
        Assert.Equal("Beta Labs", choices.Single(c => c.IsCurrent).Name);
    }

    [Fact]
    public async Task Switch_ToAWorkspaceThePersonHasNotJoined_IsRefusedAndKeepsTheChoice()
    {
        var (inFirst, _, _) = await PersonInTwoWorkspacesAsync();
        var stranger = await Seed.WorkspaceAsync(_database, "Gamma");

        var result = await _service.SwitchAsync(inFirst.AccountId, stranger.Id);

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal(inFirst.WorkspaceId, (await _service.GetActorAsync(inFirst.AccountId))!.WorkspaceId);
    }

    [Fact]
    public async Task GetActor_AfterTheCurrentMembershipIsRemoved_FallsBackToAnotherJoinedWorkspace()
    {
        var (inFirst, second, _) = await PersonInTwoWorkspacesAsync();
        await using (var db = _database.CreateDbContext())
            await db.Members.Where(m => m.Id == inFirst.MemberId).ExecuteDeleteAsync();

        var actor = await _service.GetActorAsync(inFirst.AccountId);

        Assert.Equal(second.Id, actor!.WorkspaceId);
    }

    [Fact]
    public async Task GetActor_ForAnInvitationNotYetAccepted_IsNull()
    {
        var workspace = await Seed.WorkspaceAsync(_database);
        var actor = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Member);
        await using (var db = _database.CreateDbContext())
        {
            var member = await db.Members.SingleAsync(m => m.Id == actor.MemberId);
            member.Reinvite(member.Role, member.UserType, Seed.Now);
            await db.SaveChangesAsync();
        }

        Assert.Null(await _service.GetActorAsync(actor.AccountId));
    }
}
