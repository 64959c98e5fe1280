namespace Dashboard.App.Operations;

/// <summary>
/// The one folder an installation keeps: the SQLite database and the storage for imported data. Chosen by
/// the environment variable DASHBOARD_DATA or the setting Dashboard:DataFolder; "./data" otherwise. With several
/// nodes, Dashboard:StorageFolder names a shared mount (NFS, say) for the imported files and the uploads waiting to be
/// filed, so a node's worker finds what another node received.
/// </summary>
/// <param name="FilesRoot">Where storage/ and staging/ are: the data folder itself unless Dashboard:StorageFolder is set.</param>
public sealed record DataFolder(string Root, string FilesRoot)
{
    public const string EnvironmentVariable = "DASHBOARD_DATA";
    public const string SettingKey = "Dashboard:DataFolder";
    public const string StorageSettingKey = "Dashboard:StorageFolder";

    public string DatabasePath => Path.Combine(Root, "dashboard.db");
    public string StorageRoot => Path.Combine(FilesRoot, "storage");
    /// <summary>Uploads wait here until the worker files them into storage.</summary>
    public string StagingRoot => Path.Combine(FilesRoot, "staging");
    /// <summary>Where the data-protection keys were kept before they moved into the database (copied in at start).</summary>
    public string KeysFolder => Path.Combine(Root, "keys");

    public static DataFolder Resolve(IConfiguration configuration)
    {
        var configured = configuration[EnvironmentVariable] ?? configuration[SettingKey];
        // Relative paths are taken from where the app runs, as a person starting it would expect.
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        var storage = configuration[StorageSettingKey];
        var folder = new DataFolder(root, string.IsNullOrWhiteSpace(storage) ? root : Path.GetFullPath(storage));
        Directory.CreateDirectory(folder.Root);
        Directory.CreateDirectory(folder.StorageRoot);
        return folder;
    }
}
