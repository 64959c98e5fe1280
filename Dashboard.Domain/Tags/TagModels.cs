namespace Dashboard.Domain.Tags;

/// <summary>The two tag lists of a workspace; they behave alike and label different things.</summary>
public enum TagKind
{
    Project,
    Issue,
}

/// <param name="Version">Sent back with a rename or delete, so a change made meanwhile by someone else is noticed.</param>
public sealed record TagRow(Guid Id, string Name, int UsageCount, Guid Version);

public sealed record TagChoice(Guid Id, string Name);

public static class TagKinds
{
    public static string Noun(this TagKind kind) => kind == TagKind.Project ? "project tag" : "issue tag";

    /// <summary>The noun with its article, to begin a sentence: "A project tag", "An issue tag".</summary>
    public static string ANounToBegin(this TagKind kind) => kind == TagKind.Project ? "A project tag" : "An issue tag";

    /// <summary>What a tag of this kind is put on, for counts ("3 Projects", "1 issue").</summary>
    public static string Labels(this TagKind kind, int count) =>
        kind == TagKind.Project ? (count == 1 ? "Project" : "Projects") : (count == 1 ? "issue" : "issues");
}
