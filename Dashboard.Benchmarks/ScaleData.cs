using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Benchmarks;

/// <summary>
/// One workspace at the sizes the guide names: 10,000 members, 200,000 jobs, 5,000 projects. Built once into a
/// SQLite file with the real migrations and reused, because BenchmarkDotNet runs every case in its own process.
/// </summary>
public sealed class ScaleData : IDbContextFactory<DashboardDbContext>
{
    public const int Members = 10_000;
    public const int Jobs = 200_000;
    public const int Projects = 5_000;
    private const string Version = "2";

    private readonly DbContextOptions<DashboardDbContext> _options;
    // Pooled, as the app's factory is (Domain/DomainServices.cs).
    private readonly PooledDbContextFactory<DashboardDbContext> _pool;

    private ScaleData(string path)
    {
        ConnectionString = $"Data Source={path}";
        _options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(ConnectionString).Options;
        _pool = new PooledDbContextFactory<DashboardDbContext>(_options);
        MemberDirectory = new MemberDirectory(this);
        JobDirectory = new JobDirectory(this);
        ResourceService = new ResourceService(this, TimeProvider.System);
    }

    /// <summary>The file's address, for the hand-written queries measured against the app's.</summary>
    public string ConnectionString { get; }

    public Actor Admin { get; private set; } = default!;
    /// <summary>A Member who sees some Projects directly and some through a group, and started some jobs.</summary>
    public Actor Member { get; private set; } = default!;

    public DashboardDbContext CreateDbContext() => _pool.CreateDbContext();

    // The services the list pages call, on this file.
    public MemberDirectory MemberDirectory { get; }
    public JobDirectory JobDirectory { get; }
    public ResourceService ResourceService { get; }

    public static async Task<ScaleData> OpenAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-benchmarks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"scale-v{Version}.db");
        if (!File.Exists(path))
        {
            // Built under another name and moved into place, so an interrupted build is never reused.
            var building = path + ".building";
            File.Delete(building);
            var fresh = new ScaleData(building);
            await DatabaseInitializer.MigrateAsync(fresh);
            await fresh.SeedAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Move(building, path);
        }

        var data = new ScaleData(path);
        // What the app does at every start: migrations (none left here), then statistics for the query planner.
        await DatabaseInitializer.MigrateAsync(data);
        await using var db = data.CreateDbContext();
        var workspace = await db.Workspaces.SingleAsync();
        Actor ActorOf(WorkspaceMember m) => new(m.AccountId!.Value, m.Id, workspace.Id, workspace.Name, m.Role, m.UserType);
        data.Admin = ActorOf(await db.Members.SingleAsync(m => m.Email == "admin@scale.example"));
        data.Member = ActorOf(await db.Members.SingleAsync(m => m.Email == "member-1@scale.example"));
        return data;
    }

    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(10_000);
        var workspace = new Workspace("Scale Co", false, now.AddYears(-2));
        var members = new List<WorkspaceMember>();
        await using (var db = CreateDbContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Workspaces.Add(workspace);
            for (var i = 0; i < Members; i++)
            {
                var email = i == 0 ? "admin@scale.example" : $"member-{i}@scale.example";
                var role = i == 0 ? WorkspaceRole.Admin : (WorkspaceRole)(i % 4);
                var account = new Account
                {
                    Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"{Names[i % Names.Length]} {i}", CreatedAt = now,
                    SecurityStamp = Guid.NewGuid().ToString("N"), EmailConfirmed = true, CurrentWorkspaceId = workspace.Id,
                };
                db.Users.Add(account);
                var member = WorkspaceMember.Joined(workspace.Id, account.Id, email, account.DisplayName,
                    i == 1 ? WorkspaceRole.Member : role, i % 5 == 0 ? UserType.External : UserType.Internal, now.AddMinutes(-random.Next(0, 500_000)));
                members.Add(member);
                db.Members.Add(member);
            }
            await db.SaveChangesAsync();
        }

        var admin = members[0];
        var member1 = members[1];
        var ontology = new Ontology(workspace.Id, "Road objects", "", admin.Id, now);
        var group = new Group(workspace.Id, "Night shift", "", now);
        group.AddMember(member1.Id);
        var projectIds = new List<Guid>();
        await using (var db = CreateDbContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Ontologies.Add(ontology);
            db.Groups.Add(group);
            for (var i = 0; i < Projects; i++)
            {
                var project = new Project(workspace.Id, $"Project {i:D5} {Names[i % Names.Length]}", "", ontology.Id, admin.Id, now.AddMinutes(-i));
                projectIds.Add(project.Id);
                db.Projects.Add(project);
                db.ResourceAccess.Add(ResourceAccess.ForMember(project.Id, admin.Id, ResourceRole.Admin, now));
                if (i % 100 == 0) db.ResourceAccess.Add(ResourceAccess.ForMember(project.Id, member1.Id, ResourceRole.Annotator, now));
                if (i % 100 == 50) db.ResourceAccess.Add(ResourceAccess.ForGroup(project.Id, group.Id, ResourceRole.Reviewer, now));
            }
            await db.SaveChangesAsync();
        }

        for (var done = 0; done < Jobs;)
        {
            await using var db = CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 10_000 && done < Jobs; i++, done++)
            {
                var type = (JobType)(done % 3);
                var started = now.AddMinutes(-done);
                // One job in a hundred is the Member's; the rest spread over the first thousand members.
                var starter = done % 100 == 0 ? member1.Id : members[done % 1_000].Id;
                var job = new Job(workspace.Id, type, $"{type} #{done}", projectIds[done % projectIds.Count], starter, null,
                    type == JobType.ModelTraining, started);
                job.ReportProgress(10, 10, started.AddSeconds(30));
                if (done % 11 == 0) job.Fail("Scale failure.", [], started.AddMinutes(1));
                else if (done > 50) job.Succeed(started.AddMinutes(1));
                db.Jobs.Add(job);
            }
            await db.SaveChangesAsync();
        }
    }

    private static readonly string[] Names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov",
        "Ken Thompson", "Margaret Hamilton", "Donald Knuth", "Frances Allen", "John Backus"];
}
