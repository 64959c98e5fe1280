using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Common;

/// <summary>Which page of a list to read. Sizes are bounded so no caller can pull a whole table.</summary>
public sealed record PageRequest(int PageIndex = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
    /// <summary>Asks for the list's last page wherever it is, when the count shown stopped at a cap.</summary>
    public const int LastPageIndex = int.MaxValue;

    public bool IsLast => PageIndex == LastPageIndex;

    /// <summary>Computed without overflow: a page past the end (even page 2,147,483,647) is empty, never page one.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)Math.Max(0, PageIndex) * Take);
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>One page of a list and how many items the whole filtered list holds.</summary>
/// <param name="TotalIsAtLeast">
/// The count stopped at a cap instead of reading every row: there are at least <paramref name="TotalCount"/> items.
/// </param>
/// <param name="PageIndex">Set when the read chose which page it is: the last page, asked for without its number.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, bool TotalIsAtLeast = false, int? PageIndex = null);

/// <summary>Where a read starts, relative to a row the list already shows.</summary>
public enum SeekFrom
{
    /// <summary>The next page: the rows after the last one shown.</summary>
    After,
    /// <summary>The same page again (Refresh): from the first row shown, or where it was.</summary>
    AtOrAfter,
    /// <summary>The previous page: the rows just before the first one shown.</summary>
    Before,
}

/// <summary>
/// A page read from a row the list shows rather than by its place from the top: a list in a fixed order then seeks
/// along its index ("keyset" paging), so page 7,600 of the jobs costs what page one does instead of stepping over the
/// 190,000 rows ahead of it.
/// </summary>
public sealed record PageSeek<TRow>(TRow Row, SeekFrom From);

/// <summary>
/// A list's total without reading every row: the count reads at most <see cref="Ahead"/> rows past the page's start,
/// so the pager can always move on, and says "more than" when it stopped there. At 200,000 jobs a full count costs
/// more than the page itself; a thousand rows ahead cost a tenth of it.
/// </summary>
public static class CappedCount
{
    public const int Ahead = 1_000;

    public static async Task<(int Total, bool AtLeast)> CountAsync<T>(IQueryable<T> ordered, PageRequest page, CancellationToken ct) =>
        await FromAheadAsync(await ordered.Skip(page.Skip).Take(Ahead + 1).CountAsync(ct), page, () => ordered.CountAsync(ct));

    /// <summary>The total from a count of at most <see cref="Ahead"/> + 1 rows past the page's start, made by the caller (a compiled query).</summary>
    public static async Task<(int Total, bool AtLeast)> FromAheadAsync(int ahead, PageRequest page, Func<Task<int>> countAll)
    {
        // Past the end nothing is ahead and the page's start says nothing of the total: only then count it all.
        if (ahead == 0 && page.Skip > 0) return (await countAll(), false);
        return (page.Skip + Math.Min(ahead, Ahead), ahead > Ahead);
    }
}

public static class SearchText
{
    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with its wildcards taken literally.</summary>
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    public const string Escape = "\\";
}
