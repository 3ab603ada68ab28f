-- SQL Server: the caller IDs agents may present on outbound calls (see the SQLite/PostgreSQL files). The team FK does
-- not cascade (SQL Server's cascade paths: a tenant's delete reaches the rows through Tenants), so deleting a team
-- first deletes its caller IDs.

CREATE TABLE [OutboundCallerIds] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Number] nvarchar(32) NOT NULL,
    [Label] nvarchar(100) NULL,
    [TeamId] uniqueidentifier NULL,
    CONSTRAINT [PK_OutboundCallerIds] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_OutboundCallerIds_Teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [Teams] ([Id]),
    CONSTRAINT [FK_OutboundCallerIds_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO
CREATE INDEX [IX_OutboundCallerIds_TeamId] ON [OutboundCallerIds] ([TeamId]);
CREATE INDEX [IX_OutboundCallerIds_TenantId_Number] ON [OutboundCallerIds] ([TenantId], [Number]);
