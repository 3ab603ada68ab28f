-- PostgreSQL: outbound dial tasks (docs/dialtasks.md). The DialTasks/DialTaskItems tables of the first schema were never
-- used by any feature; they are recreated with what preview dialling needs: the task's team, days and daily window
-- (tenant's time zone), retry rules, caller ID; its named agents; per contact the claim, retries and result. Call records
-- carry the dial task they were placed for.

DROP TABLE "DialTaskItems";
DROP TABLE "DialTasks";

CREATE TABLE "DialTasks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "OwnerUserId" uuid,
    "TeamId" uuid,
    "Status" character varying(32) NOT NULL,
    "FirstDay" date NOT NULL,
    "LastDay" date NOT NULL,
    "DailyStart" time without time zone NOT NULL,
    "DailyEnd" time without time zone NOT NULL,
    "BusyRetries" integer NOT NULL,
    "BusyRetryMinutes" integer NOT NULL,
    "NoAnswerRetries" integer NOT NULL,
    "NoAnswerRetryMinutes" integer NOT NULL,
    "CallerId" character varying(32),
    "WindowOpen" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DialTasks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DialTasks_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTasks_Users_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE INDEX "IX_DialTasks_OwnerUserId" ON "DialTasks" ("OwnerUserId");
CREATE INDEX "IX_DialTasks_Status" ON "DialTasks" ("Status");
CREATE INDEX "IX_DialTasks_TenantId_Status" ON "DialTasks" ("TenantId", "Status");

CREATE TABLE "DialTaskAgents" (
    "DialTaskId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_DialTaskAgents" PRIMARY KEY ("DialTaskId", "UserId"),
    CONSTRAINT "FK_DialTaskAgents_DialTasks_DialTaskId" FOREIGN KEY ("DialTaskId") REFERENCES "DialTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskAgents_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskAgents_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_DialTaskAgents_TenantId" ON "DialTaskAgents" ("TenantId");
CREATE INDEX "IX_DialTaskAgents_UserId" ON "DialTaskAgents" ("UserId");

CREATE TABLE "DialTaskItems" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "DialTaskId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Number" character varying(32) NOT NULL,
    "ContactId" uuid,
    "Status" character varying(32) NOT NULL,
    "Attempts" integer NOT NULL,
    "BusyCount" integer NOT NULL,
    "NoAnswerCount" integer NOT NULL,
    "LastOutcome" character varying(32),
    "LastAttemptAt" timestamp with time zone,
    "NextAttemptAt" timestamp with time zone,
    "ClaimedByUserId" uuid,
    "ClaimedAt" timestamp with time zone,
    "CallId" uuid,
    "DispositionId" uuid,
    "Result" character varying(100),
    "Remark" character varying(2000),
    "CompletedByUserId" uuid,
    "CompletedAt" timestamp with time zone,
    CONSTRAINT "PK_DialTaskItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DialTaskItems_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DialTaskItems_DialTasks_DialTaskId" FOREIGN KEY ("DialTaskId") REFERENCES "DialTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskItems_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_DialTaskItems_CallId" ON "DialTaskItems" ("CallId");
CREATE INDEX "IX_DialTaskItems_ContactId" ON "DialTaskItems" ("ContactId");
CREATE INDEX "IX_DialTaskItems_DialTaskId_Status_Position" ON "DialTaskItems" ("DialTaskId", "Status", "Position");
CREATE INDEX "IX_DialTaskItems_TenantId_Number_Status" ON "DialTaskItems" ("TenantId", "Number", "Status");

ALTER TABLE "CallRecords" ADD COLUMN "DialTaskId" uuid NULL;
CREATE INDEX "IX_CallRecords_TenantId_DialTaskId" ON "CallRecords" ("TenantId", "DialTaskId");
