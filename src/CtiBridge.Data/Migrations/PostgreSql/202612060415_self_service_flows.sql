-- PostgreSQL: the tenant's self-service flows (docs/selfservice.md). Until now every tenant had one built-in flow, "pin"
-- (prompt conf-getpin, up to 12 digits or #, 30 s, attached as "pin"); each existing tenant keeps it as a row.

CREATE TABLE "SelfServiceFlows" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Name" character varying(50) NOT NULL,
    "Prompt" character varying(80) NOT NULL,
    "MaxDigits" integer NULL,
    "Terminator" character varying(1) NULL,
    "TimeoutSeconds" integer NOT NULL,
    "DataKey" character varying(64) NOT NULL,
    CONSTRAINT "PK_SelfServiceFlows" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SelfServiceFlows_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_SelfServiceFlows_TenantId_Name" ON "SelfServiceFlows" ("TenantId", "Name");

INSERT INTO "SelfServiceFlows" ("Id", "TenantId", "Name", "Prompt", "MaxDigits", "Terminator", "TimeoutSeconds", "DataKey")
SELECT gen_random_uuid(), "Id", 'pin', 'conf-getpin', 12, '#', 30, 'pin' FROM "Tenants";
