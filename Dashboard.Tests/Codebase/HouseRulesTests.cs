using System.Text.RegularExpressions;

namespace Dashboard.Tests.Codebase;

/// <summary>
/// The layout rules of docs/architecture.md, checked on the sources themselves so they stay met: files small enough
/// to read, components whose code sits beside them, and role rules only in Domain/Access.
/// </summary>
public partial class HouseRulesTests
{
    private const int MaxLines = 250;
    private const int MaxInlineCodeLines = 60;

    private static readonly string Repository = FindRepository();

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dashboard.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found above the test binaries.");
    }

    private static IEnumerable<string> Sources(params string[] extensions) =>
        new[] { "Dashboard.App", "Dashboard.Domain", "Dashboard.Migrations.Postgres", "Dashboard.Tests", "Dashboard.Benchmarks" }
            .Select(project => Path.Combine(Repository, project))
            .Where(Directory.Exists)
            .SelectMany(project => Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
            .Where(path => extensions.Any(e => path.EndsWith(e, StringComparison.Ordinal)))
            .Where(path => !Regex.IsMatch(path, @"[\\/](bin|obj|Migrations|CompiledModel)[\\/]"));

    private static string Relative(string path) => Path.GetRelativePath(Repository, path);

    [Fact]
    public void NoSourceFile_IsLongerThan250Lines()
    {
        var tooLong = Sources(".cs", ".razor")
            .Select(path => (Path: Relative(path), Lines: File.ReadLines(path).Count()))
            .Where(file => file.Lines > MaxLines)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Split these where a seam shows (at most {MaxLines} lines):\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void ComponentsWithMoreThan60LinesOfCode_KeepItInACodeBehind()
    {
        var inline = Sources(".razor")
            .Select(path => (Path: Relative(path), Lines: InlineCodeLines(File.ReadAllLines(path))))
            .Where(component => component.Lines > MaxInlineCodeLines)
            .Select(component => $"{component.Path}: {component.Lines} lines in @code")
            .ToList();
        Assert.True(inline.Count == 0, "Move the @code of these into a .razor.cs beside them:\n" + string.Join("\n", inline));
    }

    [Fact]
    public void RolesAreCompared_OnlyInDomainAccess_OrWhereAQueryListsAdmins()
    {
        // Queries that pick out the Admins (or leave them out) say so in the database; everything else asks Access/.
        var comparisons = Sources(".cs", ".razor")
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Dashboard.Tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}Access{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (Path: Relative(path), Line: index + 1, Text: line)))
            .Where(line => RoleComparison().IsMatch(line.Text) && !AdminListing().IsMatch(line.Text))
            .Select(line => $"{line.Path}:{line.Line}: {line.Text.Trim()}")
            .ToList();
        Assert.True(comparisons.Count == 0, "Ask the permission table or MembershipRules instead:\n" + string.Join("\n", comparisons));
    }

    private static int InlineCodeLines(string[] lines)
    {
        var start = Array.FindIndex(lines, line => line.StartsWith("@code", StringComparison.Ordinal));
        return start < 0 ? 0 : lines.Length - start - 1;
    }

    [GeneratedRegex(@"WorkspaceRole\.\w+\s*[!=]=|[!=]=\s*WorkspaceRole\.")]
    private static partial Regex RoleComparison();

    /// <summary>A member query on the Admin role (m.Role == Admin), or the entity's own IsAdmin.</summary>
    [GeneratedRegex(@"\bm\.Role\s*[!=]=\s*WorkspaceRole\.Admin\b|IsAdmin\s*=>\s*Role\s*==\s*WorkspaceRole\.Admin")]
    private static partial Regex AdminListing();
}
