namespace Dashboard.Domain.Activity.Imports;

/// <summary>
/// Which files a Dataset takes, by extension, and a check of the first bytes for the formats that have a
/// signature, so a renamed or truncated file is refused as unreadable instead of stored as garbage.
/// </summary>
public static class DataFileKinds
{
    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        [".gif"] = ("image/gif", [[0x47, 0x49, 0x46, 0x38]]),
        [".bmp"] = ("image/bmp", [[0x42, 0x4D]]),
        [".webp"] = ("image/webp", [[0x52, 0x49, 0x46, 0x46]]),
        [".tif"] = ("image/tiff", [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]),
        [".tiff"] = ("image/tiff", [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]),
        [".mp4"] = ("video/mp4", []),
        [".mov"] = ("video/quicktime", []),
        [".dcm"] = ("application/dicom", []),
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".txt"] = ("text/plain", []),
        [".csv"] = ("text/csv", []),
        [".json"] = ("application/json", []),
    };

    public static string SupportedList => string.Join(", ", Known.Keys.Order());

    /// <summary>The content type, or why the file cannot be taken.</summary>
    public static (string? ContentType, string? Problem) Check(string name, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(name);
        if (!Known.TryGetValue(extension, out var kind))
            return (null, extension.Length == 0
                ? "has no file extension, so its type is unknown."
                : $"{extension} files are not supported (supported: {SupportedList}).");
        if (head.Length == 0) return (null, "is empty.");
        var matches = kind.Signatures.Length == 0;
        foreach (var signature in kind.Signatures)
            matches |= head.Length >= signature.Length && head[..signature.Length].SequenceEqual(signature);
        if (!matches)
            return (null, $"is unreadable: its content is not a valid {extension.TrimStart('.').ToUpperInvariant()} file.");
        return (kind.ContentType, null);
    }
}
