namespace Dashboard.Domain.Activity.Imports;

/// <summary>
/// Where imports live on disk: uploads wait in the staging folder (one sub-folder per job) until the worker
/// files them into storage (<c>storage/&lt;workspace&gt;/&lt;dataset&gt;/&lt;job&gt;/</c>).
/// </summary>
public sealed record ImportFolders(string StorageRoot, string StagingRoot)
{
    public string StagingFor(Guid jobId) => Path.Combine(StagingRoot, jobId.ToString("N"));

    public string StorageFor(string relativeFolder) => Path.Combine(StorageRoot, relativeFolder.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A file name that is safe on any disk: no folders, no reserved characters, never empty.</summary>
    public static string SafeFileName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/').Split('/').Last()).Trim();
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(bare.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim('.', ' ');
        if (safe.Length > 180) safe = safe[..120] + "…" + safe[^50..];
        return safe.Length == 0 ? "file" : safe;
    }
}
