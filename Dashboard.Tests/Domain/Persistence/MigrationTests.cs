using Dashboard.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Tests.Domain.Persistence;

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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
