using Dashboard.Domain.Common;

namespace Dashboard.Domain.Groups;

/// <summary>Members given access to resources collectively; its managers edit its membership.</summary>
public sealed class Group
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    private readonly List<GroupMembership> _members = [];
    private readonly List<GroupManager> _managers = [];

    private Group() { }

    public Group(Guid workspaceId, string name, string description, DateTimeOffset createdAt)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        CreatedAt = createdAt;
        Rename(name);
        Description = description;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; } = "";
    public string NormalizedName { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>
    /// New on every change of name or description, and checked when saving: a page sends back the version it showed,
    /// so a save made over someone else's newer change is refused instead of overwriting it.
    /// </summary>
    public Guid Version { get; private set; } = Ids.New();
    public IReadOnlyCollection<GroupMembership> Members => _members;
    public IReadOnlyCollection<GroupManager> Managers => _managers;

    public void Rename(string name)
    {
        if (name == Name) return;
        Name = name;
        NormalizedName = Names.Normalize(name);
        Version = Ids.New();
    }

    public void Describe(string description)
    {
        if (description == Description) return;
        Description = description;
        Version = Ids.New();
    }

    public void AddMember(Guid memberId)
    {
        if (_members.All(m => m.MemberId != memberId)) _members.Add(new GroupMembership(Id, memberId));
    }

    public void AddManager(Guid memberId)
    {
        if (_managers.All(m => m.MemberId != memberId)) _managers.Add(new GroupManager(Id, memberId));
    }
}

public sealed class GroupMembership(Guid groupId, Guid memberId)
{
    public Guid GroupId { get; private set; } = groupId;
    public Guid MemberId { get; private set; } = memberId;
}

/// <summary>Managing a group gives no access to what the group is assigned to; membership does.</summary>
public sealed class GroupManager(Guid groupId, Guid memberId)
{
    public Guid GroupId { get; private set; } = groupId;
    public Guid MemberId { get; private set; } = memberId;
}
