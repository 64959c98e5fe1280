using Dashboard.Domain.Common;

namespace Dashboard.App.Components;

/// <summary>
/// The page of a list a component shows as plain markup: which page, how big, the rows read, and whether a read is
/// under way. A newer read (typing on in a search box, another filter) makes an older one moot: its answer is
/// dropped, never shown over the newer one. <see cref="ListPager"/> shows and changes the page.
/// </summary>
/// <param name="read">Reads one page with what the component currently asks for (search, filters, sort).</param>
public sealed class PagedList<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> read) : IDisposable
{
    private CancellationTokenSource? _reading;

    /// <summary>The rows on screen; a live page may change them in place between reads.</summary>
    public List<T> Rows { get; } = [];
    public int TotalCount { get; set; }
    public bool TotalIsAtLeast { get; private set; }
    public int PageIndex { get; private set; }
    public int PageSize { get; private set; } = 25;
    /// <summary>True until the first page arrives, and while another is read.</summary>
    public bool Loading { get; private set; } = true;

    /// <summary>Reads the current page again: after a change, or on Refresh.</summary>
    public async Task ReloadAsync()
    {
        _reading?.Cancel();
        _reading?.Dispose();
        var mine = _reading = new CancellationTokenSource();
        Loading = true;
        try
        {
            var page = await read(new PageRequest(PageIndex, PageSize), mine.Token);
            if (!mine.IsCancellationRequested) Show(page);
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            // A newer read has the list now.
        }
    }

    /// <summary>Shows a page read elsewhere (the one the server rendered before the circuit started).</summary>
    public void Show(Page<T> page)
    {
        Rows.Clear();
        Rows.AddRange(page.Items);
        TotalCount = page.TotalCount;
        TotalIsAtLeast = page.TotalIsAtLeast;
        Loading = false;
    }

    public Page<T> Shown => new(Rows.ToList(), TotalCount, TotalIsAtLeast);

    /// <summary>Another page or page size, as the pager asks.</summary>
    public Task GoToAsync((int PageIndex, int PageSize) page)
    {
        (PageIndex, PageSize) = page;
        return ReloadAsync();
    }

    /// <summary>The first page again, for another search, filter or sort.</summary>
    public Task StartOverAsync()
    {
        PageIndex = 0;
        return ReloadAsync();
    }

    public void Dispose()
    {
        _reading?.Cancel();
        _reading?.Dispose();
    }
}
