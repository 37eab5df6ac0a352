using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Calls_Prospects_ProspectId",
                table: "Calls");

            migrationBuilder.AlterColumn<int>(
                name: "ProspectId",
                table: "Calls",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "CompanyId",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Calls logged so far belong to their prospect's current company; set before the table is rebuilt
            // with its foreign key to Companies.
            migrationBuilder.Sql("UPDATE \"Calls\" SET \"CompanyId\" = (SELECT \"CompanyId\" FROM \"Prospects\" WHERE \"Prospects\".\"Id\" = \"Calls\".\"ProspectId\");");

            migrationBuilder.CreateTable(
                name: "RetentionHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlacedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlacedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReleasedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantsErased = table.Column<int>(type: "INTEGER", nullable: false),
                    CvsErased = table.Column<int>(type: "INTEGER", nullable: false),
                    ProspectsErased = table.Column<int>(type: "INTEGER", nullable: false),
                    CallsAnonymised = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerContactsErased = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CompanyId_OccurredAtUtc",
                table: "Calls",
                columns: new[] { "CompanyId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionHolds_Category_PersonId_ReleasedAtUtc",
                table: "RetentionHolds",
                columns: new[] { "Category", "PersonId", "ReleasedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionHolds_RequestId",
                table: "RetentionHolds",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_StartedAtUtc",
                table: "RetentionRuns",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_Status",
                table: "RetentionRuns",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_Calls_Companies_CompanyId",
                table: "Calls",
                column: "CompanyId",
                principalTable: "Companies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Calls_Prospects_ProspectId",
                table: "Calls",
                column: "ProspectId",
                principalTable: "Prospects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Calls_Companies_CompanyId",
                table: "Calls");

            migrationBuilder.DropForeignKey(
                name: "FK_Calls_Prospects_ProspectId",
                table: "Calls");

            migrationBuilder.DropTable(
                name: "RetentionHolds");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropIndex(
                name: "IX_Calls_CompanyId_OccurredAtUtc",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "CompanyId",
                table: "Calls");

            migrationBuilder.AlterColumn<int>(
                name: "ProspectId",
                table: "Calls",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Calls_Prospects_ProspectId",
                table: "Calls",
                column: "ProspectId",
                principalTable: "Prospects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
