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
        return trimmed;
    }
}
