using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallsProspectIndexOnlyLinkedCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Calls_ProspectId_OccurredAtUtc",
                table: "Calls");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_ProspectId_OccurredAtUtc",
                table: "Calls",
                columns: new[] { "ProspectId", "OccurredAtUtc" },
                filter: "\"ProspectId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Calls_ProspectId_OccurredAtUtc",
                table: "Calls");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_ProspectId_OccurredAtUtc",
                table: "Calls",
                columns: new[] { "ProspectId", "OccurredAtUtc" });
        }
    }
}
