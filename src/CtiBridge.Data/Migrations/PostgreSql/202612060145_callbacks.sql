-- PostgreSQL: callbacks get the team whose supervisors see them, a result, and the times their reminder went out and was
-- escalated (the reminder job fires each due callback once, docs/callbacks.md). Tenants get a time zone (times are shown
-- in it), the time a reminder waits for the agent, and what happens after it (notify the supervisor).

ALTER TABLE "Callbacks" ADD COLUMN "TeamId" uuid NULL;
ALTER TABLE "Callbacks" ADD COLUMN "Result" character varying(200) NULL;
ALTER TABLE "Callbacks" ADD COLUMN "ReminderSentAt" timestamp with time zone NULL;
ALTER TABLE "Callbacks" ADD COLUMN "EscalatedAt" timestamp with time zone NULL;
CREATE INDEX "IX_Callbacks_TenantId_TeamId" ON "Callbacks" ("TenantId", "TeamId");
CREATE INDEX "IX_Callbacks_Status_DueAt" ON "Callbacks" ("Status", "DueAt");

ALTER TABLE "Tenants" ADD COLUMN "Settings_TimeZone" character varying(64) NOT NULL DEFAULT 'UTC';
ALTER TABLE "Tenants" ADD COLUMN "Settings_CallbackReminderTimeoutSeconds" integer NOT NULL DEFAULT 300;
ALTER TABLE "Tenants" ADD COLUMN "Settings_CallbackEscalation" character varying(32) NOT NULL DEFAULT 'NotifySupervisor';
