-- Where a caller waited, group by group (an overflow moves her on): the call record's journey (docs/reports.md).
CREATE TABLE "CallGroupWaits" (
    "CallId" uuid NOT NULL,
    "Seq" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    "SkillGroupId" uuid NOT NULL,
    "SkillGroupName" character varying(200) NOT NULL,
    "EnteredAt" timestamp with time zone NOT NULL,
    "LeftAt" timestamp with time zone,
    CONSTRAINT "PK_CallGroupWaits" PRIMARY KEY ("CallId", "Seq"),
    CONSTRAINT "FK_CallGroupWaits_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallGroupWaits_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_CallGroupWaits_TenantId" ON "CallGroupWaits" ("TenantId");
