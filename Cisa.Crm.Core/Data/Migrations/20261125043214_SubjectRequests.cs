using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubjectRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rights = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    RequesterPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RequesterAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RequestText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExtensionToldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IdentityMethod = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    IdentityNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IdentityVerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IdentityVerifiedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    IdentityVerifiedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExecutedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectRequestDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    GroundText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RestrictInstead = table.Column<bool>(type: "INTEGER", nullable: false),
                    NewFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NewLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NewEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    NewPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ExecutedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectRequestDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectRequestDecisions_SubjectRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SubjectRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubjectRequestMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectRequestMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectRequestMatches_SubjectRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SubjectRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubjectRequestNotifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientCompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NotifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotifiedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectRequestNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectRequestNotifications_Companies_RecipientCompanyId",
                        column: x => x.RecipientCompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubjectRequestNotifications_SubjectRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SubjectRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectRequestDecisions_RequestId_Category_PersonId",
                table: "SubjectRequestDecisions",
                columns: new[] { "RequestId", "Category", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectRequestMatches_Category_PersonId",
                table: "SubjectRequestMatches",
                columns: new[] { "Category", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectRequestMatches_RequestId_Category_PersonId",
                table: "SubjectRequestMatches",
                columns: new[] { "RequestId", "Category", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectRequestNotifications_RecipientCompanyId",
                table: "SubjectRequestNotifications",
                column: "RecipientCompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectRequestNotifications_RequestId_RecipientCompanyId_Action",
                table: "SubjectRequestNotifications",
                columns: new[] { "RequestId", "RecipientCompanyId", "Action" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectRequests_Reference",
                table: "SubjectRequests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectRequests_Status_DueOn",
                table: "SubjectRequests",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubjectRequestDecisions");

            migrationBuilder.DropTable(
                name: "SubjectRequestMatches");

            migrationBuilder.DropTable(
                name: "SubjectRequestNotifications");

            migrationBuilder.DropTable(
                name: "SubjectRequests");
        }
    }
}
