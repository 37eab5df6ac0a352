CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "OccurredAtUtc" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "Details" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "Companies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Companies" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "NameKey" TEXT NOT NULL,
    "EnterpriseNumber" TEXT NULL,
    "Type" TEXT NOT NULL,
    "Sector" TEXT NULL,
    "Street" TEXT NULL,
    "PostalCode" TEXT NULL,
    "City" TEXT NULL,
    "CountryCode" TEXT NOT NULL,
    "Website" TEXT NULL,
    "AccountOwnerId" TEXT NULL,
    "AccountOwnerName" TEXT NULL,
    "RelationshipStartedOn" TEXT NULL,
    "RelationshipEndedOn" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "LegitimateInterestAssessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LegitimateInterestAssessments" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "InterestPursued" TEXT NOT NULL,
    "Necessity" TEXT NOT NULL,
    "BalancingTest" TEXT NOT NULL,
    "Safeguards" TEXT NOT NULL,
    "ReviewDueOn" TEXT NOT NULL,
    "ApprovedById" TEXT NOT NULL,
    "ApprovedByName" TEXT NOT NULL,
    "ApprovedAtUtc" TEXT NOT NULL,
    "LastReviewedAtUtc" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "SelectionProcedures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SelectionProcedures" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Department" TEXT NULL,
    "OpenedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "SuppressionEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SuppressionEntries" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "KeyedHash" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "RequestReference" TEXT NULL
);

CREATE TABLE "CompanyTypeChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CompanyTypeChanges" PRIMARY KEY AUTOINCREMENT,
    "CompanyId" INTEGER NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "ChangedAtUtc" TEXT NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "ChangedByName" TEXT NOT NULL,
    CONSTRAINT "FK_CompanyTypeChanges_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerContacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerContacts" PRIMARY KEY AUTOINCREMENT,
    "CompanyId" INTEGER NOT NULL,
    "JobFunction" TEXT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "LawfulBasis" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "FirstNameKey" TEXT NOT NULL,
    "LastNameKey" TEXT NOT NULL,
    "IsRestricted" INTEGER NOT NULL,
    "RestrictedAtUtc" TEXT NULL,
    CONSTRAINT "FK_PartnerContacts_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Prospects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Prospects" PRIMARY KEY AUTOINCREMENT,
    "JobTitle" TEXT NULL,
    "CompanyId" INTEGER NOT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "Mobile" TEXT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SourceDetail" TEXT NULL,
    "AssessmentId" INTEGER NOT NULL,
    "LegitimateInterestNote" TEXT NOT NULL,
    "LegitimateInterestNoteById" TEXT NOT NULL,
    "LegitimateInterestNoteByName" TEXT NOT NULL,
    "LegitimateInterestNoteAtUtc" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "LastCallAtUtc" TEXT NULL,
    "FollowUpOn" TEXT NULL,
    "FollowUpOwnerId" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "FirstNameKey" TEXT NOT NULL,
    "LastNameKey" TEXT NOT NULL,
    "IsRestricted" INTEGER NOT NULL,
    "RestrictedAtUtc" TEXT NULL,
    CONSTRAINT "FK_Prospects_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Prospects_LegitimateInterestAssessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "LegitimateInterestAssessments" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Applicants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Applicants" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "Street" TEXT NULL,
    "PostalCode" TEXT NULL,
    "City" TEXT NULL,
    "CountryCode" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "AgencyId" INTEGER NULL,
    "AgencyContactId" INTEGER NULL,
    "AssessmentId" INTEGER NOT NULL,
    "LegitimateInterestNote" TEXT NOT NULL,
    "LegitimateInterestNoteById" TEXT NOT NULL,
    "LegitimateInterestNoteByName" TEXT NOT NULL,
    "LegitimateInterestNoteAtUtc" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "FirstNameKey" TEXT NOT NULL,
    "LastNameKey" TEXT NOT NULL,
    "IsRestricted" INTEGER NOT NULL,
    "RestrictedAtUtc" TEXT NULL,
    CONSTRAINT "FK_Applicants_Companies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applicants_LegitimateInterestAssessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "LegitimateInterestAssessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applicants_PartnerContacts_AgencyContactId" FOREIGN KEY ("AgencyContactId") REFERENCES "PartnerContacts" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Disclosures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Disclosures" PRIMARY KEY AUTOINCREMENT,
    "PartnerContactId" INTEGER NOT NULL,
    "SubcontractorId" INTEGER NOT NULL,
    "Fields" TEXT NOT NULL,
    "Assignment" TEXT NOT NULL,
    "Justification" TEXT NULL,
    "DisclosedOn" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Disclosures_Companies_SubcontractorId" FOREIGN KEY ("SubcontractorId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Disclosures_PartnerContacts_PartnerContactId" FOREIGN KEY ("PartnerContactId") REFERENCES "PartnerContacts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerContactAddresses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerContactAddresses" PRIMARY KEY AUTOINCREMENT,
    "PartnerContactId" INTEGER NOT NULL,
    "Street" TEXT NOT NULL,
    "PostalCode" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "CountryCode" TEXT NOT NULL,
    CONSTRAINT "FK_PartnerContactAddresses_PartnerContacts_PartnerContactId" FOREIGN KEY ("PartnerContactId") REFERENCES "PartnerContacts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerContactEmails" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerContactEmails" PRIMARY KEY AUTOINCREMENT,
    "PartnerContactId" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    CONSTRAINT "FK_PartnerContactEmails_PartnerContacts_PartnerContactId" FOREIGN KEY ("PartnerContactId") REFERENCES "PartnerContacts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PartnerContactPhones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PartnerContactPhones" PRIMARY KEY AUTOINCREMENT,
    "PartnerContactId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    CONSTRAINT "FK_PartnerContactPhones_PartnerContacts_PartnerContactId" FOREIGN KEY ("PartnerContactId") REFERENCES "PartnerContacts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Calls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Calls" PRIMARY KEY AUTOINCREMENT,
    "ProspectId" INTEGER NOT NULL,
    "OccurredAtUtc" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "DurationMinutes" INTEGER NULL,
    "Report" TEXT NOT NULL,
    "FollowUpOn" TEXT NULL,
    "LoggedById" TEXT NOT NULL,
    "LoggedByName" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Calls_Prospects_ProspectId" FOREIGN KEY ("ProspectId") REFERENCES "Prospects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ApplicantCvs" (
    "ApplicantId" INTEGER NOT NULL CONSTRAINT "PK_ApplicantCvs" PRIMARY KEY,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "ProtectedContent" BLOB NOT NULL,
    "UploadedAtUtc" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    CONSTRAINT "FK_ApplicantCvs_Applicants_ApplicantId" FOREIGN KEY ("ApplicantId") REFERENCES "Applicants" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY AUTOINCREMENT,
    "ApplicantId" INTEGER NOT NULL,
    "ProcedureId" INTEGER NOT NULL,
    "AppliedOn" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Notes" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    CONSTRAINT "FK_Applications_Applicants_ApplicantId" FOREIGN KEY ("ApplicantId") REFERENCES "Applicants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Applications_SelectionProcedures_ProcedureId" FOREIGN KEY ("ProcedureId") REFERENCES "SelectionProcedures" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Applicants_AgencyContactId" ON "Applicants" ("AgencyContactId");

CREATE INDEX "IX_Applicants_AgencyId" ON "Applicants" ("AgencyId");

CREATE INDEX "IX_Applicants_AssessmentId" ON "Applicants" ("AssessmentId");

CREATE INDEX "IX_Applicants_Email" ON "Applicants" ("Email");

CREATE INDEX "IX_Applicants_FirstNameKey" ON "Applicants" ("FirstNameKey");

CREATE INDEX "IX_Applicants_IsRestricted_LastNameKey_FirstNameKey" ON "Applicants" ("IsRestricted", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_Applicants_LastNameKey" ON "Applicants" ("LastNameKey");

CREATE INDEX "IX_Applicants_Phone" ON "Applicants" ("Phone");

CREATE INDEX "IX_Applicants_Source" ON "Applicants" ("Source");

CREATE UNIQUE INDEX "IX_Applications_ApplicantId_ProcedureId" ON "Applications" ("ApplicantId", "ProcedureId");

CREATE INDEX "IX_Applications_ProcedureId" ON "Applications" ("ProcedureId");

CREATE INDEX "IX_AuditEntries_Action_OccurredAtUtc" ON "AuditEntries" ("Action", "OccurredAtUtc");

CREATE INDEX "IX_AuditEntries_ActorId_OccurredAtUtc" ON "AuditEntries" ("ActorId", "OccurredAtUtc");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEntries_OccurredAtUtc" ON "AuditEntries" ("OccurredAtUtc");

CREATE INDEX "IX_Calls_LoggedById_OccurredAtUtc" ON "Calls" ("LoggedById", "OccurredAtUtc");

CREATE INDEX "IX_Calls_OccurredAtUtc_LoggedById_Outcome" ON "Calls" ("OccurredAtUtc", "LoggedById", "Outcome");

CREATE INDEX "IX_Calls_ProspectId_OccurredAtUtc" ON "Calls" ("ProspectId", "OccurredAtUtc");

CREATE INDEX "IX_Companies_AccountOwnerId" ON "Companies" ("AccountOwnerId");

CREATE UNIQUE INDEX "IX_Companies_EnterpriseNumber" ON "Companies" ("EnterpriseNumber") WHERE "EnterpriseNumber" IS NOT NULL;

CREATE INDEX "IX_Companies_Name" ON "Companies" ("Name");

CREATE INDEX "IX_Companies_NameKey" ON "Companies" ("NameKey");

CREATE INDEX "IX_Companies_Type_NameKey" ON "Companies" ("Type", "NameKey");

CREATE INDEX "IX_CompanyTypeChanges_CompanyId_ChangedAtUtc" ON "CompanyTypeChanges" ("CompanyId", "ChangedAtUtc");

CREATE INDEX "IX_Disclosures_PartnerContactId_DisclosedOn" ON "Disclosures" ("PartnerContactId", "DisclosedOn");

CREATE INDEX "IX_Disclosures_SubcontractorId_DisclosedOn" ON "Disclosures" ("SubcontractorId", "DisclosedOn");

CREATE INDEX "IX_LegitimateInterestAssessments_Purpose_ReviewDueOn" ON "LegitimateInterestAssessments" ("Purpose", "ReviewDueOn");

CREATE INDEX "IX_PartnerContactAddresses_PartnerContactId" ON "PartnerContactAddresses" ("PartnerContactId");

CREATE INDEX "IX_PartnerContactEmails_Address" ON "PartnerContactEmails" ("Address");

CREATE INDEX "IX_PartnerContactEmails_PartnerContactId" ON "PartnerContactEmails" ("PartnerContactId");

CREATE INDEX "IX_PartnerContactPhones_Number" ON "PartnerContactPhones" ("Number");

CREATE INDEX "IX_PartnerContactPhones_PartnerContactId" ON "PartnerContactPhones" ("PartnerContactId");

CREATE INDEX "IX_PartnerContacts_CompanyId_IsRestricted_LastNameKey_FirstNameKey" ON "PartnerContacts" ("CompanyId", "IsRestricted", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_PartnerContacts_FirstNameKey" ON "PartnerContacts" ("FirstNameKey");

CREATE INDEX "IX_PartnerContacts_IsRestricted_LastNameKey_FirstNameKey" ON "PartnerContacts" ("IsRestricted", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_PartnerContacts_IsRestricted_UpdatedAtUtc" ON "PartnerContacts" ("IsRestricted", "UpdatedAtUtc");

CREATE INDEX "IX_PartnerContacts_LastNameKey" ON "PartnerContacts" ("LastNameKey");

CREATE INDEX "IX_Prospects_AssessmentId" ON "Prospects" ("AssessmentId");

CREATE INDEX "IX_Prospects_CompanyId_IsRestricted_LastNameKey_FirstNameKey" ON "Prospects" ("CompanyId", "IsRestricted", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_Prospects_Email" ON "Prospects" ("Email");

CREATE INDEX "IX_Prospects_FirstNameKey" ON "Prospects" ("FirstNameKey");

CREATE INDEX "IX_Prospects_FollowUpOwnerId_FollowUpOn" ON "Prospects" ("FollowUpOwnerId", "FollowUpOn");

CREATE INDEX "IX_Prospects_IsRestricted_FollowUpOn" ON "Prospects" ("IsRestricted", "FollowUpOn");

CREATE INDEX "IX_Prospects_IsRestricted_LastCallAtUtc" ON "Prospects" ("IsRestricted", "LastCallAtUtc");

CREATE INDEX "IX_Prospects_IsRestricted_LastNameKey_FirstNameKey" ON "Prospects" ("IsRestricted", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_Prospects_IsRestricted_UpdatedAtUtc" ON "Prospects" ("IsRestricted", "UpdatedAtUtc");

CREATE INDEX "IX_Prospects_LastCallAtUtc" ON "Prospects" ("LastCallAtUtc");

CREATE INDEX "IX_Prospects_LastNameKey" ON "Prospects" ("LastNameKey");

CREATE INDEX "IX_Prospects_Mobile" ON "Prospects" ("Mobile");

CREATE INDEX "IX_Prospects_OwnerId_IsRestricted_LastNameKey_FirstNameKey" ON "Prospects" ("OwnerId", "IsRestricted", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_Prospects_Phone" ON "Prospects" ("Phone");

CREATE INDEX "IX_Prospects_Source_IsRestricted_LastNameKey_FirstNameKey" ON "Prospects" ("Source", "IsRestricted", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_Prospects_UpdatedAtUtc" ON "Prospects" ("UpdatedAtUtc");

CREATE INDEX "IX_SelectionProcedures_EndedOn_OpenedOn" ON "SelectionProcedures" ("EndedOn", "OpenedOn");

CREATE UNIQUE INDEX "IX_SuppressionEntries_Kind_KeyedHash" ON "SuppressionEntries" ("Kind", "KeyedHash");

CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;

CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125034418_InitialCreate', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Calls" ADD "CompanyId" INTEGER NOT NULL DEFAULT 0;

UPDATE "Calls" SET "CompanyId" = (SELECT "CompanyId" FROM "Prospects" WHERE "Prospects"."Id" = "Calls"."ProspectId");

CREATE TABLE "RetentionHolds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RetentionHolds" PRIMARY KEY AUTOINCREMENT,
    "Category" TEXT NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestId" INTEGER NULL,
    "PlacedById" TEXT NOT NULL,
    "PlacedByName" TEXT NOT NULL,
    "PlacedAtUtc" TEXT NOT NULL,
    "ReleasedAtUtc" TEXT NULL,
    "ReleasedById" TEXT NULL,
    "ReleasedByName" TEXT NULL
);

CREATE TABLE "RetentionRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RetentionRuns" PRIMARY KEY AUTOINCREMENT,
    "Trigger" TEXT NOT NULL,
    "AsOf" TEXT NOT NULL,
    "StartedAtUtc" TEXT NOT NULL,
    "FinishedAtUtc" TEXT NULL,
    "StartedById" TEXT NOT NULL,
    "StartedByName" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ApplicantsErased" INTEGER NOT NULL,
    "CvsErased" INTEGER NOT NULL,
    "ProspectsErased" INTEGER NOT NULL,
    "CallsAnonymised" INTEGER NOT NULL,
    "PartnerContactsErased" INTEGER NOT NULL,
    "Held" INTEGER NOT NULL,
    "Error" TEXT NULL
);

CREATE INDEX "IX_Calls_CompanyId_OccurredAtUtc" ON "Calls" ("CompanyId", "OccurredAtUtc");

CREATE INDEX "IX_RetentionHolds_Category_PersonId_ReleasedAtUtc" ON "RetentionHolds" ("Category", "PersonId", "ReleasedAtUtc");

CREATE INDEX "IX_RetentionHolds_RequestId" ON "RetentionHolds" ("RequestId");

CREATE INDEX "IX_RetentionRuns_StartedAtUtc" ON "RetentionRuns" ("StartedAtUtc");

CREATE INDEX "IX_RetentionRuns_Status" ON "RetentionRuns" ("Status");

CREATE TABLE "ef_temp_Calls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Calls" PRIMARY KEY AUTOINCREMENT,
    "CompanyId" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "DurationMinutes" INTEGER NULL,
    "FollowUpOn" TEXT NULL,
    "LoggedById" TEXT NOT NULL,
    "LoggedByName" TEXT NOT NULL,
    "OccurredAtUtc" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "ProspectId" INTEGER NULL,
    "Report" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Calls_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Calls_Prospects_ProspectId" FOREIGN KEY ("ProspectId") REFERENCES "Prospects" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Calls" ("Id", "CompanyId", "ConcurrencyStamp", "CreatedAtUtc", "Direction", "DurationMinutes", "FollowUpOn", "LoggedById", "LoggedByName", "OccurredAtUtc", "Outcome", "ProspectId", "Report", "UpdatedAtUtc")
SELECT "Id", "CompanyId", "ConcurrencyStamp", "CreatedAtUtc", "Direction", "DurationMinutes", "FollowUpOn", "LoggedById", "LoggedByName", "OccurredAtUtc", "Outcome", "ProspectId", "Report", "UpdatedAtUtc"
FROM "Calls";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Calls";

ALTER TABLE "ef_temp_Calls" RENAME TO "Calls";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Calls_CompanyId_OccurredAtUtc" ON "Calls" ("CompanyId", "OccurredAtUtc");

CREATE INDEX "IX_Calls_LoggedById_OccurredAtUtc" ON "Calls" ("LoggedById", "OccurredAtUtc");

CREATE INDEX "IX_Calls_OccurredAtUtc_LoggedById_Outcome" ON "Calls" ("OccurredAtUtc", "LoggedById", "Outcome");

CREATE INDEX "IX_Calls_ProspectId_OccurredAtUtc" ON "Calls" ("ProspectId", "OccurredAtUtc");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125041834_Retention', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "SubjectRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubjectRequests" PRIMARY KEY AUTOINCREMENT,
    "Reference" TEXT NOT NULL,
    "Rights" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "RequesterName" TEXT NOT NULL,
    "RequesterEmail" TEXT NULL,
    "RequesterPhone" TEXT NULL,
    "RequesterAddress" TEXT NULL,
    "Language" TEXT NOT NULL,
    "RequestText" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "ExtendedDueOn" TEXT NULL,
    "ExtensionReason" TEXT NULL,
    "ExtensionToldOn" TEXT NULL,
    "IdentityMethod" TEXT NULL,
    "IdentityNote" TEXT NULL,
    "IdentityVerifiedAtUtc" TEXT NULL,
    "IdentityVerifiedById" TEXT NULL,
    "IdentityVerifiedByName" TEXT NULL,
    "ExecutedAtUtc" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "Outcome" TEXT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "SubjectRequestDecisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubjectRequestDecisions" PRIMARY KEY AUTOINCREMENT,
    "RequestId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "Ground" TEXT NULL,
    "GroundText" TEXT NULL,
    "RestrictInstead" INTEGER NOT NULL,
    "NewFirstName" TEXT NULL,
    "NewLastName" TEXT NULL,
    "NewEmail" TEXT NULL,
    "NewPhone" TEXT NULL,
    "ExecutedAtUtc" TEXT NULL,
    "Result" TEXT NULL,
    CONSTRAINT "FK_SubjectRequestDecisions_SubjectRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "SubjectRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SubjectRequestMatches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubjectRequestMatches" PRIMARY KEY AUTOINCREMENT,
    "RequestId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "ConfirmedAtUtc" TEXT NOT NULL,
    "ConfirmedById" TEXT NOT NULL,
    CONSTRAINT "FK_SubjectRequestMatches_SubjectRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "SubjectRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SubjectRequestNotifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SubjectRequestNotifications" PRIMARY KEY AUTOINCREMENT,
    "RequestId" INTEGER NOT NULL,
    "RecipientCompanyId" INTEGER NOT NULL,
    "RecipientName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "NotifiedAtUtc" TEXT NULL,
    "NotifiedByName" TEXT NULL,
    CONSTRAINT "FK_SubjectRequestNotifications_Companies_RecipientCompanyId" FOREIGN KEY ("RecipientCompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SubjectRequestNotifications_SubjectRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "SubjectRequests" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_SubjectRequestDecisions_RequestId_Category_PersonId" ON "SubjectRequestDecisions" ("RequestId", "Category", "PersonId");

CREATE INDEX "IX_SubjectRequestMatches_Category_PersonId" ON "SubjectRequestMatches" ("Category", "PersonId");

CREATE UNIQUE INDEX "IX_SubjectRequestMatches_RequestId_Category_PersonId" ON "SubjectRequestMatches" ("RequestId", "Category", "PersonId");

CREATE INDEX "IX_SubjectRequestNotifications_RecipientCompanyId" ON "SubjectRequestNotifications" ("RecipientCompanyId");

CREATE UNIQUE INDEX "IX_SubjectRequestNotifications_RequestId_RecipientCompanyId_Action" ON "SubjectRequestNotifications" ("RequestId", "RecipientCompanyId", "Action");

CREATE UNIQUE INDEX "IX_SubjectRequests_Reference" ON "SubjectRequests" ("Reference");

CREATE INDEX "IX_SubjectRequests_Status_DueOn" ON "SubjectRequests" ("Status", "DueOn");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125043214_SubjectRequests', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Prospects_LastNameKey";

CREATE INDEX "IX_Prospects_LastNameKey_FirstNameKey" ON "Prospects" ("LastNameKey", "FirstNameKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125062059_ProspectNameSortIndex', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Prospects" ADD "CompanyNameKey" TEXT NOT NULL DEFAULT '';

UPDATE "Prospects"
SET "CompanyNameKey" = (SELECT "c"."NameKey" FROM "Companies" AS "c" WHERE "c"."Id" = "Prospects"."CompanyId");

CREATE INDEX "IX_Prospects_CompanyNameKey_LastNameKey_FirstNameKey" ON "Prospects" ("CompanyNameKey", "LastNameKey", "FirstNameKey");

CREATE INDEX "IX_Prospects_IsRestricted_CompanyNameKey_LastNameKey_FirstNameKey" ON "Prospects" ("IsRestricted", "CompanyNameKey", "LastNameKey", "FirstNameKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125070748_ProspectCompanyNameKey', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Calls_ProspectId_OccurredAtUtc";

CREATE INDEX "IX_Calls_ProspectId_OccurredAtUtc" ON "Calls" ("ProspectId", "OccurredAtUtc") WHERE "ProspectId" IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125073842_CallsProspectIndexOnlyLinkedCalls', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Prospects_FirstNameKey";

DROP INDEX "IX_PartnerContacts_FirstNameKey";

DROP INDEX "IX_PartnerContacts_LastNameKey";

DROP INDEX "IX_Applicants_FirstNameKey";

DROP INDEX "IX_Applicants_LastNameKey";

CREATE INDEX "IX_Prospects_FirstNameKey_LastNameKey" ON "Prospects" ("FirstNameKey", "LastNameKey");

CREATE INDEX "IX_PartnerContacts_FirstNameKey_LastNameKey" ON "PartnerContacts" ("FirstNameKey", "LastNameKey");

CREATE INDEX "IX_PartnerContacts_LastNameKey_FirstNameKey" ON "PartnerContacts" ("LastNameKey", "FirstNameKey");

CREATE INDEX "IX_Applicants_FirstNameKey_LastNameKey" ON "Applicants" ("FirstNameKey", "LastNameKey");

CREATE INDEX "IX_Applicants_LastNameKey_FirstNameKey" ON "Applicants" ("LastNameKey", "FirstNameKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125075538_PersonSearchNameIndexes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "StartedAtUtc" TEXT NOT NULL,
    "LastSeenAtUtc" TEXT NOT NULL
);

CREATE INDEX "IX_UserSessions_LastSeenAtUtc" ON "UserSessions" ("LastSeenAtUtc");

CREATE INDEX "IX_UserSessions_StartedAtUtc" ON "UserSessions" ("StartedAtUtc");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207225220_UserSessions', '10.0.15');

COMMIT;

