-- SQL Server: the tenant's self-service flows (see the SQLite/PostgreSQL files); each existing tenant keeps the
-- built-in "pin" flow as a row.

CREATE TABLE [SelfServiceFlows] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Name] nvarchar(50) NOT NULL,
    [Prompt] nvarchar(80) NOT NULL,
    [MaxDigits] int NULL,
    [Terminator] nvarchar(1) NULL,
    [TimeoutSeconds] int NOT NULL,
    [DataKey] nvarchar(64) NOT NULL,
    CONSTRAINT [PK_SelfServiceFlows] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_SelfServiceFlows_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO
CREATE UNIQUE INDEX [IX_SelfServiceFlows_TenantId_Name] ON [SelfServiceFlows] ([TenantId], [Name]);
GO
INSERT INTO [SelfServiceFlows] ([Id], [TenantId], [Name], [Prompt], [MaxDigits], [Terminator], [TimeoutSeconds], [DataKey])
SELECT NEWID(), [Id], N'pin', N'conf-getpin', 12, N'#', 30, N'pin' FROM [Tenants];
