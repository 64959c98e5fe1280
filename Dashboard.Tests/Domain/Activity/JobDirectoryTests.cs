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

    [Fact]
    public async Task NoJobs_OrAPagePastTheEnd_ShowNoRows_AndTheTrueTotal()
    {
        var none = await _directory.ListAsync(_admin, new JobQuery());
        Assert.Empty(none.Items);
        Assert.Equal(0, none.TotalCount);

        await AddJobsAsync(30);
        var pastTheEnd = await _directory.ListAsync(_admin, new JobQuery(Page: new PageRequest(3, 25)));
        Assert.Empty(pastTheEnd.Items);
        Assert.Equal(30, pastTheEnd.TotalCount);
        Assert.False(pastTheEnd.TotalIsAtLeast);
    }

    /// <summary>Jobs started in pairs at the same moment, so a page boundary falls between two of a pair.</summary>
    private async Task AddPairedJobsAsync(int count)
    {
        await using var db = _database.CreateDbContext();
        for (var i = 0; i < count; i++)
            db.Jobs.Add(new Job(_admin.WorkspaceId, JobType.ModelTraining, $"Run {i}", null, _admin.MemberId, null, isExternal: true,
                Seed.Now.AddMinutes(-(i / 2))));
        await db.SaveChangesAsync();
    }

    private async Task<Page<JobRow>> ReadAsync(int pageIndex, PageSeek<JobRow>? seek = null, IReadOnlyCollection<JobStatus>? statuses = null) =>
        await _directory.ListAsync(_admin, new JobQuery(Statuses: statuses, Page: new PageRequest(pageIndex, 10), Seek: seek));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NextAndPreviousPages_ReadFromTheRowBeside_AreThePagesReadByPlace(bool filtered)
    {
        await AddPairedJobsAsync(45);
        IReadOnlyCollection<JobStatus>? statuses = filtered ? [JobStatus.Processing] : null;

        var byPlace = new List<Page<JobRow>>();
        for (var i = 0; i < 5; i++) byPlace.Add(await ReadAsync(i, statuses: statuses));
        Assert.Equal(45, byPlace.SelectMany(p => p.Items).Select(r => r.Id).Distinct().Count());

        var shown = byPlace[0];
        for (var i = 1; i < 5; i++)
        {
            shown = await ReadAsync(i, new PageSeek<JobRow>(shown.Items[^1], SeekFrom.After), statuses);
            Assert.Equal(byPlace[i].Items.Select(r => r.Id), shown.Items.Select(r => r.Id));
            Assert.Equal(byPlace[i].TotalCount, shown.TotalCount);
        }
        for (var i = 3; i >= 1; i--)
        {
            shown = await ReadAsync(i, new PageSeek<JobRow>(shown.Items[0], SeekFrom.Before), statuses);
            Assert.Equal(byPlace[i].Items.Select(r => r.Id), shown.Items.Select(r => r.Id));
            Assert.Equal(byPlace[i].TotalCount, shown.TotalCount);
        }
        var again = await ReadAsync(1, new PageSeek<JobRow>(shown.Items[0], SeekFrom.AtOrAfter), statuses);
        Assert.Equal(byPlace[1].Items.Select(r => r.Id), again.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task ThePreviousPage_WhenJobsAheadOfItWereRemoved_IsReadByPlace()
    {
        await AddPairedJobsAsync(30);
        var second = await ReadAsync(1);
        await using (var db = _database.CreateDbContext())
        {
            db.Jobs.RemoveRange(db.Jobs.OrderByDescending(j => j.StartedAt).Take(3));
            await db.SaveChangesAsync();
        }

        var first = await ReadAsync(0, new PageSeek<JobRow>(second.Items[0], SeekFrom.Before));

        Assert.Equal((await ReadAsync(0)).Items.Select(r => r.Id), first.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task TheLastPage_AskedForWithoutItsNumber_IsReadFromTheFarEnd_AndSaysWhichPageItIs()
    {
        await AddJobsAsync(CappedCount.Ahead + 7);

        var last = await _directory.ListAsync(_admin, new JobQuery(Page: new PageRequest(PageRequest.LastPageIndex, 25)));

        Assert.Equal(CappedCount.Ahead / 25, last.PageIndex);
        Assert.Equal(CappedCount.Ahead + 7, last.TotalCount);
        Assert.False(last.TotalIsAtLeast);
        Assert.Equal(7, last.Items.Count);
        Assert.Equal($"Run {CappedCount.Ahead}", last.Items[0].Title);
        Assert.Equal($"Run {CappedCount.Ahead + 6}", last.Items[^1].Title);
    }
}
