using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LabelsImported : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Labels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OntologyClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Shape = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GeometryJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Labels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Labels_DataUnits_DataUnitId",
                        column: x => x.DataUnitId,
                        principalTable: "DataUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Labels_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Labels_OntologyClasses_OntologyClassId",
                        column: x => x.OntologyClassId,
                        principalTable: "OntologyClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Labels_Resources_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Labels_DataUnitId",
                table: "Labels",
                column: "DataUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Labels_JobId",
                table: "Labels",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Labels_OntologyClassId",
                table: "Labels",
                column: "OntologyClassId");

            migrationBuilder.CreateIndex(
                name: "IX_Labels_ProjectId_DataUnitId",
                table: "Labels",
                columns: new[] { "ProjectId", "DataUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Labels");
        }
    }
}
