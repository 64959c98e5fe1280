namespace Dashboard.Domain.Common;

/// <summary>Which page of a list to read. Sizes are bounded so no caller can pull a whole table.</summary>
public sealed record PageRequest(int PageIndex = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;

    /// <summary>Computed without overflow: a page past the end (even page 2,147,483,647) is empty, never page one.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)Math.Max(0, PageIndex) * Take);
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>One page of a list and how many items the whole filtered list holds.</summary>
/// <param name="TotalIsAtLeast">
/// The count stopped at a cap instead of reading every row: there are at least <paramref name="TotalCount"/> items.
/// </param>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, bool TotalIsAtLeast = false);

public static class SearchText
{
    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with its wildcards taken literally.</summary>
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    public const string Escape = "\\";
}
