using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Companies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnterpriseNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AccountOwnerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AccountOwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RelationshipStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RelationshipEndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegitimateInterestAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    InterestPursued = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Necessity = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BalancingTest = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Safeguards = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegitimateInterestAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelectionProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionProcedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SuppressionEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    KeyedHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestReference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuppressionEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompanyTypeChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyTypeChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyTypeChanges_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobFunction = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RestrictedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerContacts_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Prospects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceDetail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    LegitimateInterestNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegitimateInterestNoteById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LegitimateInterestNoteByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegitimateInterestNoteAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastCallAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpOwnerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RestrictedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prospects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Prospects_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prospects_LegitimateInterestAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "LegitimateInterestAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Applicants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyContactId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    LegitimateInterestNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegitimateInterestNoteById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LegitimateInterestNoteByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegitimateInterestNoteAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastNameKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RestrictedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applicants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applicants_Companies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Applicants_LegitimateInterestAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "LegitimateInterestAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Applicants_PartnerContacts_AgencyContactId",
                        column: x => x.AgencyContactId,
                        principalTable: "PartnerContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubcontractorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Assignment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DisclosedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosures_Companies_SubcontractorId",
                        column: x => x.SubcontractorId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Disclosures_PartnerContacts_PartnerContactId",
                        column: x => x.PartnerContactId,
                        principalTable: "PartnerContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerContactAddresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerContactAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerContactAddresses_PartnerContacts_PartnerContactId",
                        column: x => x.PartnerContactId,
                        principalTable: "PartnerContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerContactEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerContactEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerContactEmails_PartnerContacts_PartnerContactId",
                        column: x => x.PartnerContactId,
                        principalTable: "PartnerContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerContactPhones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerContactPhones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerContactPhones_PartnerContacts_PartnerContactId",
                        column: x => x.PartnerContactId,
                        principalTable: "PartnerContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProspectId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LoggedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    LoggedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Calls_Prospects_ProspectId",
                        column: x => x.ProspectId,
                        principalTable: "Prospects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicantCvs",
                columns: table => new
                {
                    ApplicantId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ProtectedContent = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicantCvs", x => x.ApplicantId);
                    table.ForeignKey(
                        name: "FK_ApplicantCvs_Applicants_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "Applicants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicantId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applications_Applicants_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "Applicants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Applications_SelectionProcedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "SelectionProcedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_AgencyContactId",
                table: "Applicants",
                column: "AgencyContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_AgencyId",
                table: "Applicants",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_AssessmentId",
                table: "Applicants",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_Email",
                table: "Applicants",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_FirstNameKey",
                table: "Applicants",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_IsRestricted_LastNameKey_FirstNameKey",
                table: "Applicants",
                columns: new[] { "IsRestricted", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_LastNameKey",
                table: "Applicants",
                column: "LastNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_Phone",
                table: "Applicants",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_Source",
                table: "Applicants",
                column: "Source");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ApplicantId_ProcedureId",
                table: "Applications",
                columns: new[] { "ApplicantId", "ProcedureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProcedureId",
                table: "Applications",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "Action", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "ActorId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAtUtc",
                table: "AuditEntries",
                column: "OccurredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_LoggedById_OccurredAtUtc",
                table: "Calls",
                columns: new[] { "LoggedById", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_OccurredAtUtc_LoggedById_Outcome",
                table: "Calls",
                columns: new[] { "OccurredAtUtc", "LoggedById", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_ProspectId_OccurredAtUtc",
                table: "Calls",
                columns: new[] { "ProspectId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_AccountOwnerId",
                table: "Companies",
                column: "AccountOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_EnterpriseNumber",
                table: "Companies",
                column: "EnterpriseNumber",
                unique: true,
                filter: "\"EnterpriseNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Name",
                table: "Companies",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_NameKey",
                table: "Companies",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Type_NameKey",
                table: "Companies",
                columns: new[] { "Type", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyTypeChanges_CompanyId_ChangedAtUtc",
                table: "CompanyTypeChanges",
                columns: new[] { "CompanyId", "ChangedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PartnerContactId_DisclosedOn",
                table: "Disclosures",
                columns: new[] { "PartnerContactId", "DisclosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_SubcontractorId_DisclosedOn",
                table: "Disclosures",
                columns: new[] { "SubcontractorId", "DisclosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LegitimateInterestAssessments_Purpose_ReviewDueOn",
                table: "LegitimateInterestAssessments",
                columns: new[] { "Purpose", "ReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContactAddresses_PartnerContactId",
                table: "PartnerContactAddresses",
                column: "PartnerContactId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContactEmails_Address",
                table: "PartnerContactEmails",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContactEmails_PartnerContactId",
                table: "PartnerContactEmails",
                column: "PartnerContactId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContactPhones_Number",
                table: "PartnerContactPhones",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContactPhones_PartnerContactId",
                table: "PartnerContactPhones",
                column: "PartnerContactId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_CompanyId_IsRestricted_LastNameKey_FirstNameKey",
                table: "PartnerContacts",
                columns: new[] { "CompanyId", "IsRestricted", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_FirstNameKey",
                table: "PartnerContacts",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_IsRestricted_LastNameKey_FirstNameKey",
                table: "PartnerContacts",
                columns: new[] { "IsRestricted", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_IsRestricted_UpdatedAtUtc",
                table: "PartnerContacts",
                columns: new[] { "IsRestricted", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerContacts_LastNameKey",
                table: "PartnerContacts",
                column: "LastNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_AssessmentId",
                table: "Prospects",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_CompanyId_IsRestricted_LastNameKey_FirstNameKey",
                table: "Prospects",
                columns: new[] { "CompanyId", "IsRestricted", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_Email",
                table: "Prospects",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_FirstNameKey",
                table: "Prospects",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_FollowUpOwnerId_FollowUpOn",
                table: "Prospects",
                columns: new[] { "FollowUpOwnerId", "FollowUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_IsRestricted_FollowUpOn",
                table: "Prospects",
                columns: new[] { "IsRestricted", "FollowUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_IsRestricted_LastCallAtUtc",
                table: "Prospects",
                columns: new[] { "IsRestricted", "LastCallAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_IsRestricted_LastNameKey_FirstNameKey",
                table: "Prospects",
                columns: new[] { "IsRestricted", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_IsRestricted_UpdatedAtUtc",
                table: "Prospects",
                columns: new[] { "IsRestricted", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_LastCallAtUtc",
                table: "Prospects",
                column: "LastCallAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_LastNameKey",
                table: "Prospects",
                column: "LastNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_Mobile",
                table: "Prospects",
                column: "Mobile");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_OwnerId_IsRestricted_LastNameKey_FirstNameKey",
                table: "Prospects",
                columns: new[] { "OwnerId", "IsRestricted", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_Phone",
                table: "Prospects",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_Source_IsRestricted_LastNameKey_FirstNameKey",
                table: "Prospects",
                columns: new[] { "Source", "IsRestricted", "LastNameKey", "FirstNameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_UpdatedAtUtc",
                table: "Prospects",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionProcedures_EndedOn_OpenedOn",
                table: "SelectionProcedures",
                columns: new[] { "EndedOn", "OpenedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SuppressionEntries_Kind_KeyedHash",
                table: "SuppressionEntries",
                columns: new[] { "Kind", "KeyedHash" },
                unique: true);

            // LOG-ACTIONS: the audit trail is append-only; the database itself refuses edits and deletions.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicantCvs");

            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "CompanyTypeChanges");

            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "PartnerContactAddresses");

            migrationBuilder.DropTable(
                name: "PartnerContactEmails");

            migrationBuilder.DropTable(
                name: "PartnerContactPhones");

            migrationBuilder.DropTable(
                name: "SuppressionEntries");

            migrationBuilder.DropTable(
                name: "Applicants");

            migrationBuilder.DropTable(
                name: "SelectionProcedures");

            migrationBuilder.DropTable(
                name: "Prospects");

            migrationBuilder.DropTable(
                name: "PartnerContacts");

            migrationBuilder.DropTable(
                name: "LegitimateInterestAssessments");

            migrationBuilder.DropTable(
                name: "Companies");
        }
    }
}
