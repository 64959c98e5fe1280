using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VerifiedDomainsAndProvenAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EmailDomains_Domain",
                table: "EmailDomains");

            migrationBuilder.DropIndex(
                name: "IX_EmailDomains_WorkspaceId",
                table: "EmailDomains");

            migrationBuilder.AddColumn<string>(
                name: "VerificationToken",
                table: "EmailDomains",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "VerifiedAt",
                table: "EmailDomains",
                type: "INTEGER",
                nullable: true);

            // Domains added before verification existed were never proven: they become pending, each with its own token.
            migrationBuilder.Sql("UPDATE \"EmailDomains\" SET \"VerificationToken\" = 'dashboard-verify=' || lower(hex(randomblob(16)));");

            migrationBuilder.AddColumn<long>(
                name: "ConfirmationSentAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorStep",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailDomains_Domain_Verified",
                table: "EmailDomains",
                column: "Domain",
                unique: true,
                filter: "\"VerifiedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EmailDomains_WorkspaceId_Domain",
                table: "EmailDomains",
                columns: new[] { "WorkspaceId", "Domain" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EmailDomains_Domain_Verified",
                table: "EmailDomains");

            migrationBuilder.DropIndex(
                name: "IX_EmailDomains_WorkspaceId_Domain",
                table: "EmailDomains");

            migrationBuilder.DropColumn(
                name: "VerificationToken",
                table: "EmailDomains");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "EmailDomains");

            migrationBuilder.DropColumn(
                name: "ConfirmationSentAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastAuthenticatorStep",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_EmailDomains_Domain",
                table: "EmailDomains",
                column: "Domain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailDomains_WorkspaceId",
                table: "EmailDomains",
                column: "WorkspaceId");
        }
    }
}
