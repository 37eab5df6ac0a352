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
    "EnterpriseNumber" TEXT NULL,
    "Type" TEXT NOT NULL,
    "Sector" TEXT NULL,
    "Street" TEXT NULL,
    "PostalCode" TEXT NULL,
    "City" TEXT NULL,
    "CountryCode" TEXT NOT NULL,
    "Website" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL
);

CREATE INDEX "IX_AuditEntries_Action_OccurredAtUtc" ON "AuditEntries" ("Action", "OccurredAtUtc");

CREATE INDEX "IX_AuditEntries_ActorId_OccurredAtUtc" ON "AuditEntries" ("ActorId", "OccurredAtUtc");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEntries_OccurredAtUtc" ON "AuditEntries" ("OccurredAtUtc");

CREATE UNIQUE INDEX "IX_Companies_EnterpriseNumber" ON "Companies" ("EnterpriseNumber") WHERE "EnterpriseNumber" IS NOT NULL;

CREATE INDEX "IX_Companies_Name" ON "Companies" ("Name");

CREATE INDEX "IX_Companies_Type" ON "Companies" ("Type");

CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;

CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125020247_InitialCreate', '10.0.15');

COMMIT;

