-- AuditEntries: the audit log (docs/database.md). Tenant-owned; no FK to the actor or the target.

CREATE TABLE [AuditEntries] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [At] datetime2 NOT NULL,
    [ActorType] nvarchar(32) NOT NULL,
    [ActorId] uniqueidentifier NULL,
    [ActorName] nvarchar(100) NULL,
    [Action] nvarchar(64) NOT NULL,
    [TargetType] nvarchar(64) NOT NULL,
    [TargetId] nvarchar(64) NULL,
    [IpAddress] nvarchar(64) NULL,
    [Before] nvarchar(max) NULL,
    [After] nvarchar(max) NULL,
    CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AuditEntries_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO

CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
GO

CREATE INDEX [IX_AuditEntries_TenantId_At] ON [AuditEntries] ([TenantId], [At]);
GO

CREATE INDEX [IX_AuditEntries_TenantId_TargetType_TargetId] ON [AuditEntries] ([TenantId], [TargetType], [TargetId]);
GO
