-- SQL Server: callbacks get the team whose supervisors see them, a result, and the times their reminder went out and
-- was escalated; tenants a time zone, the time a reminder waits for the agent and what happens after it (see the
-- SQLite/PostgreSQL files).

ALTER TABLE [Callbacks] ADD [TeamId] uniqueidentifier NULL;
ALTER TABLE [Callbacks] ADD [Result] nvarchar(200) NULL;
ALTER TABLE [Callbacks] ADD [ReminderSentAt] datetime2 NULL;
ALTER TABLE [Callbacks] ADD [EscalatedAt] datetime2 NULL;
GO
CREATE INDEX [IX_Callbacks_TenantId_TeamId] ON [Callbacks] ([TenantId], [TeamId]);
CREATE INDEX [IX_Callbacks_Status_DueAt] ON [Callbacks] ([Status], [DueAt]);

ALTER TABLE [Tenants] ADD [Settings_TimeZone] nvarchar(64) NOT NULL DEFAULT N'UTC';
ALTER TABLE [Tenants] ADD [Settings_CallbackReminderTimeoutSeconds] int NOT NULL DEFAULT 300;
ALTER TABLE [Tenants] ADD [Settings_CallbackEscalation] nvarchar(32) NOT NULL DEFAULT N'NotifySupervisor';
