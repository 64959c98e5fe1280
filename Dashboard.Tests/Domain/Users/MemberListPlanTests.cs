using System.Data.Common;
using Dashboard.Domain.Access;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Tests.Domain.Users;

/// <summary>
/// How SQLite reads the Users list: along an index in the list's order, so page 399 costs what page one does,
/// never by sorting every member of the workspace first (a temp B-tree).
/// </summary>
[Trait("Database", "SqliteOnly")]
public class MemberListPlanTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly LastCommand _last = new();
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var workspace = await Seed.WorkspaceAsync(_database);
        _admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin);
        for (var i = 0; i < 40; i++)
            await Seed.MemberAsync(_database, workspace, (WorkspaceRole)(i % 4), $"person{i}@acme.example", $"Person {i % 7}");
        await using var db = _database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(MemberSort.Name, false)]
    [InlineData(MemberSort.Name, true)]
    [InlineData(MemberSort.Email, false)]
    [InlineData(MemberSort.Email, true)]
    [InlineData(MemberSort.Role, false)]
    [InlineData(MemberSort.Role, true)]
    [InlineData(MemberSort.UserType, false)]
    [InlineData(MemberSort.UserType, true)]
    [InlineData(MemberSort.Status, false)]
    [InlineData(MemberSort.Status, true)]
    public async Task TheListIsReadAlongAnIndex_NeverSortedWhole(MemberSort sort, bool descending)
    {
        var directory = new MemberDirectory(new WatchedFactory(_database, _last));
        var page = await directory.ListAsync(_admin, new MemberQuery(SortBy: sort, Descending: descending, Page: new(1, 10)));
        Assert.True(page.Succeeded);

        var plan = await PlanAsync(_last.Rows!);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASearch_IsLookedUpInTheTrigramIndex_NotTestedOnEveryMember()
    {
        var directory = new MemberDirectory(new WatchedFactory(_database, _last));
        var page = await directory.ListAsync(_admin, new MemberQuery(Search: "rson 3"));
        Assert.True(page.Succeeded);
        Assert.NotEmpty(page.Value.Items);

        var plan = await PlanAsync(_last.Rows!);
        Assert.Contains("MemberSearch VIRTUAL TABLE INDEX", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("LIKE", _last.Rows!.CommandText, StringComparison.Ordinal);
    }

    private async Task<string> PlanAsync(DbCommand listed)
    {
        await using var command = _database.Connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + listed.CommandText;
        foreach (DbParameter parameter in listed.Parameters)
            command.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return string.Join("\n", steps);
    }

    /// <summary>Keeps the page's own query: the one that reads rows with LIMIT and OFFSET.</summary>
    private sealed class LastCommand : DbCommandInterceptor
    {
        public DbCommand? Rows { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("LIMIT", StringComparison.Ordinal) && command.CommandText.Contains("OFFSET", StringComparison.Ordinal)
                && command.CommandText.Contains("\"Members\"", StringComparison.Ordinal))
                Rows = command;
            return ValueTask.FromResult(result);
        }
    }

    private sealed class WatchedFactory(TestDatabase database, LastCommand last) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(database.Connection).AddInterceptors(last).Options);
    }
}
