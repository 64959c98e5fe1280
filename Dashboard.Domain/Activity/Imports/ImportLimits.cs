namespace Dashboard.Domain.Activity.Imports;

/// <summary>
/// "Dashboard:Imports": how much an import may expand to, so an archive crafted to unpack into gigabytes (a zip
/// bomb) is refused instead of filling the disk, and the disk keeps a margin for everything else on it.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Dashboard:Imports";

    /// <summary>The largest single file, in or out of an archive.</summary>
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>All files of one import together, as expanded.</summary>
    public long MaxImportBytes { get; set; } = 50L * 1024 * 1024 * 1024;

    /// <summary>Files in one import, archives' entries counted one by one.</summary>
    public int MaxFiles { get; set; } = 100_000;

    /// <summary>How many times larger than its compressed size an archive entry may expand (images barely compress).</summary>
    public double MaxExpansionRatio { get; set; } = 100;

    /// <summary>Free space the disk must keep after the import; one that would go below it does not start.</summary>
    public long FreeDiskMarginBytes { get; set; } = 1L * 1024 * 1024 * 1024;

    public static string Readable(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} bytes",
    };
}
