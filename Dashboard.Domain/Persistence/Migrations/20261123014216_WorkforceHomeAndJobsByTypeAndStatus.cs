using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkforceHomeAndJobsByTypeAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HomeWorkspaceId",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_Type_Status_StartedAt",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "Type", "Status", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_Type_Status_StartedAt",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "HomeWorkspaceId",
                table: "Members");
        }
    }
}
