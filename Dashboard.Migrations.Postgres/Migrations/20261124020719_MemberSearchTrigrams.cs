using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The Users search finds text inside names and addresses through trigram indexes (PostgreSQL's counterpart of
    /// SQLite's MemberSearch FTS5 table) instead of testing every member. EF.Functions.Like runs as ILIKE here
    /// (Persistence/Postgres/CaseInsensitiveLike), which these indexes serve. pg_trgm is a trusted extension: a
    /// database owner may create it.
    /// </summary>
    public partial class MemberSearchTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Members_DisplayName_Trigrams" ON "Members" USING gin ("DisplayName" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Members_Email_Trigrams" ON "Members" USING gin ("Email" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Members_Email_Trigrams";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Members_DisplayName_Trigrams";""");
        }
    }
}
