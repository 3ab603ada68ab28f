-- SQL Server: the skill-group filter finds a call in every group the caller waited in (see the SQLite/PostgreSQL files).

ALTER TABLE [CallGroupWaits] ADD [MovedOn] bit NOT NULL DEFAULT CAST(0 AS bit);
GO
UPDATE w SET [MovedOn] = CAST(1 AS bit) FROM [CallGroupWaits] w
WHERE NOT EXISTS (SELECT 1 FROM [CallRecords] r WHERE r.[Id] = w.[CallId] AND r.[SkillGroupId] = w.[SkillGroupId]);
GO
CREATE INDEX [IX_CallGroupWaits_Group] ON [CallGroupWaits] ([TenantId], [SkillGroupId], [MovedOn], [EnteredAt], [CallId]);
GO
DROP INDEX [IX_CallGroupWaits_TenantId] ON [CallGroupWaits];
GO
