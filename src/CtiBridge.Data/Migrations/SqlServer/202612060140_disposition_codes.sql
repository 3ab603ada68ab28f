-- SQL Server: disposition codes get a category and a "remarks required" flag; each agent of a call keeps her own
-- disposition and remarks (see the SQLite/PostgreSQL files). The tenant and user FKs do not cascade (SQL Server's
-- cascade paths: a tenant's delete reaches the rows through CallRecords).

ALTER TABLE [Dispositions] ADD [Category] nvarchar(50) NULL;
ALTER TABLE [Dispositions] ADD [RemarksRequired] bit NOT NULL DEFAULT CAST(0 AS bit);
GO
CREATE TABLE [CallAgentDispositions] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [CallId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NULL,
    [DispositionId] uniqueidentifier NULL,
    [Disposition] nvarchar(100) NULL,
    [Remarks] nvarchar(2000) NULL,
    [SavedAt] datetime2 NOT NULL,
    CONSTRAINT [PK_CallAgentDispositions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_CallAgentDispositions_CallRecords_CallId] FOREIGN KEY ([CallId]) REFERENCES [CallRecords] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_CallAgentDispositions_Dispositions_DispositionId] FOREIGN KEY ([DispositionId]) REFERENCES [Dispositions] ([Id]),
    CONSTRAINT [FK_CallAgentDispositions_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_CallAgentDispositions_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])
);
GO
CREATE UNIQUE INDEX [IX_CallAgentDispositions_CallId_UserId] ON [CallAgentDispositions] ([CallId], [UserId]) WHERE [UserId] IS NOT NULL;
CREATE INDEX [IX_CallAgentDispositions_DispositionId] ON [CallAgentDispositions] ([DispositionId]);
CREATE INDEX [IX_CallAgentDispositions_TenantId] ON [CallAgentDispositions] ([TenantId]);
CREATE INDEX [IX_CallAgentDispositions_UserId] ON [CallAgentDispositions] ([UserId]);
