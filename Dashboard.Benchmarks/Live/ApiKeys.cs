using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks.Live;

/// <summary>Makes a worker's API key in a stopped server's data folder, through the same service the page calls.</summary>
public static class ApiKeys
{
    public static async Task<string> CreateForDemoAdminAsync(string dataFolder, string name)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataFolder, "dashboard.db")};Pooling=false").Options;
        var factory = new ContextFactory(options);
        await using var db = factory.CreateDbContext();
        var admin = await (from m in db.Members
                           join w in db.Workspaces on m.WorkspaceId equals w.Id
                           where m.Email == Harness.Demo.Admin && w.Name == Harness.Demo.WorkspaceName
                           select new { Member = m, Workspace = w.Name }).SingleAsync();
        var member = admin.Member;
        var actor = new Actor(member.AccountId!.Value, member.Id, member.WorkspaceId, admin.Workspace, member.Role, member.UserType);
        var created = await new ApiKeyService(factory, TimeProvider.System).CreateAsync(actor, name);
        return created.Succeeded ? created.Value.Secret : throw new InvalidOperationException(created.Error!.Message);
    }

    private sealed class ContextFactory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options);
    }
}
