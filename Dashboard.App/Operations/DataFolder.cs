namespace Dashboard.App.Operations;

/// <summary>
/// The one folder an installation keeps: the SQLite database and the storage for imported data. Chosen by
/// the environment variable DASHBOARD_DATA or the setting Dashboard:DataFolder; "./data" otherwise.
/// </summary>
public sealed record DataFolder(string Root)
{
    public const string EnvironmentVariable = "DASHBOARD_DATA";
    public const string SettingKey = "Dashboard:DataFolder";

    public string DatabasePath => Path.Combine(Root, "dashboard.db");
    public string StorageRoot => Path.Combine(Root, "storage");
    public string KeysFolder => Path.Combine(Root, "keys");
    /// <summary>Uploads wait here until the worker files them into storage.</summary>
    public string StagingRoot => Path.Combine(Root, "staging");

    public static DataFolder Resolve(IConfiguration configuration)
    {
        var configured = configuration[EnvironmentVariable] ?? configuration[SettingKey];
        // Relative paths are taken from where the app runs, as a person starting it would expect.
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(root, "storage"));
        return new DataFolder(root);
    }
}
