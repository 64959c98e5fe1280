using Bunit;
using Dashboard.App.Components;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.App.Components;

public class ListPagerTests : BunitTestBase
{
    private IRenderedComponent<ListPager> Pager(int page, int total, bool atLeast, Action<(int, int)> changed) =>
        Render<ListPager>(p => p
            .Add(x => x.ListName, "Jobs")
            .Add(x => x.PageIndex, page)
            .Add(x => x.PageSize, 25)
            .Add(x => x.TotalCount, total)
            .Add(x => x.TotalIsAtLeast, atLeast)
            .Add(x => x.PageChanged, changed));

    [Fact]
    public void ACappedCount_SaysMoreThan_AndStillPagesOn()
    {
        (int, int)? asked = null;
        var pager = Pager(0, 10_000, atLeast: true, p => asked = p);

        Assert.Equal("1-25 of more than 10,000", pager.Find(".list-pager-info").TextContent);
        pager.Find("button[aria-label='Next page']").Click();
        Assert.Equal((1, 25), asked);
    }

    [Fact]
    public void LastPage_UnderACappedCount_AsksForTheLastWhereverItIs()
    {
        (int, int)? asked = null;
        var capped = Pager(0, 1_000, atLeast: true, p => asked = p);
        capped.Find("button[aria-label='Last page']").Click();
        Assert.Equal((Dashboard.Domain.Common.PageRequest.LastPageIndex, 25), asked);

        var exact = Pager(0, 1_000, atLeast: false, p => asked = p);
        exact.Find("button[aria-label='Last page']").Click();
        Assert.Equal((39, 25), asked);
    }

    [Fact]
    public void AnEmptyList_SaysNoneAndOffersNoOtherPage()
    {
        var pager = Pager(0, 0, atLeast: false, _ => { });

        Assert.Equal("0-0 of 0", pager.Find(".list-pager-info").TextContent);
        Assert.All(pager.FindAll(".list-pager-button"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Equal("Jobs pages", pager.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void ASizeNotOffered_IsIgnored()
    {
        (int, int)? asked = null;
        var pager = Pager(2, 100, atLeast: false, p => asked = p);

        pager.Find("select").Change("100000");
        Assert.Null(asked);
        pager.Find("select").Change("50");
        Assert.Equal((0, 50), asked);
    }
}
