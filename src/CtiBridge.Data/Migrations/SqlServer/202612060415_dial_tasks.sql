-- SQL Server: outbound dial tasks; the unused DialTasks/DialTaskItems tables are recreated (see the SQLite/PostgreSQL files).

DROP TABLE [DialTaskItems];
DROP TABLE [DialTasks];
GO

CREATE TABLE [DialTasks] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Name] nvarchar(100) NOT NULL,
    [OwnerUserId] uniqueidentifier NULL,
    [TeamId] uniqueidentifier NULL,
    [Status] nvarchar(32) NOT NULL,
    [FirstDay] date NOT NULL,
    [LastDay] date NOT NULL,
    [DailyStart] time NOT NULL,
    [DailyEnd] time NOT NULL,
    [BusyRetries] int NOT NULL,
    [BusyRetryMinutes] int NOT NULL,
    [NoAnswerRetries] int NOT NULL,
    [NoAnswerRetryMinutes] int NOT NULL,
    [CallerId] nvarchar(32) NULL,
    [WindowOpen] bit NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    CONSTRAINT [PK_DialTasks] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_DialTasks_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_DialTasks_Users_OwnerUserId] FOREIGN KEY ([OwnerUserId]) REFERENCES [Users] ([Id])
);
GO
CREATE TABLE [DialTaskAgents] (
    [DialTaskId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_DialTaskAgents] PRIMARY KEY ([DialTaskId], [UserId]),
    CONSTRAINT [FK_DialTaskAgents_DialTasks_DialTaskId] FOREIGN KEY ([DialTaskId]) REFERENCES [DialTasks] ([Id]),
    CONSTRAINT [FK_DialTaskAgents_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_DialTaskAgents_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO
CREATE TABLE [DialTaskItems] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [DialTaskId] uniqueidentifier NOT NULL,
    [Position] int NOT NULL,
    [Number] nvarchar(32) NOT NULL,
    [ContactId] uniqueidentifier NULL,
    [Status] nvarchar(32) NOT NULL,
    [Attempts] int NOT NULL,
    [BusyCount] int NOT NULL,
    [NoAnswerCount] int NOT NULL,
    [LastOutcome] nvarchar(32) NULL,
    [LastAttemptAt] datetime2 NULL,
    [NextAttemptAt] datetime2 NULL,
    [ClaimedByUserId] uniqueidentifier NULL,
    [ClaimedAt] datetime2 NULL,
    [CallId] uniqueidentifier NULL,
    [DispositionId] uniqueidentifier NULL,
    [Result] nvarchar(100) NULL,
    [Remark] nvarchar(2000) NULL,
    [CompletedByUserId] uniqueidentifier NULL,
    [CompletedAt] datetime2 NULL,
    CONSTRAINT [PK_DialTaskItems] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_DialTaskItems_Contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [Contacts] ([Id]),
    CONSTRAINT [FK_DialTaskItems_DialTasks_DialTaskId] FOREIGN KEY ([DialTaskId]) REFERENCES [DialTasks] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_DialTaskItems_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id])
);
GO
CREATE INDEX [IX_DialTaskAgents_TenantId] ON [DialTaskAgents] ([TenantId]);
CREATE INDEX [IX_DialTaskAgents_UserId] ON [DialTaskAgents] ([UserId]);
CREATE INDEX [IX_DialTaskItems_CallId] ON [DialTaskItems] ([CallId]);
CREATE INDEX [IX_DialTaskItems_ContactId] ON [DialTaskItems] ([ContactId]);
CREATE INDEX [IX_DialTaskItems_DialTaskId_Status_Position] ON [DialTaskItems] ([DialTaskId], [Status], [Position]);
CREATE INDEX [IX_DialTaskItems_TenantId_Number_Status] ON [DialTaskItems] ([TenantId], [Number], [Status]);
CREATE INDEX [IX_DialTasks_OwnerUserId] ON [DialTasks] ([OwnerUserId]);
CREATE INDEX [IX_DialTasks_Status] ON [DialTasks] ([Status]);
CREATE INDEX [IX_DialTasks_TenantId_Status] ON [DialTasks] ([TenantId], [Status]);

ALTER TABLE [CallRecords] ADD [DialTaskId] uniqueidentifier NULL;
GO
CREATE INDEX [IX_CallRecords_TenantId_DialTaskId] ON [CallRecords] ([TenantId], [DialTaskId]);
