using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JobsOrderedByStartAndId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_StartedAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_StartedByMemberId_StartedAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_Status_StartedAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_Type_StartedAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_Type_Status_StartedAt",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_StartedAt_Id",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_StartedByMemberId_StartedAt_Id",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "StartedByMemberId", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_Status_StartedAt_Id",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "Status", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_Type_StartedAt_Id",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "Type", "StartedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_Type_Status_StartedAt_Id",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "Type", "Status", "StartedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_StartedAt_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_StartedByMemberId_StartedAt_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_Status_StartedAt_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_Type_StartedAt_Id",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId_Type_Status_StartedAt_Id",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_StartedAt",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_StartedByMemberId_StartedAt",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "StartedByMemberId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_Status_StartedAt",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "Status", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_Type_StartedAt",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "Type", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId_Type_Status_StartedAt",
                table: "Jobs",
                columns: new[] { "WorkspaceId", "Type", "Status", "StartedAt" });
        }
    }
}
