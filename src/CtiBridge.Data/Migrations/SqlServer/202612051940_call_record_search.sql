-- SQL Server: call records become searchable and reportable (see the SQLite/PostgreSQL files). No trigram index
-- here: number/name substring search is a LIKE over the (CustomerNumber, CustomerName) index.

ALTER TABLE [CallRecords] ADD [Kind] nvarchar(32) NULL;
ALTER TABLE [CallRecords] ADD [CustomerName] nvarchar(200) NULL;
ALTER TABLE [CallRecords] ADD [Outcome] nvarchar(32) NOT NULL DEFAULT N'NotAnswered';
ALTER TABLE [CallRecords] ADD [HoldCount] int NOT NULL DEFAULT 0;
ALTER TABLE [CallRecords] ADD [OfferCount] int NOT NULL DEFAULT 0;
ALTER TABLE [CallRecords] ADD [RonaCount] int NOT NULL DEFAULT 0;
ALTER TABLE [CallRecords] ADD [AnsweredByUserId] uniqueidentifier NULL;
ALTER TABLE [CallRecords] ADD [HasRecording] bit NOT NULL DEFAULT CAST(0 AS bit);
GO

UPDATE [CallRecords] SET [Outcome] = CASE
    WHEN [AnsweredAt] IS NOT NULL THEN N'Answered'
    WHEN [EndReason] IN (N'AbandonedWhileWaiting', N'AbandonedWhileRinging', N'CallerCancelled') THEN N'Abandoned'
    WHEN [EndReason] = N'Busy' THEN N'Busy'
    WHEN [EndReason] IN (N'Failed', N'Unreachable') THEN N'Failed'
    ELSE N'NotAnswered' END;
UPDATE c SET [HasRecording] = CAST(1 AS bit) FROM [CallRecords] c WHERE EXISTS (SELECT 1 FROM [Recordings] r WHERE r.[CallId] = c.[Id]);
UPDATE c SET [AnsweredByUserId] = (
    SELECT TOP 1 l.[UserId] FROM [CallLegs] l
    WHERE l.[CallId] = c.[Id] AND l.[Role] = N'Agent' AND l.[AnsweredAt] IS NOT NULL
    ORDER BY l.[AnsweredAt]) FROM [CallRecords] c;

DROP INDEX [IX_CallRecords_TenantId_OfferedAt] ON [CallRecords];
CREATE INDEX [IX_CallRecords_TenantId_OfferedAt_Id] ON [CallRecords] ([TenantId], [OfferedAt], [Id]);
CREATE INDEX [IX_CallRecords_TenantId_SkillGroupId_OfferedAt] ON [CallRecords] ([TenantId], [SkillGroupId], [OfferedAt]);
CREATE INDEX [IX_CallRecords_TenantId_AnsweredByUserId_OfferedAt] ON [CallRecords] ([TenantId], [AnsweredByUserId], [OfferedAt]);
CREATE INDEX [IX_CallRecords_Search] ON [CallRecords] ([CustomerNumber], [CustomerName]);
DROP INDEX [IX_CallLegs_UserId] ON [CallLegs];
CREATE INDEX [IX_CallLegs_UserId_CallId] ON [CallLegs] ([UserId], [CallId]);

ALTER TABLE [Recordings] ADD [LegalHold] bit NOT NULL DEFAULT CAST(0 AS bit);
ALTER TABLE [Tenants] ADD [Settings_RecordingRetentionDays] int NOT NULL DEFAULT 0;
ALTER TABLE [SkillGroups] ADD [ServiceLevelSeconds] int NOT NULL DEFAULT 20;
