using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkforceHomeWorkspace : Migration
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
                name: "IX_Members_HomeWorkspaceId",
                table: "Members",
                column: "HomeWorkspaceId");

            migrationBuilder.AddForeignKey(
                name: "FK_Members_Workspaces_HomeWorkspaceId",
                table: "Members",
                column: "HomeWorkspaceId",
                principalTable: "Workspaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Members_Workspaces_HomeWorkspaceId",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_HomeWorkspaceId",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "HomeWorkspaceId",
                table: "Members");
        }
    }
}
