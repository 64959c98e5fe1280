using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Domain.Activity;

public class JobDirectoryTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private JobDirectory _directory = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _directory = new JobDirectory(_database);
        var workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task AddJobsAsync(int count)
    {
        await using var db = _database.CreateDbContext();
        for (var i = 0; i < count; i++)
            db.Jobs.Add(new Job(_admin.WorkspaceId, JobType.ModelTraining, $"Run {i}", null, _admin.MemberId, null, isExternal: true,
                Seed.Now.AddMinutes(-i)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheCount_StopsAFixedDistancePastThePage_AndSaysSo()
    {
        await AddJobsAsync(CappedCount.Ahead + 50);

        var first = await _directory.ListAsync(_admin, new JobQuery(Page: new PageRequest(0, 25)));
        Assert.Equal(CappedCount.Ahead, first.TotalCount);
        Assert.True(first.TotalIsAtLeast);
        Assert.Equal("Run 0", first.Items[0].Title);

        // Further on, the count reaches the end and is exact again.
        var later = await _directory.ListAsync(_admin, new JobQuery(Page: new PageRequest(20, 25)));
        Assert.Equal(CappedCount.Ahead + 50, later.TotalCount);
        Assert.False(later.TotalIsAtLeast);
        Assert.Equal("Run 500", later.Items[0].Title);
    }

    [Fact]
    public async Task UnderTheCap_TheCountIsExact()
    {
        await AddJobsAsync(30);

        var page = await _directory.ListAsync(_admin, new JobQuery(Page: new PageRequest(1, 25)));

        Assert.Equal(30, page.TotalCount);
        Assert.False(page.TotalIsAtLeast);
        Assert.Equal(5, page.Items.Count);
    }
}
