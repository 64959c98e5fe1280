using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MembersCanLeave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiKeys_Members_CreatedByMemberId",
                table: "ApiKeys");

            migrationBuilder.DropForeignKey(
                name: "FK_Issues_Members_RaisedByMemberId",
                table: "Issues");

            migrationBuilder.AlterColumn<Guid>(
                name: "RaisedByMemberId",
                table: "Issues",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddForeignKey(
                name: "FK_ApiKeys_Members_CreatedByMemberId",
                table: "ApiKeys",
                column: "CreatedByMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Issues_Members_RaisedByMemberId",
                table: "Issues",
                column: "RaisedByMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiKeys_Members_CreatedByMemberId",
                table: "ApiKeys");

            migrationBuilder.DropForeignKey(
                name: "FK_Issues_Members_RaisedByMemberId",
                table: "Issues");

            migrationBuilder.AlterColumn<Guid>(
                name: "RaisedByMemberId",
                table: "Issues",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ApiKeys_Members_CreatedByMemberId",
                table: "ApiKeys",
                column: "CreatedByMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Issues_Members_RaisedByMemberId",
                table: "Issues",
                column: "RaisedByMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
