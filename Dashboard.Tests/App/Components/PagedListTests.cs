using Dashboard.App.Components;
using Dashboard.Domain.Common;

namespace Dashboard.Tests.App.Components;

public class PagedListTests
{
    /// <summary>A list of the numbers 0..count-1 that records how each page was asked for.</summary>
    private sealed class Numbers(int count)
    {
        public List<(PageRequest Page, PageSeek<int>? Seek)> Asked { get; } = [];
        public int Count { get; set; } = count;

        public Task<Page<int>> ReadAsync(PageRequest page, PageSeek<int>? seek, CancellationToken ct)
        {
            Asked.Add((page, seek));
            if (page.IsLast)
            {
                var last = (Count - 1) / page.Take;
                return Task.FromResult(new Page<int>(Enumerable.Range(last * page.Take, Count - last * page.Take).ToList(), Count, PageIndex: last));
            }
            var items = Enumerable.Range(page.Skip, Math.Max(0, Math.Min(page.Take, Count - page.Skip))).ToList();
            return Task.FromResult(new Page<int>(items, Count));
        }
    }

    [Fact]
    public async Task TheNextAndPreviousPages_AreReadFromTheRowBeside_AndRefreshFromTheFirstShown()
    {
        var numbers = new Numbers(100);
        using var list = new PagedList<int>(numbers.ReadAsync);
        await list.ReloadAsync();

        await list.GoToAsync((1, 25));
        Assert.Equal(new PageSeek<int>(24, SeekFrom.After), numbers.Asked[^1].Seek);
        await list.GoToAsync((2, 25));
        Assert.Equal(new PageSeek<int>(49, SeekFrom.After), numbers.Asked[^1].Seek);
        await list.GoToAsync((1, 25));
        Assert.Equal(new PageSeek<int>(50, SeekFrom.Before), numbers.Asked[^1].Seek);
        await list.ReloadAsync();
        Assert.Equal(new PageSeek<int>(25, SeekFrom.AtOrAfter), numbers.Asked[^1].Seek);

        // Back to the top, a jump, or another page size: read by place.
        await list.GoToAsync((0, 25));
        Assert.Null(numbers.Asked[^1].Seek);
        await list.GoToAsync((3, 25));
        Assert.Null(numbers.Asked[^1].Seek);
        await list.GoToAsync((4, 10));
        Assert.Null(numbers.Asked[^1].Seek);
    }

    [Fact]
    public async Task TheLastPage_TakesTheNumberTheReadGives()
    {
        var numbers = new Numbers(1_010);
        using var list = new PagedList<int>(numbers.ReadAsync);

        await list.GoToAsync((PageRequest.LastPageIndex, 25));

        Assert.Equal(40, list.PageIndex);
        Assert.Equal(Enumerable.Range(1_000, 10), list.Rows);
    }

    [Fact]
    public async Task APagePastTheEnd_ShowsTheLastPageThereIs()
    {
        var numbers = new Numbers(100);
        using var list = new PagedList<int>((page, ct) => numbers.ReadAsync(page, null, ct));
        await list.GoToAsync((3, 25));
        numbers.Count = 60;

        await list.ReloadAsync();

        Assert.Equal(2, list.PageIndex);
        Assert.Equal(Enumerable.Range(50, 10), list.Rows);
    }
}
