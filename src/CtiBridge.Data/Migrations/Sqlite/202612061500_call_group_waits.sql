-- Where a caller waited, group by group (an overflow moves her on): the call record's journey (docs/reports.md).
CREATE TABLE "CallGroupWaits" (
    "CallId" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL,
    "SkillGroupId" TEXT NOT NULL,
    "SkillGroupName" TEXT NOT NULL,
    "EnteredAt" TEXT NOT NULL,
    "LeftAt" TEXT NULL,
    CONSTRAINT "PK_CallGroupWaits" PRIMARY KEY ("CallId", "Seq"),
    CONSTRAINT "FK_CallGroupWaits_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallGroupWaits_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_CallGroupWaits_TenantId" ON "CallGroupWaits" ("TenantId");
