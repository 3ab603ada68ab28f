-- SQLite: the tenant's self-service flows (docs/selfservice.md). Until now every tenant had one built-in flow, "pin"
-- (prompt conf-getpin, up to 12 digits or #, 30 s, attached as "pin"); each existing tenant keeps it as a row.

CREATE TABLE "SelfServiceFlows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SelfServiceFlows" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prompt" TEXT NOT NULL,
    "MaxDigits" INTEGER NULL,
    "Terminator" TEXT NULL,
    "TimeoutSeconds" INTEGER NOT NULL,
    "DataKey" TEXT NOT NULL,
    CONSTRAINT "FK_SelfServiceFlows_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_SelfServiceFlows_TenantId_Name" ON "SelfServiceFlows" ("TenantId", "Name");

-- EF Core keeps GUIDs in SQLite as upper-case text.
INSERT INTO "SelfServiceFlows" ("Id", "TenantId", "Name", "Prompt", "MaxDigits", "Terminator", "TimeoutSeconds", "DataKey")
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       "Id", 'pin', 'conf-getpin', 12, '#', 30, 'pin'
FROM "Tenants";
