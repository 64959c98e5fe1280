using Dashboard.Domain.Access;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Domain.Users;

/// <summary>What the server operator's commands and a removal do to a person's standing and sessions.</summary>
public partial class MemberServiceTests
{
    [Fact]
    public async Task TheOperator_NeverTakesTheLastAdmin()
    {
        var demoteLast = await _operator.DemoteAsync("acme vision", "ada@acme.example");
        var removeLast = await _operator.RemoveAsync("Acme Vision", "ada@acme.example", null);
        Assert.Contains("last Admin of Acme Vision", demoteLast.Error!.Message);
        Assert.Contains("last Admin", removeLast.Error!.Message);

        var second = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "bo@acme.example", "Bo Second");
        Assert.Equal(["Ada Admin", "Bo Second"], (await _operator.ListAdminsAsync("Acme Vision")).Value.Select(a => a.DisplayName));
        Assert.Equal("ada@acme.example is now a Member of Acme Vision.", (await _operator.DemoteAsync("Acme Vision", "ada@acme.example")).Value);
        Assert.Contains("last Admin", (await _operator.RemoveAsync("Acme Vision", "bo@acme.example", null)).Error!.Message);
        Assert.Equal(WorkspaceRole.Admin, (await FindAsync(second.MemberId))!.Role);
        Assert.Contains("No workspace is called \"Nope\"", (await _operator.ListAdminsAsync("Nope")).Error!.Message);
    }

    [Fact]
    public async Task TheOperator_RemovesAnAdmin_HandingTheirDatasetsToAReplacement()
    {
        var leaving = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "lea@acme.example", "Lea");
        await DatasetAsync(leaving, "Street scenes");

        var refused = await _operator.RemoveAsync("Acme Vision", "lea@acme.example", null);
        var done = await _operator.RemoveAsync("Acme Vision", "lea@acme.example", "ada@acme.example");

        Assert.EndsWith("Pass --replacement EMAIL.", refused.Error!.Message);
        Assert.Equal("lea@acme.example was removed from Acme Vision.", done.Value);
        Assert.Null(await FindAsync(leaving.MemberId));
    }

    [Fact]
    public async Task TheOperator_ResetsTwoFactor()
    {
        await using (var db = _database.CreateDbContext())
            await db.Users.Where(a => a.Email == "ada@acme.example").ExecuteUpdateAsync(s => s.SetProperty(a => a.TwoFactorEnabled, true));

        var result = await _operator.ResetTwoFactorAsync("ADA@acme.example");

        Assert.True(result.Succeeded);
        await using var check = _database.CreateDbContext();
        Assert.False(await check.Users.Where(a => a.Email == "ada@acme.example").Select(a => a.TwoFactorEnabled).SingleAsync());
        Assert.False((await _operator.ResetTwoFactorAsync("nobody@acme.example")).Succeeded);
    }

    [Fact]
    public async Task RemovalFromTheLastWorkspace_EndsThePersonsSessions_ButNotFromOneOfTwo()
    {
        var last = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, "lou@acme.example");
        var twice = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member, "tom@acme.example");
        var other = await Seed.WorkspaceAsync(_database, "Other Co");
        await using (var db = _database.CreateDbContext())
        {
            db.Members.Add(WorkspaceMember.Joined(other.Id, twice.AccountId, "tom@acme.example", "Tom", WorkspaceRole.Member, UserType.Internal, Seed.Now));
            await db.SaveChangesAsync();
        }
        var stamps = await StampsAsync(last.AccountId, twice.AccountId);

        Assert.True((await _members.RemoveAsync(_admin, last.MemberId, null)).Succeeded);
        Assert.True((await _members.RemoveAsync(_admin, twice.MemberId, null)).Succeeded);

        var after = await StampsAsync(last.AccountId, twice.AccountId);
        Assert.NotEqual(stamps[last.AccountId], after[last.AccountId]);
        Assert.Equal(stamps[twice.AccountId], after[twice.AccountId]);
    }

    [Fact]
    public async Task OperatorCommands_EndThePersonsSessions()
    {
        var bo = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin, "bo@acme.example");
        var before = await StampsAsync(bo.AccountId);

        Assert.True((await _operator.DemoteAsync("Acme Vision", "bo@acme.example")).Succeeded);
        var demoted = await StampsAsync(bo.AccountId);
        Assert.True((await _operator.ResetTwoFactorAsync("bo@acme.example")).Succeeded);
        var reset = await StampsAsync(bo.AccountId);

        Assert.NotEqual(before[bo.AccountId], demoted[bo.AccountId]);
        Assert.NotEqual(demoted[bo.AccountId], reset[bo.AccountId]);
    }
}
