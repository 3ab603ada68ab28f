-- AuditEntries: the audit log (docs/database.md). Tenant-owned; no FK to the actor or the target.

CREATE TABLE "AuditEntries" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorType" character varying(32) NOT NULL,
    "ActorId" uuid,
    "ActorName" character varying(100),
    "Action" character varying(64) NOT NULL,
    "TargetType" character varying(64) NOT NULL,
    "TargetId" character varying(64),
    "IpAddress" character varying(64),
    "Before" text,
    "After" text,
    CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AuditEntries_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_TenantId_At" ON "AuditEntries" ("TenantId", "At");

CREATE INDEX "IX_AuditEntries_TenantId_TargetType_TargetId" ON "AuditEntries" ("TenantId", "TargetType", "TargetId");
