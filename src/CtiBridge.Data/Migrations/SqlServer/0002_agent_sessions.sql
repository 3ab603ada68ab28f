-- Schema migration 0002_agent_sessions (SQL Server): AgentSessions, the logged-in agents' CTI sessions a restarted
-- CtiBridge logs in again (docs/database.md).

CREATE TABLE [AgentSessions] (
    [UserId] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Status] nvarchar(32) NOT NULL,
    [Reason] nvarchar(100) NULL,
    [Pending] nvarchar(32) NULL,
    [PendingReason] nvarchar(100) NULL,
    [HotDeskEndpoint] nvarchar(120) NULL,
    [ReachNumber] nvarchar(64) NULL,
    [WorkingMode] nvarchar(32) NULL,
    [PausedSkillGroupIds] nvarchar(max) NULL,
    [LoggedInAt] datetime2 NOT NULL,
    [StateSince] datetime2 NOT NULL,
    [IdleSince] datetime2 NULL,
    [UpdatedAt] datetime2 NOT NULL,
    CONSTRAINT [PK_AgentSessions] PRIMARY KEY ([UserId]),
    CONSTRAINT [FK_AgentSessions_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_AgentSessions_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO

CREATE INDEX [IX_AgentSessions_TenantId] ON [AgentSessions] ([TenantId]);
GO
