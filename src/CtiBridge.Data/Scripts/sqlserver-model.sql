CREATE TABLE [Tenants] (
    [Id] uniqueidentifier NOT NULL,
    [Domain] nvarchar(63) NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Enabled] bit NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    [AsteriskServer] nvarchar(63) NULL,
    [Settings_AgentsMayChooseAutoAnswer] bit NOT NULL DEFAULT CAST(0 AS bit),
    [Settings_AttachedDataKeys] nvarchar(1000) NOT NULL,
    [Settings_CallbackEscalation] nvarchar(32) NOT NULL DEFAULT N'NotifySupervisor',
    [Settings_CallbackReminderTimeoutSeconds] int NOT NULL DEFAULT 300,
    [Settings_Country] nvarchar(2) NOT NULL DEFAULT N'',
    [Settings_DefaultMusicOnHoldClass] nvarchar(80) NOT NULL,
    [Settings_DeviceUnavailableAutoReturn] bit NOT NULL,
    [Settings_DirectCallsRequireReady] bit NOT NULL,
    [Settings_MonitoringNoticeSound] nvarchar(80) NOT NULL DEFAULT N'beep',
    [Settings_NoAgentRule] nvarchar(32) NOT NULL,
    [Settings_NotificationsEnabled] bit NOT NULL,
    [Settings_NumberMaskingRule] nvarchar(64) NOT NULL,
    [Settings_OutboundRequiresNotReady] bit NOT NULL DEFAULT CAST(0 AS bit),
    [Settings_RecordingPolicy] nvarchar(32) NOT NULL,
    [Settings_RecordingRetentionDays] int NOT NULL DEFAULT 0,
    [Settings_RequirePasswordCharacterClasses] bit NOT NULL DEFAULT CAST(0 AS bit),
    [Settings_ScreenPopTarget] nvarchar(32) NOT NULL DEFAULT N'NewTab',
    [Settings_ScreenPopTrigger] nvarchar(32) NOT NULL DEFAULT N'Offered',
    [Settings_ScreenPopUrlTemplate] nvarchar(2000) NOT NULL DEFAULT N'',
    [Settings_TellMonitoredParties] bit NOT NULL DEFAULT CAST(0 AS bit),
    [Settings_TimeZone] nvarchar(64) NOT NULL DEFAULT N'UTC',
    [Settings_WrapUpDefaultSeconds] int NOT NULL,
    CONSTRAINT [PK_Tenants] PRIMARY KEY ([Id])
);
GO


CREATE TABLE [ApiKeys] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Name] nvarchar(100) NOT NULL,
    [Prefix] nvarchar(16) NOT NULL,
    [KeyHash] nvarchar(64) NOT NULL,
    [Scopes] int NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    [ExpiresAt] datetime2 NULL,
    [RevokedAt] datetime2 NULL,
    [LastUsedAt] datetime2 NULL,
    CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_ApiKeys_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [AuditEntries] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [At] datetime2 NOT NULL,
    [ActorType] nvarchar(32) NOT NULL,
    [ActorId] uniqueidentifier NULL,
    [ActorName] nvarchar(100) NULL,
    [Action] nvarchar(64) NOT NULL,
    [TargetType] nvarchar(64) NOT NULL,
    [TargetId] nvarchar(200) NULL,
    [IpAddress] nvarchar(64) NULL,
    [Before] nvarchar(max) NULL,
    [After] nvarchar(max) NULL,
    CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AuditEntries_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [BlockedNumbers] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Number] nvarchar(32) NOT NULL,
    [Direction] nvarchar(32) NOT NULL,
    [Note] nvarchar(200) NULL,
    [CreatedAt] datetime2 NOT NULL,
    CONSTRAINT [PK_BlockedNumbers] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_BlockedNumbers_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [PauseReasons] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Code] int NULL,
    [Name] nvarchar(50) NOT NULL,
    [IsSystem] bit NOT NULL,
    [SystemKey] nvarchar(32) NULL,
    [Enabled] bit NOT NULL,
    CONSTRAINT [PK_PauseReasons] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_PauseReasons_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [Phones] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [EndpointName] nvarchar(100) NOT NULL,
    [Extension] nvarchar(20) NOT NULL,
    [Description] nvarchar(200) NULL,
    [HotDesk] bit NOT NULL,
    CONSTRAINT [PK_Phones] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Phones_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


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


CREATE TABLE [SkillGroups] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Name] nvarchar(100) NOT NULL,
    [Number] nvarchar(32) NULL,
    [MaxWaitSeconds] int NULL,
    [OverflowSkillGroupId] uniqueidentifier NULL,
    [OverflowDestination] nvarchar(64) NULL,
    [AnnouncePosition] bit NOT NULL,
    [AnnounceIntervalSeconds] int NOT NULL,
    [RingTimeoutSeconds] int NOT NULL,
    [NoAgentRule] nvarchar(32) NOT NULL,
    [FallbackDestination] nvarchar(64) NULL,
    [BusinessHours] nvarchar(4000) NULL,
    [ClosedDestination] nvarchar(64) NULL,
    [MusicOnHoldClass] nvarchar(80) NULL,
    [ServiceLevelSeconds] int NOT NULL DEFAULT 20,
    CONSTRAINT [PK_SkillGroups] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_SkillGroups_SkillGroups_OverflowSkillGroupId] FOREIGN KEY ([OverflowSkillGroupId]) REFERENCES [SkillGroups] ([Id]),
    CONSTRAINT [FK_SkillGroups_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [Teams] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Name] nvarchar(100) NOT NULL,
    [MonitoringModes] int NOT NULL DEFAULT 7,
    CONSTRAINT [PK_Teams] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Teams_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


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


CREATE TABLE [Users] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Username] nvarchar(64) NOT NULL,
    [Email] nvarchar(254) NULL,
    [AgentNumber] nvarchar(20) NULL,
    [DisplayName] nvarchar(100) NOT NULL,
    [Roles] int NOT NULL,
    [IsPlatformAdmin] bit NOT NULL,
    [PasswordHash] nvarchar(256) NOT NULL,
    [Enabled] bit NOT NULL,
    [FailedLoginCount] int NOT NULL,
    [LockedUntil] datetime2 NULL,
    [PasswordChangedAt] datetime2 NULL,
    [CreatedAt] datetime2 NOT NULL,
    [LastLoginAt] datetime2 NULL,
    [SupervisorExtension] nvarchar(20) NULL,
    [SupervisorExtensionKind] nvarchar(32) NOT NULL DEFAULT N'Web',
    CONSTRAINT [PK_Users] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Users_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


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


CREATE TABLE [WebhookEndpoints] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Url] nvarchar(2000) NOT NULL,
    [Secret] nvarchar(200) NOT NULL,
    [EventTypes] nvarchar(2000) NOT NULL,
    [Enabled] bit NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    CONSTRAINT [PK_WebhookEndpoints] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_WebhookEndpoints_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [Dispositions] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Code] nvarchar(32) NOT NULL,
    [Name] nvarchar(100) NOT NULL,
    [Category] nvarchar(50) NULL,
    [RemarksRequired] bit NOT NULL DEFAULT CAST(0 AS bit),
    [SkillGroupId] uniqueidentifier NULL,
    [Enabled] bit NOT NULL,
    CONSTRAINT [PK_Dispositions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Dispositions_SkillGroups_SkillGroupId] FOREIGN KEY ([SkillGroupId]) REFERENCES [SkillGroups] ([Id]),
    CONSTRAINT [FK_Dispositions_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


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


CREATE TABLE [AgentProfiles] (
    [UserId] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Extension] nvarchar(20) NOT NULL,
    [ExtensionKind] nvarchar(32) NOT NULL,
    [IvrPinHash] nvarchar(256) NULL,
    [WrapUpSeconds] int NULL,
    [AcwMode] nvarchar(32) NOT NULL,
    [WorkingMode] nvarchar(32) NOT NULL,
    [AutoAnswer] bit NOT NULL,
    [MobileNumber] nvarchar(32) NULL,
    [HotDesking] bit NOT NULL,
    CONSTRAINT [PK_AgentProfiles] PRIMARY KEY ([UserId]),
    CONSTRAINT [FK_AgentProfiles_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_AgentProfiles_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO


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


CREATE TABLE [AgentStateChanges] (
    [Id] bigint NOT NULL IDENTITY,
    [TenantId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [At] datetime2 NOT NULL,
    [From] nvarchar(32) NOT NULL,
    [To] nvarchar(32) NOT NULL,
    [Reason] nvarchar(100) NULL,
    [PauseReasonId] uniqueidentifier NULL,
    [Pending] bit NOT NULL,
    [CallId] uniqueidentifier NULL,
    [ChangedByUserId] uniqueidentifier NULL,
    [Message] nvarchar(200) NULL,
    CONSTRAINT [PK_AgentStateChanges] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AgentStateChanges_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_AgentStateChanges_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [Contacts] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [OwnerUserId] uniqueidentifier NULL,
    [TeamId] uniqueidentifier NULL,
    [Shared] bit NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Company] nvarchar(200) NULL,
    [Email] nvarchar(254) NULL,
    [Notes] nvarchar(2000) NULL,
    [CreatedAt] datetime2 NOT NULL,
    CONSTRAINT [PK_Contacts] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Contacts_Teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [Teams] ([Id]),
    CONSTRAINT [FK_Contacts_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_Contacts_Users_OwnerUserId] FOREIGN KEY ([OwnerUserId]) REFERENCES [Users] ([Id])
);
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


CREATE TABLE [RefreshTokens] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [TokenHash] nvarchar(64) NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    [ExpiresAt] datetime2 NOT NULL,
    [RevokedAt] datetime2 NULL,
    [ReplacedById] uniqueidentifier NULL,
    CONSTRAINT [PK_RefreshTokens] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_RefreshTokens_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_RefreshTokens_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [SkillGroupMemberships] (
    [SkillGroupId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Priority] int NOT NULL,
    CONSTRAINT [PK_SkillGroupMemberships] PRIMARY KEY ([SkillGroupId], [UserId]),
    CONSTRAINT [FK_SkillGroupMemberships_SkillGroups_SkillGroupId] FOREIGN KEY ([SkillGroupId]) REFERENCES [SkillGroups] ([Id]),
    CONSTRAINT [FK_SkillGroupMemberships_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_SkillGroupMemberships_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [TeamMembers] (
    [TeamId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_TeamMembers] PRIMARY KEY ([TeamId], [UserId]),
    CONSTRAINT [FK_TeamMembers_Teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [Teams] ([Id]),
    CONSTRAINT [FK_TeamMembers_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_TeamMembers_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [TeamSupervisors] (
    [TeamId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_TeamSupervisors] PRIMARY KEY ([TeamId], [UserId]),
    CONSTRAINT [FK_TeamSupervisors_Teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [Teams] ([Id]),
    CONSTRAINT [FK_TeamSupervisors_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_TeamSupervisors_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [WebhookDeliveries] (
    [Id] bigint NOT NULL IDENTITY,
    [TenantId] uniqueidentifier NOT NULL,
    [EndpointId] uniqueidentifier NOT NULL,
    [EventType] nvarchar(100) NOT NULL,
    [Payload] nvarchar(max) NOT NULL,
    [Status] nvarchar(32) NOT NULL,
    [Attempts] int NOT NULL,
    [CreatedAt] datetime2 NOT NULL,
    [NextAttemptAt] datetime2 NULL,
    [DeliveredAt] datetime2 NULL,
    [LastError] nvarchar(2000) NULL,
    CONSTRAINT [PK_WebhookDeliveries] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_WebhookDeliveries_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_WebhookDeliveries_WebhookEndpoints_EndpointId] FOREIGN KEY ([EndpointId]) REFERENCES [WebhookEndpoints] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [CallRecords] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Direction] nvarchar(32) NOT NULL,
    [SkillGroupId] uniqueidentifier NULL,
    [CustomerNumber] nvarchar(32) NOT NULL,
    [DialedNumber] nvarchar(32) NULL,
    [OfferedAt] datetime2 NOT NULL,
    [AnsweredAt] datetime2 NULL,
    [EndedAt] datetime2 NULL,
    [WaitSeconds] int NOT NULL,
    [RingSeconds] int NOT NULL,
    [TalkSeconds] int NOT NULL,
    [HoldSeconds] int NOT NULL,
    [EndReason] nvarchar(32) NULL,
    [DispositionId] uniqueidentifier NULL,
    [Remarks] nvarchar(2000) NULL,
    [Kind] nvarchar(32) NULL,
    [CustomerName] nvarchar(200) NULL,
    [Outcome] nvarchar(32) NOT NULL DEFAULT N'NotAnswered',
    [HoldCount] int NOT NULL DEFAULT 0,
    [OfferCount] int NOT NULL DEFAULT 0,
    [RonaCount] int NOT NULL DEFAULT 0,
    [AnsweredByUserId] uniqueidentifier NULL,
    [HasRecording] bit NOT NULL DEFAULT CAST(0 AS bit),
    [DialTaskId] uniqueidentifier NULL,
    CONSTRAINT [PK_CallRecords] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_CallRecords_Dispositions_DispositionId] FOREIGN KEY ([DispositionId]) REFERENCES [Dispositions] ([Id]),
    CONSTRAINT [FK_CallRecords_SkillGroups_SkillGroupId] FOREIGN KEY ([SkillGroupId]) REFERENCES [SkillGroups] ([Id]),
    CONSTRAINT [FK_CallRecords_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE
);
GO


CREATE TABLE [Callbacks] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [CustomerNumber] nvarchar(32) NOT NULL,
    [ContactId] uniqueidentifier NULL,
    [AssignedUserId] uniqueidentifier NULL,
    [SkillGroupId] uniqueidentifier NULL,
    [DueAt] datetime2 NOT NULL,
    [Status] nvarchar(32) NOT NULL,
    [Notes] nvarchar(2000) NULL,
    [CreatedByUserId] uniqueidentifier NULL,
    [CreatedAt] datetime2 NOT NULL,
    [CompletedAt] datetime2 NULL,
    [CallId] uniqueidentifier NULL,
    [TeamId] uniqueidentifier NULL,
    [Result] nvarchar(200) NULL,
    [ReminderSentAt] datetime2 NULL,
    [EscalatedAt] datetime2 NULL,
    CONSTRAINT [PK_Callbacks] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Callbacks_Contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [Contacts] ([Id]),
    CONSTRAINT [FK_Callbacks_SkillGroups_SkillGroupId] FOREIGN KEY ([SkillGroupId]) REFERENCES [SkillGroups] ([Id]),
    CONSTRAINT [FK_Callbacks_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_Callbacks_Users_AssignedUserId] FOREIGN KEY ([AssignedUserId]) REFERENCES [Users] ([Id])
);
GO


CREATE TABLE [ContactNumbers] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [ContactId] uniqueidentifier NOT NULL,
    [Number] nvarchar(32) NOT NULL,
    [NormalizedNumber] nvarchar(32) NOT NULL DEFAULT N'',
    [Unparsable] bit NOT NULL DEFAULT CAST(0 AS bit),
    [Position] int NOT NULL DEFAULT 0,
    [Label] nvarchar(32) NULL,
    CONSTRAINT [PK_ContactNumbers] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_ContactNumbers_Contacts_ContactId] FOREIGN KEY ([ContactId]) REFERENCES [Contacts] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_ContactNumbers_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id])
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


CREATE TABLE [CallAttachedData] (
    [CallId] uniqueidentifier NOT NULL,
    [Key] nvarchar(64) NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [Value] nvarchar(1000) NOT NULL,
    CONSTRAINT [PK_CallAttachedData] PRIMARY KEY ([CallId], [Key]),
    CONSTRAINT [FK_CallAttachedData_CallRecords_CallId] FOREIGN KEY ([CallId]) REFERENCES [CallRecords] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_CallAttachedData_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id])
);
GO


CREATE TABLE [CallGroupWaits] (
    [CallId] uniqueidentifier NOT NULL,
    [Seq] int NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [SkillGroupId] uniqueidentifier NOT NULL,
    [SkillGroupName] nvarchar(200) NOT NULL,
    [EnteredAt] datetime2 NOT NULL,
    [LeftAt] datetime2 NULL,
    [MovedOn] bit NOT NULL DEFAULT CAST(0 AS bit),
    CONSTRAINT [PK_CallGroupWaits] PRIMARY KEY ([CallId], [Seq]),
    CONSTRAINT [FK_CallGroupWaits_CallRecords_CallId] FOREIGN KEY ([CallId]) REFERENCES [CallRecords] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_CallGroupWaits_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id])
);
GO


CREATE TABLE [CallLegs] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [CallId] uniqueidentifier NOT NULL,
    [Role] nvarchar(32) NOT NULL,
    [UserId] uniqueidentifier NULL,
    [Endpoint] nvarchar(100) NULL,
    [ChannelId] nvarchar(100) NULL,
    [StartedAt] datetime2 NOT NULL,
    [AnsweredAt] datetime2 NULL,
    [EndedAt] datetime2 NULL,
    [EndReason] nvarchar(32) NULL,
    CONSTRAINT [PK_CallLegs] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_CallLegs_CallRecords_CallId] FOREIGN KEY ([CallId]) REFERENCES [CallRecords] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_CallLegs_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_CallLegs_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])
);
GO


CREATE TABLE [Recordings] (
    [Id] uniqueidentifier NOT NULL,
    [TenantId] uniqueidentifier NOT NULL,
    [CallId] uniqueidentifier NOT NULL,
    [UserId] uniqueidentifier NULL,
    [Type] nvarchar(32) NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Format] nvarchar(10) NOT NULL,
    [StartedAt] datetime2 NOT NULL,
    [EndedAt] datetime2 NULL,
    [DurationSeconds] int NOT NULL,
    [LegalHold] bit NOT NULL DEFAULT CAST(0 AS bit),
    CONSTRAINT [PK_Recordings] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Recordings_CallRecords_CallId] FOREIGN KEY ([CallId]) REFERENCES [CallRecords] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_Recordings_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]),
    CONSTRAINT [FK_Recordings_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])
);
GO


CREATE UNIQUE INDEX [IX_AgentProfiles_TenantId_Extension] ON [AgentProfiles] ([TenantId], [Extension]);
GO


CREATE INDEX [IX_AgentSessions_TenantId] ON [AgentSessions] ([TenantId]);
GO


CREATE INDEX [IX_AgentStateChanges_TenantId_UserId_At] ON [AgentStateChanges] ([TenantId], [UserId], [At]);
GO


CREATE INDEX [IX_AgentStateChanges_UserId] ON [AgentStateChanges] ([UserId]);
GO


CREATE UNIQUE INDEX [IX_ApiKeys_Prefix] ON [ApiKeys] ([Prefix]);
GO


CREATE INDEX [IX_ApiKeys_TenantId] ON [ApiKeys] ([TenantId]);
GO


CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
GO


CREATE INDEX [IX_AuditEntries_TenantId_At] ON [AuditEntries] ([TenantId], [At]);
GO


CREATE INDEX [IX_AuditEntries_TenantId_TargetType_TargetId] ON [AuditEntries] ([TenantId], [TargetType], [TargetId]);
GO


CREATE UNIQUE INDEX [IX_BlockedNumbers_TenantId_Number] ON [BlockedNumbers] ([TenantId], [Number]);
GO


CREATE UNIQUE INDEX [IX_CallAgentDispositions_CallId_UserId] ON [CallAgentDispositions] ([CallId], [UserId]) WHERE [UserId] IS NOT NULL;
GO


CREATE INDEX [IX_CallAgentDispositions_DispositionId] ON [CallAgentDispositions] ([DispositionId]);
GO


CREATE INDEX [IX_CallAgentDispositions_TenantId] ON [CallAgentDispositions] ([TenantId]);
GO


CREATE INDEX [IX_CallAgentDispositions_UserId] ON [CallAgentDispositions] ([UserId]);
GO


CREATE INDEX [IX_CallAttachedData_TenantId] ON [CallAttachedData] ([TenantId]);
GO


CREATE INDEX [IX_Callbacks_AssignedUserId] ON [Callbacks] ([AssignedUserId]);
GO


CREATE INDEX [IX_Callbacks_ContactId] ON [Callbacks] ([ContactId]);
GO


CREATE INDEX [IX_Callbacks_SkillGroupId] ON [Callbacks] ([SkillGroupId]);
GO


CREATE INDEX [IX_Callbacks_Status_DueAt] ON [Callbacks] ([Status], [DueAt]);
GO


CREATE INDEX [IX_Callbacks_TenantId_Status_DueAt] ON [Callbacks] ([TenantId], [Status], [DueAt]);
GO


CREATE INDEX [IX_Callbacks_TenantId_TeamId] ON [Callbacks] ([TenantId], [TeamId]);
GO


CREATE INDEX [IX_CallGroupWaits_Group] ON [CallGroupWaits] ([TenantId], [SkillGroupId], [MovedOn], [EnteredAt], [CallId]);
GO


CREATE INDEX [IX_CallLegs_CallId] ON [CallLegs] ([CallId]);
GO


CREATE INDEX [IX_CallLegs_ChannelId] ON [CallLegs] ([ChannelId]);
GO


CREATE INDEX [IX_CallLegs_TenantId_EndReason_StartedAt] ON [CallLegs] ([TenantId], [EndReason], [StartedAt]);
GO


CREATE INDEX [IX_CallLegs_TenantId_Role_StartedAt] ON [CallLegs] ([TenantId], [Role], [StartedAt]);
GO


CREATE INDEX [IX_CallLegs_TenantId_UserId_StartedAt] ON [CallLegs] ([TenantId], [UserId], [StartedAt]);
GO


CREATE INDEX [IX_CallLegs_UserId_CallId] ON [CallLegs] ([UserId], [CallId]);
GO


CREATE INDEX [IX_CallRecords_DispositionId] ON [CallRecords] ([DispositionId]);
GO


CREATE INDEX [IX_CallRecords_Open] ON [CallRecords] ([TenantId]) WHERE "EndedAt" IS NULL;
GO


CREATE INDEX [IX_CallRecords_Search] ON [CallRecords] ([CustomerNumber], [CustomerName]);
GO


CREATE INDEX [IX_CallRecords_SkillGroupId] ON [CallRecords] ([SkillGroupId]);
GO


CREATE INDEX [IX_CallRecords_TenantId_AnsweredByUserId_OfferedAt] ON [CallRecords] ([TenantId], [AnsweredByUserId], [OfferedAt]);
GO


CREATE INDEX [IX_CallRecords_TenantId_CustomerNumber] ON [CallRecords] ([TenantId], [CustomerNumber]);
GO


CREATE INDEX [IX_CallRecords_TenantId_DialTaskId] ON [CallRecords] ([TenantId], [DialTaskId]);
GO


CREATE INDEX [IX_CallRecords_TenantId_OfferedAt_Id] ON [CallRecords] ([TenantId], [OfferedAt], [Id]);
GO


CREATE INDEX [IX_CallRecords_TenantId_SkillGroupId_OfferedAt] ON [CallRecords] ([TenantId], [SkillGroupId], [OfferedAt]);
GO


CREATE INDEX [IX_ContactNumbers_ContactId] ON [ContactNumbers] ([ContactId]);
GO


CREATE INDEX [IX_ContactNumbers_Search] ON [ContactNumbers] ([Number], [NormalizedNumber]);
GO


CREATE INDEX [IX_ContactNumbers_TenantId_NormalizedNumber] ON [ContactNumbers] ([TenantId], [NormalizedNumber]);
GO


CREATE INDEX [IX_ContactNumbers_TenantId_Number] ON [ContactNumbers] ([TenantId], [Number]);
GO


CREATE INDEX [IX_Contacts_OwnerUserId] ON [Contacts] ([OwnerUserId]);
GO


CREATE INDEX [IX_Contacts_Search] ON [Contacts] ([Name]);
GO


CREATE INDEX [IX_Contacts_TeamId] ON [Contacts] ([TeamId]);
GO


CREATE INDEX [IX_Contacts_TenantId_OwnerUserId] ON [Contacts] ([TenantId], [OwnerUserId]);
GO


CREATE INDEX [IX_Contacts_TenantId_TeamId] ON [Contacts] ([TenantId], [TeamId]);
GO


CREATE INDEX [IX_DialTaskAgents_TenantId] ON [DialTaskAgents] ([TenantId]);
GO


CREATE INDEX [IX_DialTaskAgents_UserId] ON [DialTaskAgents] ([UserId]);
GO


CREATE INDEX [IX_DialTaskItems_CallId] ON [DialTaskItems] ([CallId]);
GO


CREATE UNIQUE INDEX [IX_DialTaskItems_ClaimedContact] ON [DialTaskItems] ([TenantId], [ContactId]) WHERE "Status" = 'Claimed' AND "ContactId" IS NOT NULL;
GO


CREATE UNIQUE INDEX [IX_DialTaskItems_ClaimedNumber] ON [DialTaskItems] ([TenantId], [Number]) WHERE "Status" = 'Claimed';
GO


CREATE INDEX [IX_DialTaskItems_ContactId] ON [DialTaskItems] ([ContactId]);
GO


CREATE INDEX [IX_DialTaskItems_DialTaskId_Status_Position] ON [DialTaskItems] ([DialTaskId], [Status], [Position]);
GO


CREATE INDEX [IX_DialTaskItems_TenantId_Number_Status] ON [DialTaskItems] ([TenantId], [Number], [Status]);
GO


CREATE INDEX [IX_DialTasks_OwnerUserId] ON [DialTasks] ([OwnerUserId]);
GO


CREATE INDEX [IX_DialTasks_Status] ON [DialTasks] ([Status]);
GO


CREATE INDEX [IX_DialTasks_TenantId_Status] ON [DialTasks] ([TenantId], [Status]);
GO


CREATE INDEX [IX_Dispositions_SkillGroupId] ON [Dispositions] ([SkillGroupId]);
GO


CREATE UNIQUE INDEX [IX_Dispositions_TenantId_Code] ON [Dispositions] ([TenantId], [Code]);
GO


CREATE INDEX [IX_OutboundCallerIds_TeamId] ON [OutboundCallerIds] ([TeamId]);
GO


CREATE INDEX [IX_OutboundCallerIds_TenantId_Number] ON [OutboundCallerIds] ([TenantId], [Number]);
GO


CREATE UNIQUE INDEX [IX_PauseReasons_TenantId_Code] ON [PauseReasons] ([TenantId], [Code]) WHERE [Code] IS NOT NULL;
GO


CREATE UNIQUE INDEX [IX_PauseReasons_TenantId_Name] ON [PauseReasons] ([TenantId], [Name]);
GO


CREATE UNIQUE INDEX [IX_PauseReasons_TenantId_SystemKey] ON [PauseReasons] ([TenantId], [SystemKey]) WHERE [SystemKey] IS NOT NULL;
GO


CREATE UNIQUE INDEX [IX_Phones_EndpointName] ON [Phones] ([EndpointName]);
GO


CREATE INDEX [IX_Phones_TenantId_Extension] ON [Phones] ([TenantId], [Extension]);
GO


CREATE INDEX [IX_Recordings_CallId] ON [Recordings] ([CallId]);
GO


CREATE INDEX [IX_Recordings_TenantId_StartedAt] ON [Recordings] ([TenantId], [StartedAt]);
GO


CREATE INDEX [IX_Recordings_UserId] ON [Recordings] ([UserId]);
GO


CREATE INDEX [IX_RefreshTokens_TenantId] ON [RefreshTokens] ([TenantId]);
GO


CREATE UNIQUE INDEX [IX_RefreshTokens_TokenHash] ON [RefreshTokens] ([TokenHash]);
GO


CREATE INDEX [IX_RefreshTokens_UserId] ON [RefreshTokens] ([UserId]);
GO


CREATE UNIQUE INDEX [IX_SelfServiceFlows_TenantId_Name] ON [SelfServiceFlows] ([TenantId], [Name]);
GO


CREATE INDEX [IX_SkillGroupMemberships_TenantId_UserId] ON [SkillGroupMemberships] ([TenantId], [UserId]);
GO


CREATE INDEX [IX_SkillGroupMemberships_UserId] ON [SkillGroupMemberships] ([UserId]);
GO


CREATE INDEX [IX_SkillGroups_OverflowSkillGroupId] ON [SkillGroups] ([OverflowSkillGroupId]);
GO


CREATE UNIQUE INDEX [IX_SkillGroups_TenantId_Name] ON [SkillGroups] ([TenantId], [Name]);
GO


CREATE UNIQUE INDEX [IX_SkillGroups_TenantId_Number] ON [SkillGroups] ([TenantId], [Number]) WHERE [Number] IS NOT NULL;
GO


CREATE INDEX [IX_TeamMembers_TenantId] ON [TeamMembers] ([TenantId]);
GO


CREATE INDEX [IX_TeamMembers_UserId] ON [TeamMembers] ([UserId]);
GO


CREATE UNIQUE INDEX [IX_Teams_TenantId_Name] ON [Teams] ([TenantId], [Name]);
GO


CREATE INDEX [IX_TeamSupervisors_TenantId] ON [TeamSupervisors] ([TenantId]);
GO


CREATE INDEX [IX_TeamSupervisors_UserId] ON [TeamSupervisors] ([UserId]);
GO


CREATE UNIQUE INDEX [IX_Tenants_Domain] ON [Tenants] ([Domain]);
GO


CREATE UNIQUE INDEX [IX_Users_TenantId_AgentNumber] ON [Users] ([TenantId], [AgentNumber]) WHERE [AgentNumber] IS NOT NULL;
GO


CREATE UNIQUE INDEX [IX_Users_TenantId_Email] ON [Users] ([TenantId], [Email]) WHERE [Email] IS NOT NULL;
GO


CREATE UNIQUE INDEX [IX_Users_TenantId_Username] ON [Users] ([TenantId], [Username]);
GO


CREATE UNIQUE INDEX [IX_WallboardKeys_Prefix] ON [WallboardKeys] ([Prefix]);
GO


CREATE INDEX [IX_WallboardKeys_TenantId] ON [WallboardKeys] ([TenantId]);
GO


CREATE INDEX [IX_WebhookDeliveries_EndpointId] ON [WebhookDeliveries] ([EndpointId]);
GO


CREATE INDEX [IX_WebhookDeliveries_Status_NextAttemptAt] ON [WebhookDeliveries] ([Status], [NextAttemptAt]);
GO


CREATE INDEX [IX_WebhookDeliveries_TenantId] ON [WebhookDeliveries] ([TenantId]);
GO


CREATE INDEX [IX_WebhookEndpoints_TenantId] ON [WebhookEndpoints] ([TenantId]);
GO
