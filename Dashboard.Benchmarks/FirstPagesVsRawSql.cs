using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Benchmarks;

/// <summary>
/// Each list's first page as the app reads it (its count included) against the same page in hand-written SQL without a
/// count, on the same database: the Ratio column is the app's cost over the bare query's. Target: at most 2×.
/// <c>dotnet run -c Release --project Dashboard.Benchmarks -- --filter '*FirstPagesVsRawSql*'</c> on SQLite;
/// <c>… -- postgres --filter '*FirstPagesVsRawSql*'</c> on a throwaway PostgreSQL cluster. The hand-written SQL is
/// the same on both (quoted names, @parameters), but for each engine's own search index.
/// </summary>
[ShortRunJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
// BenchmarkDotNet derives from the class, so it stays unsealed, and it closes the connection in its clean-up step.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Disposed in [GlobalCleanup].")]
public class FirstPagesVsRawSql
{
    private const int PageSize = 25;
    private ScaleData _data = default!;
    private DbConnection _connection = default!;
    /// <summary>The last row of page 7,599, from which "Next page" reads page 7,600.</summary>
    private JobRow _deepAnchor = default!;

    [GlobalSetup]
    public void Setup()
    {
        _data = ScaleData.OpenAsync().GetAwaiter().GetResult();
        _connection = _data.OpenConnection();
        _deepAnchor = _data.JobDirectory.ListAsync(_data.Admin, new JobQuery(Page: new PageRequest(DeepPage - 1, PageSize)))
            .GetAwaiter().GetResult().Items[^1];
        // A hand-written query that reads the wrong rows would make a flattering anchor: each must fill a page.
        foreach (var (name, read) in new (string, Func<Task<int>>)[]
                 { ("jobs", JobsRawAsync), ("deep jobs", JobsDeepRawAsync), ("members", MembersRawAsync), ("projects", ProjectsRawAsync) })
        {
            if (read().GetAwaiter().GetResult() != PageSize) throw new InvalidOperationException($"The raw {name} query did not fill a page.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Activity Center, Admin, 200,000 jobs")]
    public Task<int> JobsRawAsync() => ReadAsync(JobRowsByHand + """
        WHERE j."WorkspaceId" = @workspace
        ORDER BY j."StartedAt" DESC, j."Id" DESC
        LIMIT 25
        """);

    /// <summary>What a jobs row shows — the names of its resource and of whoever started it — as the app reads it.</summary>
    private const string JobRowsByHand = """
        SELECT j."Id", j."Type", j."Status", j."Title", r."Name", m."DisplayName", k."Name", j."StartedAt", j."FinishedAt",
               j."ItemsDone", j."ItemsTotal", j."StorageFolder", j."ErrorSummary", j."ResourceId"
        FROM "Jobs" j
        LEFT JOIN "Resources" r ON r."Id" = j."ResourceId"
        LEFT JOIN "Members" m ON m."Id" = j."StartedByMemberId"
        LEFT JOIN "ApiKeys" k ON k."Id" = j."StartedByApiKeyId"

        """;

    [Benchmark, BenchmarkCategory("Activity Center, Admin, 200,000 jobs")]
    public async Task<int> JobsAppAsync() => (await _data.JobDirectory.ListAsync(_data.Admin, new JobQuery())).Items.Count;

    private const int DeepPage = 7_600;
    // The app keeps times as EF Core's binary form of a DateTimeOffset; the hand-written query compares the same numbers.
    private static readonly DateTimeOffsetToBinaryConverter StartedAtAsStored = new();

    /// <summary>Page 7,600 by hand: the rows after page 7,599's last, along the index, without a count.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Activity Center, Admin, page 7,600 after page 7,599")]
    public Task<int> JobsDeepRawAsync() => ReadAsync(JobRowsByHand + """
        WHERE j."WorkspaceId" = @workspace AND j."StartedAt" <= @startedAt
          AND (j."StartedAt" < @startedAt OR (j."StartedAt" = @startedAt AND j."Id" < @id))
        ORDER BY j."StartedAt" DESC, j."Id" DESC
        LIMIT 25
        """, ("startedAt", StartedAtAsStored.ConvertToProvider(_deepAnchor.StartedAt)!), ("id", _data.Stored(_deepAnchor.Id)));

    /// <summary>"Next page" from page 7,599: the app seeks from the row beside it.</summary>
    [Benchmark, BenchmarkCategory("Activity Center, Admin, page 7,600 after page 7,599")]
    public async Task<int> JobsDeepAppAsync() => (await _data.JobDirectory.ListAsync(_data.Admin,
        new JobQuery(Page: new PageRequest(DeepPage, PageSize), Seek: new PageSeek<JobRow>(_deepAnchor, SeekFrom.After)))).Items.Count;

    /// <summary>The same page by its number, stepping over the 190,000 rows ahead of it: what the app did before.</summary>
    [Benchmark, BenchmarkCategory("Activity Center, Admin, page 7,600 after page 7,599")]
    public async Task<int> JobsDeepByPlaceAsync() =>
        (await _data.JobDirectory.ListAsync(_data.Admin, new JobQuery(Page: new PageRequest(DeepPage, PageSize)))).Items.Count;

    [Benchmark(Baseline = true), BenchmarkCategory("Users, 10,000 members")]
    public Task<int> MembersRawAsync() => ReadAsync(MemberRowsByHand + """
        WHERE m."WorkspaceId" = @workspace
        ORDER BY m."DisplayName", m."NormalizedEmail"
        LIMIT 25
        """);

    private const string MemberRowsByHand = """
        SELECT m."Id", m."DisplayName", m."Email", m."Role", m."UserType", m."Status", m."StatusAt", a."TwoFactorEnabled"
        FROM "Members" m
        LEFT JOIN "AspNetUsers" a ON a."Id" = m."AccountId"

        """;

    [Benchmark, BenchmarkCategory("Users, 10,000 members")]
    public async Task<int> MembersAppAsync() => (await _data.MemberDirectory.ListAsync(_data.Admin, new MemberQuery())).Value.Items.Count;

    private const string MemberSearchText = "hopper 7";

    /// <summary>
    /// A search's first page by hand, through the trigram index, without a count: SQLite's FTS5 table, or on PostgreSQL
    /// ILIKE, which its pg_trgm indexes serve.
    /// </summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Users, search \"hopper 7\", 10,000 members")]
    public Task<int> MemberSearchRawAsync() => _data.IsPostgres
        ? ReadAsync(MemberRowsByHand + """
            WHERE m."WorkspaceId" = @workspace AND (m."DisplayName" ILIKE @pattern OR m."Email" ILIKE @pattern)
            ORDER BY m."DisplayName", m."NormalizedEmail"
            LIMIT 25
            """, ("pattern", "%" + MemberSearchText + "%"))
        : ReadAsync(MemberRowsByHand + """
            WHERE m."WorkspaceId" = @workspace AND m."Id" IN (SELECT "MemberId" FROM "MemberSearch" WHERE "MemberSearch" MATCH @phrase)
            ORDER BY m."DisplayName", m."NormalizedEmail"
            LIMIT 25
            """, ("phrase", "{DisplayName Email} : \"" + MemberSearchText + "\""));

    /// <summary>The same by hand, testing every member (SQLite's LIKE ignores case), as the app searched before the index.</summary>
    [Benchmark, BenchmarkCategory("Users, search \"hopper 7\", 10,000 members")]
    public Task<int> MemberSearchLikeRawAsync() => ReadAsync(MemberRowsByHand + $"""
        WHERE m."WorkspaceId" = @workspace AND ({Unindexed("m.\"DisplayName\"")} LIKE @pattern OR {Unindexed("m.\"Email\"")} LIKE @pattern)
        ORDER BY m."DisplayName", m."NormalizedEmail"
        LIMIT 25
        """, ("pattern", "%" + MemberSearchText + "%"));

    /// <summary>On PostgreSQL, lower() keeps the trigram index out, as SQLite's plain LIKE has none to use.</summary>
    private string Unindexed(string column) => _data.IsPostgres ? $"lower({column})" : column;

    [Benchmark, BenchmarkCategory("Users, search \"hopper 7\", 10,000 members")]
    public async Task<int> MemberSearchAppAsync() =>
        (await _data.MemberDirectory.ListAsync(_data.Admin, new MemberQuery(Search: MemberSearchText))).Value.Items.Count;

    [Benchmark(Baseline = true), BenchmarkCategory("Projects, Admin, 5,000 projects")]
    public Task<int> ProjectsRawAsync() => ReadAsync("""
        SELECT r."Id", r."Name", r."Description", r."CreatedAt"
        FROM "Resources" r
        WHERE r."WorkspaceId" = @workspace AND r."ResourceKind" = 'Project'
        ORDER BY r."NormalizedName"
        LIMIT 25
        """);

    [Benchmark, BenchmarkCategory("Projects, Admin, 5,000 projects")]
    public async Task<int> ProjectsAppAsync() =>
        (await _data.ResourceService.ListAsync(_data.Admin, ResourceKind.Project, null, new PageRequest())).Items.Count;

    private async Task<int> ReadAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Prepend(("workspace", _data.Stored(_data.Admin.WorkspaceId))))
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("@" + name, value);
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }
}
