using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProspectNameSortIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prospects_LastNameKey",
                table: "Prospects");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_LastNameKey_FirstNameKey",
                table: "Prospects",
                columns: new[] { "LastNameKey", "FirstNameKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prospects_LastNameKey_FirstNameKey",
                table: "Prospects");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_LastNameKey",
                table: "Prospects",
                column: "LastNameKey");
        }
    }
}
