using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MemberSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_DisplayName",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_Role",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_Status_StatusAt",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_UserType",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_DisplayName_NormalizedEmail",
                table: "Members",
                columns: new[] { "WorkspaceId", "DisplayName", "NormalizedEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_Role_DisplayName",
                table: "Members",
                columns: new[] { "WorkspaceId", "Role", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_Status_StatusAt",
                table: "Members",
                columns: new[] { "WorkspaceId", "Status", "StatusAt" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_UserType_DisplayName",
                table: "Members",
                columns: new[] { "WorkspaceId", "UserType", "DisplayName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_DisplayName_NormalizedEmail",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_Role_DisplayName",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_Status_StatusAt",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_WorkspaceId_UserType_DisplayName",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_DisplayName",
                table: "Members",
                columns: new[] { "WorkspaceId", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_Role",
                table: "Members",
                columns: new[] { "WorkspaceId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_Status_StatusAt",
                table: "Members",
                columns: new[] { "WorkspaceId", "Status", "StatusAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_UserType",
                table: "Members",
                columns: new[] { "WorkspaceId", "UserType" });
        }
    }
}
