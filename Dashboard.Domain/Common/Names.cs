namespace Dashboard.Domain.Common;

/// <summary>
/// The one rule for names people type (workspaces, groups, resources, tags): trimmed, required, bounded,
/// and compared case-insensitively through a stored normalized form that a unique index can enforce.
/// </summary>
public static class Names
{
    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>Trims <paramref name="raw"/> and checks it; the error names <paramref name="what"/> for the person.</summary>
    public static Result<string> Validate(string? raw, string what, int maxLength, string field = "Name")
    {
        var trimmed = raw?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Error.Invalid($"{what} is required.", field);
        if (trimmed.Length > maxLength)
            return Error.Invalid($"{what} must be at most {maxLength} characters (it has {trimmed.Length}).", field);
        if (trimmed.Any(char.IsControl))
            return Error.Invalid($"{what} cannot contain control characters.", field);
        if (trimmed.Any(IsBidirectionalControl))
            return Error.Invalid($"{what} cannot contain characters that reverse the direction of text (bidirectional controls): they make a name read differently from what it is.", field);
        if (trimmed.All(IsInvisible))
            return Error.Invalid($"{what} must contain visible characters; this one is made only of invisible ones (such as zero-width spaces).", field);
        return trimmed;
    }

    // Embeddings, overrides and isolates, plus the marks that steer them: they can make "gpj.exe" read as "exe.jpg".
    private static bool IsBidirectionalControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    // Zero-width and other format characters, and the "filler" letters that render as nothing. Inside a name they
    // can be legitimate (a zero-width joiner in an emoji or in Persian), so only a name of nothing else is refused.
    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800' or '\u180E';
}
