using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkforcePartnersAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkforcePartners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkforceWorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientWorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkforcePartners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkforcePartners_Workspaces_ClientWorkspaceId",
                        column: x => x.ClientWorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkforcePartners_Workspaces_WorkforceWorkspaceId",
                        column: x => x.WorkforceWorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_AccountId_DismissedAt",
                table: "Notices",
                columns: new[] { "AccountId", "DismissedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkforcePartners_ClientWorkspaceId",
                table: "WorkforcePartners",
                column: "ClientWorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkforcePartners_WorkforceWorkspaceId_ClientWorkspaceId",
                table: "WorkforcePartners",
                columns: new[] { "WorkforceWorkspaceId", "ClientWorkspaceId" },
                unique: true);

            // Workforce workspaces already lent people to clients before partners existed: those clients become their
            // partners, so nothing that worked yesterday stops working. Other clients must now be chosen.
            migrationBuilder.Sql("""
                INSERT INTO "WorkforcePartners" ("Id", "WorkforceWorkspaceId", "ClientWorkspaceId", "AddedAt")
                SELECT upper(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
                             || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
                       lent."HomeWorkspaceId", lent."WorkspaceId", lent."Since"
                FROM (SELECT "HomeWorkspaceId", "WorkspaceId", COALESCE(MIN("JoinedAt"), MIN("StatusAt")) AS "Since" FROM "Members"
                      WHERE "UserType" = 'Workforce' AND "HomeWorkspaceId" IS NOT NULL
                        AND "HomeWorkspaceId" IN (SELECT "Id" FROM "Workspaces")
                      GROUP BY "HomeWorkspaceId", "WorkspaceId") AS lent;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "WorkforcePartners");
        }
    }
}
