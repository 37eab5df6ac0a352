using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonSearchNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prospects_FirstNameKey",
                table: "Prospects");

            migrationBuilder.DropIndex(
                name: "IX_PartnerContacts_FirstNameKey",
                table: "PartnerContacts");

            migrationBuilder.DropIndex(
                name: "IX_PartnerContacts_LastNameKey",
                table: "PartnerContacts");

            migrationBuilder.DropIndex(
                name: "IX_Applicants_FirstNameKey",
                table: "Applicants");

            migrationBuilder.DropIndex(
                name: "IX_Applicants_LastNameKey",
                table: "Applicants");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_FirstNameKey_LastNameKey",
                table: "Prospects",
                columns: new[] { "FirstNameKey", "LastNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_FirstNameKey_LastNameKey",
                table: "PartnerContacts",
                columns: new[] { "FirstNameKey", "LastNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_LastNameKey_FirstNameKey",
                table: "PartnerContacts",
                columns: new[] { "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_FirstNameKey_LastNameKey",
                table: "Applicants",
                columns: new[] { "FirstNameKey", "LastNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_LastNameKey_FirstNameKey",
                table: "Applicants",
                columns: new[] { "LastNameKey", "FirstNameKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prospects_FirstNameKey_LastNameKey",
                table: "Prospects");

            migrationBuilder.DropIndex(
                name: "IX_PartnerContacts_FirstNameKey_LastNameKey",
                table: "PartnerContacts");

            migrationBuilder.DropIndex(
                name: "IX_PartnerContacts_LastNameKey_FirstNameKey",
                table: "PartnerContacts");

            migrationBuilder.DropIndex(
                name: "IX_Applicants_FirstNameKey_LastNameKey",
                table: "Applicants");

            migrationBuilder.DropIndex(
                name: "IX_Applicants_LastNameKey_FirstNameKey",
                table: "Applicants");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_FirstNameKey",
                table: "Prospects",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_FirstNameKey",
                table: "PartnerContacts",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_LastNameKey",
                table: "PartnerContacts",
                column: "LastNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_FirstNameKey",
                table: "Applicants",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_LastNameKey",
                table: "Applicants",
                column: "LastNameKey");
        }
    }
}
