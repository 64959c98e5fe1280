using Dashboard.Domain.Common;

namespace Dashboard.App.Components;

/// <summary>
/// The page of a list a component shows as plain markup: which page, how big, the rows read, and whether a read is
/// under way. A newer read (typing on in a search box, another filter) makes an older one moot: its answer is
/// dropped, never shown over the newer one. <see cref="ListPager"/> shows and changes the page.
/// </summary>
public sealed class PagedList<T> : IDisposable
{
    private readonly Func<PageRequest, PageSeek<T>?, CancellationToken, Task<Page<T>>> _read;
    private CancellationTokenSource? _reading;

    /// <param name="read">Reads one page with what the component currently asks for (search, filters, sort).</param>
    public PagedList(Func<PageRequest, CancellationToken, Task<Page<T>>> read) => _read = (page, _, ct) => read(page, ct);

    /// <param name="read">
    /// Reads one page; when the move is to a neighbouring page (or the same page again) it is also given the row to
    /// read from, so a list in a fixed order can seek along its index instead of counting rows from the top.
    /// </param>
    public PagedList(Func<PageRequest, PageSeek<T>?, CancellationToken, Task<Page<T>>> read) => _read = read;

    /// <summary>The rows on screen; a live page may change them in place between reads.</summary>
    public List<T> Rows { get; } = [];
    public int TotalCount { get; set; }
    public bool TotalIsAtLeast { get; private set; }
    public int PageIndex { get; private set; }
    public int PageSize { get; private set; } = 25;
    /// <summary>True until the first page arrives, and while another is read.</summary>
    public bool Loading { get; private set; } = true;

    /// <summary>Reads the current page again: after a change, or on Refresh.</summary>
    public Task ReloadAsync() =>
        ReadAsync(PageIndex > 0 && Rows.Count > 0 ? new PageSeek<T>(Rows[0], SeekFrom.AtOrAfter) : null);

    private async Task ReadAsync(PageSeek<T>? seek)
    {
        _reading?.Cancel();
        _reading?.Dispose();
        var mine = _reading = new CancellationTokenSource();
        Loading = true;
        try
        {
            var page = await _read(new PageRequest(PageIndex, PageSize), seek, mine.Token);
            if (mine.IsCancellationRequested) return;
            // Past the end — rows were removed since the pager was drawn, or the last page was asked for by a list
            // that cannot say which page that is: its last page, by number.
            if (page.Items.Count == 0 && page.TotalCount > 0 && page.PageIndex is null && PageIndex > LastPageOf(page.TotalCount))
            {
                PageIndex = LastPageOf(page.TotalCount);
                page = await _read(new PageRequest(PageIndex, PageSize), null, mine.Token);
                if (mine.IsCancellationRequested) return;
            }
            Show(page);
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
        PageIndex = page.PageIndex ?? PageIndex;
        Loading = false;
    }

    private int LastPageOf(int total) => (total - 1) / PageSize;

    public Page<T> Shown => new(Rows.ToList(), TotalCount, TotalIsAtLeast);

    /// <summary>
    /// Another page or page size, as the pager asks (<see cref="PageRequest.LastPageIndex"/>: the last, wherever it
    /// is). The next or previous page is read from the row beside it.
    /// </summary>
    public Task GoToAsync((int PageIndex, int PageSize) page)
    {
        var seek = page.PageSize != PageSize || Rows.Count == 0 ? null
            : page.PageIndex == PageIndex + 1 ? new PageSeek<T>(Rows[^1], SeekFrom.After)
            : page.PageIndex == PageIndex - 1 && page.PageIndex > 0 ? new PageSeek<T>(Rows[0], SeekFrom.Before)
            : null;
        (PageIndex, PageSize) = page;
        return ReadAsync(seek);
    }

    /// <summary>The first page again, for another search, filter or sort.</summary>
    public Task StartOverAsync()
    {
        PageIndex = 0;
        return ReadAsync(null);
    }

    public void Dispose()
    {
        _reading?.Cancel();
        _reading?.Dispose();
    }
}
