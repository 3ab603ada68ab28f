-- WallboardKeys: keys that open the read-only wallboard of chosen skill groups without a sign-in (hash only).

CREATE TABLE [WallboardKeys] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Name] nvarchar(100) NOT NULL,
    [Prefix] nvarchar(16) NOT NULL,
    [KeyHash] nvarchar(64) NOT NULL,
    [SkillGroupIds] nvarchar(4000) NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    [RevokedAt] datetime2 NULL,
    CONSTRAINT [PK_WallboardKeys] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_WallboardKeys_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO

CREATE UNIQUE INDEX [IX_WallboardKeys_Prefix] ON [WallboardKeys] ([Prefix]);
GO

CREATE INDEX [IX_WallboardKeys_TenantId] ON [WallboardKeys] ([TenantId]);
GO
