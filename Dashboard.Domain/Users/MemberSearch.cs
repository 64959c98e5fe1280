using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

/// <summary>
/// Members whose name or address contains a text, found through a trigram index of both rather than by testing every
/// member with LIKE '%text%'. On SQLite that index is the MemberSearch FTS5 table, made and kept in step by its
/// migration's triggers; on PostgreSQL, pg_trgm indexes on the columns themselves, which serve LIKE as it is.
/// </summary>
internal static class MemberSearch
{
    /// <summary>A trigram index looks up three characters or more; a shorter text is matched row by row.</summary>
    private const int ShortestIndexed = 3;

    public static IQueryable<WorkspaceMember> Matching(DashboardDbContext db, IQueryable<WorkspaceMember> members, string text)
    {
        text = text.Trim();
        if (text.Length < ShortestIndexed || db.Database.IsNpgsql())
        {
            var pattern = SearchText.Contains(text);
            return members.Where(m => EF.Functions.Like(m.DisplayName, pattern, SearchText.Escape)
                                      || EF.Functions.Like(m.Email, pattern, SearchText.Escape));
        }
        // One quoted phrase, its quotes doubled: whatever was typed is text to find, never query syntax. The column
        // filter keeps the member ids (also in the index, for the triggers) out of what is searched.
        var phrase = "{DisplayName Email} : \"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var found = db.Database.SqlQuery<Guid>($"""SELECT "MemberId" AS "Value" FROM "MemberSearch" WHERE "MemberSearch" MATCH {phrase}""");
        return members.Where(m => found.Contains(m.Id));
    }
}
