using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JobQueueAndLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "Jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "Jobs",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QueuedAt",
                table: "Jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Status_IsExternal_QueuedAt",
                table: "Jobs",
                columns: new[] { "Status", "IsExternal", "QueuedAt" });

            // Imports the previous version left Processing were cut off by its stop (it failed them at start-up): a
            // lease long expired has the first sweep fail them as interrupted, as that version would have.
            migrationBuilder.Sql("""
                UPDATE "Jobs" SET "LeaseOwner" = 'a version before leases', "LeaseExpiresAt" = 0
                WHERE "Status" = 'Processing' AND "IsExternal" = 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_Status_IsExternal_QueuedAt",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "QueuedAt",
                table: "Jobs");
        }
    }
}
