-- TenantLeases: which node owns a tenant's live call center when several nodes run (docs/architecture.md, "Several nodes").

CREATE TABLE [TenantLeases] (
    [TenantId] uniqueidentifier NOT NULL,
    [NodeId] nvarchar(100) NOT NULL,
    [NodeAddress] nvarchar(300) NULL,
    [Epoch] bigint NOT NULL,
    [ExpiresAtMs] bigint NOT NULL,
    [AcquiredAt] datetime2 NOT NULL,
    CONSTRAINT [PK_TenantLeases] PRIMARY KEY ([TenantId]),
    CONSTRAINT [FK_TenantLeases_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO
