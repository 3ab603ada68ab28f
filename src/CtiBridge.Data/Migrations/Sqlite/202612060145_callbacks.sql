-- SQLite: callbacks get the team whose supervisors see them, a result, and the times their reminder went out and was
-- escalated (the reminder job fires each due callback once, docs/callbacks.md). Tenants get a time zone (times are shown
-- in it), the time a reminder waits for the agent, and what happens after it (notify the supervisor).

ALTER TABLE "Callbacks" ADD COLUMN "TeamId" TEXT NULL;
ALTER TABLE "Callbacks" ADD COLUMN "Result" TEXT NULL;
ALTER TABLE "Callbacks" ADD COLUMN "ReminderSentAt" TEXT NULL;
ALTER TABLE "Callbacks" ADD COLUMN "EscalatedAt" TEXT NULL;
CREATE INDEX "IX_Callbacks_TenantId_TeamId" ON "Callbacks" ("TenantId", "TeamId");
CREATE INDEX "IX_Callbacks_Status_DueAt" ON "Callbacks" ("Status", "DueAt");

ALTER TABLE "Tenants" ADD COLUMN "Settings_TimeZone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "Tenants" ADD COLUMN "Settings_CallbackReminderTimeoutSeconds" INTEGER NOT NULL DEFAULT 300;
ALTER TABLE "Tenants" ADD COLUMN "Settings_CallbackEscalation" TEXT NOT NULL DEFAULT 'NotifySupervisor';
