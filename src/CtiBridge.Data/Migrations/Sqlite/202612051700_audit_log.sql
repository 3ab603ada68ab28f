-- AuditEntries: the audit log (docs/database.md). Tenant-owned; no FK to the actor or the target.

CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ActorType" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NULL,
    "Action" TEXT NOT NULL,
    "TargetType" TEXT NOT NULL,
    "TargetId" TEXT NULL,
    "IpAddress" TEXT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    CONSTRAINT "FK_AuditEntries_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_TenantId_At" ON "AuditEntries" ("TenantId", "At");

CREATE INDEX "IX_AuditEntries_TenantId_TargetType_TargetId" ON "AuditEntries" ("TenantId", "TargetType", "TargetId");
