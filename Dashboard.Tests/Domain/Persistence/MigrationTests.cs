using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Tests.Domain.Persistence;

[Trait("Database", "SqliteOnly")]
public class MigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dashboard-migrations-").FullName;

    [Fact]
    public async Task Migrate_OnAnEmptyFile_CreatesTheWholeModelInWalMode()
    {
        var path = Path.Combine(_folder, "dashboard.db");
        var factory = new PooledDbContextFactory<DashboardDbContext>(
            new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={path}").Options);

        await DatabaseInitializer.MigrateAsync(factory);

        await using var db = await factory.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        foreach (var expected in new[] { "Workspaces", "Members", "Invitations", "EmailDomains", "Groups", "Resources",
                     "ResourceAccess", "ProjectTags", "IssueTags", "Issues", "Jobs", "JobProblems", "ApiKeys", "AspNetUsers" })
            Assert.Contains(expected, tables);
        var journalMode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", journalMode.Single());
    }

    [Fact]
    public async Task Model_HasNoChangesMissingFromTheMigrations()
    {
        await using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for the model change.");
    }

    /// <summary>
    /// A brand-new file is made by one script of every migration (start-up is half a second shorter): it must be
    /// exactly what EF Core generates from the migrations now.
    /// </summary>
    [Fact]
    public async Task FreshDatabaseScript_IsEveryMigrationAsEfCoreWritesIt()
    {
        await using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        static string Normalize(string sql) => sql.Replace("\uFEFF", "", StringComparison.Ordinal).ReplaceLineEndings("\n").Trim();

        var expected = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().GenerateScript();

        Assert.True(Normalize(expected) == Normalize(await DatabaseInitializer.ReadFreshDatabaseScriptAsync()),
            "Persistence/Migrations/FreshDatabase.sql is out of date: run `dotnet dotnet-ef migrations script --project "
            + "Dashboard.Domain -o Dashboard.Domain/Persistence/Migrations/FreshDatabase.sql`.");
    }

    /// <summary>
    /// Start-up decides a file is up to date without EF Core: every migration the script inserts a history row for is in
    /// the file's history. That is only right while the script names exactly this build's migrations.
    /// </summary>
    [Fact]
    public async Task TheScriptsHistoryRows_AreExactlyThisBuildsMigrations()
    {
        await using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(db.Database.GetMigrations(), DatabaseInitializer.ScriptMigrations(await DatabaseInitializer.ReadFreshDatabaseScriptAsync()));
    }

    /// <summary>
    /// The app runs on the compiled model in Persistence/CompiledModel (it saves ~0.5 s of every start). Built from
    /// code that has since changed, it would quietly run on the old shape: every table, column, conversion, key and
    /// relationship must match the model the configuration builds now. (Indexes are the schema's, which the
    /// migrations hold; the read-optimized model keeps only some of them.)
    /// </summary>
    [Fact]
    public async Task CompiledModel_MatchesTheModelTheConfigurationBuilds()
    {
        await using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite("Data Source=:memory:").Options);

        var compiled = db.Model;
        var built = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;

        Assert.IsType<Dashboard.Domain.Persistence.CompiledModel.DashboardDbContextModel>(compiled);
        Assert.True(Describe(built) == Describe(compiled),
            "The compiled model is out of date: run `dotnet dotnet-ef dbcontext optimize --project Dashboard.Domain "
            + "--output-dir Persistence/CompiledModel --namespace Dashboard.Domain.Persistence.CompiledModel`.");
    }

    private static DashboardDbContext PostgresContext()
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DatabaseConnection.Postgres("Host=localhost;Database=never_connected").Configure(options);
        return new DashboardDbContext(options.Options);
    }

    /// <summary>PostgreSQL keeps its own migrations (Dashboard.Migrations.Postgres); they must hold every model change too.</summary>
    [Fact]
    public async Task PostgresModel_HasNoChangesMissingFromItsMigrations()
    {
        await using var db = PostgresContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "Run `dotnet dotnet-ef migrations add NAME --project Dashboard.Migrations.Postgres` for the model change.");
    }

    [Fact]
    public async Task PostgresCompiledModel_MatchesTheModelTheConfigurationBuilds()
    {
        await using var db = PostgresContext();

        var built = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;

        Assert.IsType<Dashboard.Migrations.Postgres.CompiledModel.DashboardDbContextModel>(db.Model);
        Assert.True(Describe(built) == Describe(db.Model),
            "The PostgreSQL compiled model is out of date: run `dotnet dotnet-ef dbcontext optimize --project Dashboard.Migrations.Postgres "
            + "--output-dir CompiledModel --namespace Dashboard.Migrations.Postgres.CompiledModel`.");
    }

    private static string Describe(Microsoft.EntityFrameworkCore.Metadata.IModel model) => string.Join('\n',
        model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e => new[] { $"{e.Name} → {e.GetTableName()}" }
            .Concat(e.GetProperties().Select(p =>
                $"  {p.Name}: {p.ClrType.Name} {p.GetColumnName()} null={p.IsNullable} max={p.GetMaxLength()} "
                + $"conv={p.GetValueConverter()?.GetType().Name} token={p.IsConcurrencyToken} gen={p.ValueGenerated}"))
            .Concat(e.GetKeys().Select(k => $"  key {string.Join(',', k.Properties.Select(p => p.Name))}"))
            .Concat(e.GetForeignKeys().Select(f => $"  fk {string.Join(',', f.Properties.Select(p => p.Name))} → "
                                                   + $"{f.PrincipalEntityType.Name} delete={f.DeleteBehavior}"))));

    /// <summary>
    /// An install from before partners existed: its workforce had lent a person to a client. After the upgrade that
    /// client is a partner (nothing that worked stops working), and its email domains are pending with a token each.
    /// </summary>
    [Fact]
    public async Task Upgrade_KeepsExistingLending_AndMakesOldDomainsPending()
    {
        var path = Path.Combine(_folder, "old.db");
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var old = new DashboardDbContext(options))
        {
            await old.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261123014216_WorkforceHomeAndJobsByTypeAndStatus");
            // Times as the app stores them.
            var at = (long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(Tests.Support.Seed.Now)!;
            var client = Guid.NewGuid().ToString().ToUpperInvariant();
            var vendor = Guid.NewGuid().ToString().ToUpperInvariant();
            // Test data of our own making, written as the old schema had it (no parameters needed).
            var rows = $"""
                INSERT INTO "Workspaces" ("Id", "Name", "NormalizedName", "IsWorkforce", "RequireTwoFactor", "CreatedAt") VALUES
                    ('{client}', 'Acme', 'ACME', 0, 0, {at}), ('{vendor}', 'Label Force', 'LABEL FORCE', 1, 0, {at});
                INSERT INTO "Members" ("Id", "WorkspaceId", "Email", "NormalizedEmail", "DisplayName", "Role", "UserType", "Status", "StatusAt", "JoinedAt", "HomeWorkspaceId") VALUES
                    ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{client}', 'w@lf.example', 'W@LF.EXAMPLE', 'Wendy', 'Tasker', 'Workforce', 'Joined', {at}, {at}, '{vendor}'),
                    ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{client}', 'v@lf.example', 'V@LF.EXAMPLE', 'Vic', 'Tasker', 'Workforce', 'Joined', {at}, {at}, '{vendor}');
                INSERT INTO "EmailDomains" ("Id", "WorkspaceId", "Domain", "Role", "UserType", "CreatedAt") VALUES
                    ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{client}', 'acme.example', 'Member', 'Internal', {at}),
                    ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{vendor}', 'lf.example', 'Member', 'Internal', {at});
                """;
            await old.Database.ExecuteSqlRawAsync(rows);
        }

        await DatabaseInitializer.MigrateAsync(new PooledDbContextFactory<DashboardDbContext>(options));

        await using var db = new DashboardDbContext(options);
        var partner = await db.WorkforcePartners.SingleAsync();
        var workspaces = await db.Workspaces.ToDictionaryAsync(w => w.Name, w => w.Id);
        Assert.Equal((workspaces["Label Force"], workspaces["Acme"]), (partner.WorkforceWorkspaceId, partner.ClientWorkspaceId));
        Assert.Equal(partner, await db.WorkforcePartners.SingleAsync(p => p.Id == partner.Id));
        Assert.Equal(Tests.Support.Seed.Now, partner.AddedAt);
        var domains = await db.EmailDomains.ToListAsync();
        Assert.All(domains, d => Assert.Null(d.VerifiedAt));
        Assert.All(domains, d => Assert.Matches("^dashboard-verify=[0-9a-f]{32}$", d.VerificationToken));
        Assert.NotEqual(domains[0].VerificationToken, domains[1].VerificationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
