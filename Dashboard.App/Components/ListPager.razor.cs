using System.Globalization;
using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace Dashboard.App.Components;

public sealed partial class ListPager
{
    /// <summary>What the list holds, for the pager's accessible name ("Members pages").</summary>
    [Parameter, EditorRequired] public string ListName { get; set; } = "";
    [Parameter] public int PageIndex { get; set; }
    [Parameter] public int PageSize { get; set; } = 25;
    [Parameter] public int TotalCount { get; set; }
    /// <summary>The count stopped at a cap: there are at least <see cref="TotalCount"/> rows.</summary>
    [Parameter] public bool TotalIsAtLeast { get; set; }
    [Parameter] public IReadOnlyList<int> PageSizes { get; set; } = [10, 25, 50, 100];
    /// <summary>Asks the list for another page, or another page size (starting again at the first page).</summary>
    [Parameter] public EventCallback<(int PageIndex, int PageSize)> PageChanged { get; set; }

    private int LastPage => Math.Max(0, (TotalCount - 1) / Math.Max(1, PageSize));

    private string Info
    {
        get
        {
            var first = TotalCount == 0 ? 0 : PageIndex * PageSize + 1;
            var last = Math.Min(TotalCount, (PageIndex + 1) * PageSize);
            var total = TotalCount.ToString("N0", CultureInfo.CurrentCulture);
            return $"{first}-{last} of {(TotalIsAtLeast ? "more than " : "")}{total}";
        }
    }

    // The count stopped at a cap, so the last page's number is not known here: the list is asked for "the last".
    private Task GoToAsync(int page) =>
        PageChanged.InvokeAsync((page == PageRequest.LastPageIndex && TotalIsAtLeast ? page : Math.Clamp(page, 0, LastPage), PageSize));

    private Task PageSizeChangedAsync(ChangeEventArgs e) =>
        int.TryParse(e.Value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size)
            ? PageChanged.InvokeAsync((0, size))
            : Task.CompletedTask;
}
