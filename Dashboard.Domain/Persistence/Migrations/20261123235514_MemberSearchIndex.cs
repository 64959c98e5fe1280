using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <summary>
    /// A trigram full-text index of members' names and addresses, so the Users search finds "hop" inside "Grace Hopper"
    /// from the index instead of testing every member of the workspace with LIKE '%hop%'. SQLite's FTS5 is not part of
    /// EF Core's model: the table and the triggers that keep it in step with Members are written here.
    /// </summary>
    public partial class MemberSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A member's entry is found by its MemberId column through the index itself (a quoted id matches only that id),
            // not by the member's rowid: VACUUM may renumber the rowids of a table keyed by something else.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MemberSearch" USING fts5("DisplayName", "Email", "MemberId", tokenize = 'trigram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MemberSearch" ("DisplayName", "Email", "MemberId") SELECT "DisplayName", "Email", "Id" FROM "Members";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Members_Search_Insert" AFTER INSERT ON "Members" BEGIN
                    INSERT INTO "MemberSearch" ("DisplayName", "Email", "MemberId") VALUES (new."DisplayName", new."Email", new."Id");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Members_Search_Update" AFTER UPDATE OF "DisplayName", "Email" ON "Members" BEGIN
                    UPDATE "MemberSearch" SET "DisplayName" = new."DisplayName", "Email" = new."Email"
                    WHERE "MemberSearch" MATCH 'MemberId : "' || old."Id" || '"';
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Members_Search_Delete" AFTER DELETE ON "Members" BEGIN
                    DELETE FROM "MemberSearch" WHERE "MemberSearch" MATCH 'MemberId : "' || old."Id" || '"';
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Members_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Members_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Members_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "MemberSearch";""");
        }
    }
}
