-- SQLite: outbound dial tasks (docs/dialtasks.md). The DialTasks/DialTaskItems tables of the first schema were never used
-- by any feature; they are recreated with what preview dialling needs: the task's team, days and daily window (tenant's
-- time zone), retry rules, caller ID; its named agents; per contact the claim, retries and result. Call records carry
-- the dial task they were placed for.

DROP TABLE "DialTaskItems";
DROP TABLE "DialTasks";

CREATE TABLE "DialTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DialTasks" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "OwnerUserId" TEXT NULL,
    "TeamId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "FirstDay" TEXT NOT NULL,
    "LastDay" TEXT NOT NULL,
    "DailyStart" TEXT NOT NULL,
    "DailyEnd" TEXT NOT NULL,
    "BusyRetries" INTEGER NOT NULL,
    "BusyRetryMinutes" INTEGER NOT NULL,
    "NoAnswerRetries" INTEGER NOT NULL,
    "NoAnswerRetryMinutes" INTEGER NOT NULL,
    "CallerId" TEXT NULL,
    "WindowOpen" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_DialTasks_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTasks_Users_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE INDEX "IX_DialTasks_OwnerUserId" ON "DialTasks" ("OwnerUserId");
CREATE INDEX "IX_DialTasks_Status" ON "DialTasks" ("Status");
CREATE INDEX "IX_DialTasks_TenantId_Status" ON "DialTasks" ("TenantId", "Status");

CREATE TABLE "DialTaskAgents" (
    "DialTaskId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    CONSTRAINT "PK_DialTaskAgents" PRIMARY KEY ("DialTaskId", "UserId"),
    CONSTRAINT "FK_DialTaskAgents_DialTasks_DialTaskId" FOREIGN KEY ("DialTaskId") REFERENCES "DialTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskAgents_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskAgents_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_DialTaskAgents_TenantId" ON "DialTaskAgents" ("TenantId");
CREATE INDEX "IX_DialTaskAgents_UserId" ON "DialTaskAgents" ("UserId");

CREATE TABLE "DialTaskItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DialTaskItems" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "DialTaskId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "ContactId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "BusyCount" INTEGER NOT NULL,
    "NoAnswerCount" INTEGER NOT NULL,
    "LastOutcome" TEXT NULL,
    "LastAttemptAt" TEXT NULL,
    "NextAttemptAt" TEXT NULL,
    "ClaimedByUserId" TEXT NULL,
    "ClaimedAt" TEXT NULL,
    "CallId" TEXT NULL,
    "DispositionId" TEXT NULL,
    "Result" TEXT NULL,
    "Remark" TEXT NULL,
    "CompletedByUserId" TEXT NULL,
    "CompletedAt" TEXT NULL,
    CONSTRAINT "FK_DialTaskItems_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DialTaskItems_DialTasks_DialTaskId" FOREIGN KEY ("DialTaskId") REFERENCES "DialTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskItems_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_DialTaskItems_CallId" ON "DialTaskItems" ("CallId");
CREATE INDEX "IX_DialTaskItems_ContactId" ON "DialTaskItems" ("ContactId");
CREATE INDEX "IX_DialTaskItems_DialTaskId_Status_Position" ON "DialTaskItems" ("DialTaskId", "Status", "Position");
CREATE INDEX "IX_DialTaskItems_TenantId_Number_Status" ON "DialTaskItems" ("TenantId", "Number", "Status");

ALTER TABLE "CallRecords" ADD COLUMN "DialTaskId" TEXT NULL;
CREATE INDEX "IX_CallRecords_TenantId_DialTaskId" ON "CallRecords" ("TenantId", "DialTaskId");
