-- Where a caller waited, group by group (an overflow moves her on): the call record's journey (docs/reports.md).
CREATE TABLE [CallGroupWaits] (
    [CallId] uniqueidentifier NOT NULL,
    [Seq] int NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [SkillGroupId] uniqueidentifier NOT NULL,
    [SkillGroupName] nvarchar(200) NOT NULL,
    [EnteredAt] datetime2 NOT NULL,
    [LeftAt] datetime2 NULL,
    CONSTRAINT [PK_CallGroupWaits] PRIMARY KEY ([CallId], [Seq]),
    CONSTRAINT [FK_CallGroupWaits_CallRecords_CallId] FOREIGN KEY ([CallId]) REFERENCES [CallRecords] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_CallGroupWaits_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id])
);
GO
CREATE INDEX [IX_CallGroupWaits_TenantId] ON [CallGroupWaits] ([TenantId]);
GO
