using Dashboard.Domain.Common;

namespace Dashboard.Domain.Workspaces;

/// <summary>One company's space. Its workforce flag is chosen at creation and never changes.</summary>
public sealed class Workspace
{
    public const int NameMaxLength = 100;

    private Workspace() { }

    public Workspace(string name, bool isWorkforce, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        Name = name;
        NormalizedName = Names.Normalize(name);
        IsWorkforce = isWorkforce;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string NormalizedName { get; private set; } = "";
    public bool IsWorkforce { get; private set; }
    public bool RequireTwoFactor { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Changes with every settings change: a save must carry the version its page showed.</summary>
    public Guid SettingsVersion { get; private set; } = Ids.New();

    public void SetRequireTwoFactor(bool required)
    {
        RequireTwoFactor = required;
        SettingsVersion = Ids.New();
    }
}
