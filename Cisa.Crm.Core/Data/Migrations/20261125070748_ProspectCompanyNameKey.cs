using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProspectCompanyNameKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CompanyNameKey",
                table: "Prospects",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Existing prospects take their company's key before the indexes are built.
            migrationBuilder.Sql("""
                UPDATE "Prospects"
                SET "CompanyNameKey" = (SELECT "c"."NameKey" FROM "Companies" AS "c" WHERE "c"."Id" = "Prospects"."CompanyId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_CompanyNameKey_LastNameKey_FirstNameKey",
                table: "Prospects",
                columns: new[] { "CompanyNameKey", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_IsRestricted_CompanyNameKey_LastNameKey_FirstNameKey",
                table: "Prospects",
                columns: new[] { "IsRestricted", "CompanyNameKey", "LastNameKey", "FirstNameKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prospects_CompanyNameKey_LastNameKey_FirstNameKey",
                table: "Prospects");

            migrationBuilder.DropIndex(
                name: "IX_Prospects_IsRestricted_CompanyNameKey_LastNameKey_FirstNameKey",
                table: "Prospects");

            migrationBuilder.DropColumn(
                name: "CompanyNameKey",
                table: "Prospects");
        }
    }
}
