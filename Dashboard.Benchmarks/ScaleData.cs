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
/// One workspace at the sizes the guide names: 10,000 members, 200,000 jobs, 5,000 projects. Built once with the real
/// migrations and reused, because BenchmarkDotNet runs every case in its own process: into a SQLite file, or — when
/// <see cref="PostgresVariable"/> names a server (the <c>postgres</c> verb sets it) — into a PostgreSQL database.
/// </summary>
public sealed class ScaleData : IDbContextFactory<DashboardDbContext>
{
    public const int Members = 10_000;
    public const int Jobs = 200_000;
    public const int Projects = 5_000;
    private const string Version = "2";
    /// <summary>A connection string to a PostgreSQL server's "postgres" database: run the lists there instead.</summary>
    public const string PostgresVariable = "DASHBOARD_BENCH_POSTGRES";

    // Pooled, as the app's factory is (Domain/DomainServices.cs).
    private readonly PooledDbContextFactory<DashboardDbContext> _pool;

    private ScaleData(DatabaseConnection database)
    {
        Database = database;
        ConnectionString = database.ConnectionString;
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        database.Configure(options);
        _pool = new PooledDbContextFactory<DashboardDbContext>(options.Options);
        MemberDirectory = new MemberDirectory(this);
        JobDirectory = new JobDirectory(this);
        ResourceService = new ResourceService(this, TimeProvider.System);
    }

    /// <summary>The database's address, for the hand-written queries measured against the app's.</summary>
    public string ConnectionString { get; }

    public DatabaseConnection Database { get; }

    public bool IsPostgres => Database.Provider == DatabaseProvider.Postgres;

    /// <summary>A connection for hand-written SQL, on whichever engine the lists run.</summary>
    public System.Data.Common.DbConnection OpenConnection()
    {
        System.Data.Common.DbConnection connection = IsPostgres
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The workspace's id as the engine stores it: uppercase text on SQLite, a uuid on PostgreSQL.</summary>
    public object Stored(Guid id) => IsPostgres ? id : id.ToString().ToUpperInvariant();

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
        var data = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? await OpenPostgresAsync(server)
            : await OpenSqliteAsync();
        await using var db = data.CreateDbContext();
        var workspace = await db.Workspaces.SingleAsync();
        Actor ActorOf(WorkspaceMember m) => new(m.AccountId!.Value, m.Id, workspace.Id, workspace.Name, m.Role, m.UserType);
        data.Admin = ActorOf(await db.Members.SingleAsync(m => m.Email == "admin@scale.example"));
        data.Member = ActorOf(await db.Members.SingleAsync(m => m.Email == "member-1@scale.example"));
        return data;
    }

    private static async Task<ScaleData> OpenPostgresAsync(string server)
    {
        var name = $"scale_v{Version}";
        await using var admin = new Npgsql.NpgsqlConnection(server);
        await admin.OpenAsync();
        async Task<bool> ExistsAsync(string database)
        {
            await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", database);
            return await exists.ExecuteScalarAsync() is not null;
        }
        async Task ExecuteAsync(string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
        string On(string database) => new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        if (!await ExistsAsync(name))
        {
            // Built under another name and renamed into place, so an interrupted build is never reused.
            var building = name + "_building";
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{building}\"");
            var fresh = new ScaleData(DatabaseConnection.Postgres(On(building)));
            await DatabaseInitializer.MigrateAsync(fresh);
            await fresh.SeedAsync();
            await using (var db = fresh.CreateDbContext()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }
        var data = new ScaleData(DatabaseConnection.Postgres(On(name)));
        await DatabaseInitializer.MigrateAsync(data);
        return data;
    }

    private static async Task<ScaleData> OpenSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-benchmarks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"scale-v{Version}.db");
        if (!File.Exists(path))
        {
            // Built under another name and moved into place, so an interrupted build is never reused.
            var building = path + ".building";
            File.Delete(building);
            var fresh = new ScaleData(DatabaseConnection.SqliteFile(building));
            await DatabaseInitializer.MigrateAsync(fresh);
            await fresh.SeedAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Move(building, path);
        }

        var data = new ScaleData(DatabaseConnection.SqliteFile(path));
        // What the app does at every start: migrations (none left here), then statistics for the query planner.
        await DatabaseInitializer.MigrateAsync(data);
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
