-- Schema version 1 (PostgreSQL): the initial schema. Generated once from the EF model with
-- Database.GenerateCreateScript() and frozen here; later versions are hand-written ALTERs.

CREATE TABLE "Tenants" (
    "Id" uuid NOT NULL,
    "Domain" character varying(63) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Enabled" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Settings_AttachedDataKeys" character varying(1000) NOT NULL,
    "Settings_DefaultMusicOnHoldClass" character varying(80) NOT NULL,
    "Settings_DeviceUnavailableAutoReturn" boolean NOT NULL,
    "Settings_DirectCallsRequireReady" boolean NOT NULL,
    "Settings_NoAgentRule" character varying(32) NOT NULL,
    "Settings_NotificationsEnabled" boolean NOT NULL,
    "Settings_NumberMaskingRule" character varying(64) NOT NULL,
    "Settings_RecordingPolicy" character varying(32) NOT NULL,
    "Settings_WrapUpDefaultSeconds" integer NOT NULL,
    CONSTRAINT "PK_Tenants" PRIMARY KEY ("Id")
);


CREATE TABLE "ApiKeys" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Prefix" character varying(16) NOT NULL,
    "KeyHash" character varying(64) NOT NULL,
    "Scopes" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone,
    "RevokedAt" timestamp with time zone,
    "LastUsedAt" timestamp with time zone,
    CONSTRAINT "PK_ApiKeys" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiKeys_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "BlockedNumbers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Number" character varying(32) NOT NULL,
    "Direction" character varying(32) NOT NULL,
    "Note" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_BlockedNumbers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BlockedNumbers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "PauseReasons" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Code" integer,
    "Name" character varying(50) NOT NULL,
    "IsSystem" boolean NOT NULL,
    "SystemKey" character varying(32),
    "Enabled" boolean NOT NULL,
    CONSTRAINT "PK_PauseReasons" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PauseReasons_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Phones" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "EndpointName" character varying(100) NOT NULL,
    "Extension" character varying(20) NOT NULL,
    "Description" character varying(200),
    "HotDesk" boolean NOT NULL,
    CONSTRAINT "PK_Phones" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Phones_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "SkillGroups" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Number" character varying(32),
    "MaxWaitSeconds" integer,
    "OverflowSkillGroupId" uuid,
    "OverflowDestination" character varying(64),
    "AnnouncePosition" boolean NOT NULL,
    "AnnounceIntervalSeconds" integer NOT NULL,
    "RingTimeoutSeconds" integer NOT NULL,
    "NoAgentRule" character varying(32) NOT NULL,
    "FallbackDestination" character varying(64),
    "BusinessHours" character varying(4000),
    "ClosedDestination" character varying(64),
    "MusicOnHoldClass" character varying(80),
    CONSTRAINT "PK_SkillGroups" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SkillGroups_SkillGroups_OverflowSkillGroupId" FOREIGN KEY ("OverflowSkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_SkillGroups_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Teams" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    CONSTRAINT "PK_Teams" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Teams_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Users" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Username" character varying(64) NOT NULL,
    "Email" character varying(254),
    "AgentNumber" character varying(20),
    "DisplayName" character varying(100) NOT NULL,
    "Roles" integer NOT NULL,
    "IsPlatformAdmin" boolean NOT NULL,
    "PasswordHash" character varying(256) NOT NULL,
    "Enabled" boolean NOT NULL,
    "FailedLoginCount" integer NOT NULL,
    "LockedUntil" timestamp with time zone,
    "PasswordChangedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastLoginAt" timestamp with time zone,
    CONSTRAINT "PK_Users" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Users_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "WebhookEndpoints" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Url" character varying(2000) NOT NULL,
    "Secret" character varying(200) NOT NULL,
    "EventTypes" character varying(2000) NOT NULL,
    "Enabled" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_WebhookEndpoints" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WebhookEndpoints_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Dispositions" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Code" character varying(32) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "SkillGroupId" uuid,
    "Enabled" boolean NOT NULL,
    CONSTRAINT "PK_Dispositions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Dispositions_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Dispositions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AgentProfiles" (
    "UserId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Extension" character varying(20) NOT NULL,
    "ExtensionKind" character varying(32) NOT NULL,
    "IvrPinHash" character varying(256),
    "WrapUpSeconds" integer,
    "AcwMode" character varying(32) NOT NULL,
    "WorkingMode" character varying(32) NOT NULL,
    "AutoAnswer" boolean NOT NULL,
    "MobileNumber" character varying(32),
    "HotDesking" boolean NOT NULL,
    CONSTRAINT "PK_AgentProfiles" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_AgentProfiles_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgentProfiles_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AgentStateChanges" (
    "Id" bigint GENERATED BY DEFAULT AS IDENTITY,
    "TenantId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "From" character varying(32) NOT NULL,
    "To" character varying(32) NOT NULL,
    "Reason" character varying(100),
    "PauseReasonId" uuid,
    "Pending" boolean NOT NULL,
    "CallId" uuid,
    CONSTRAINT "PK_AgentStateChanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AgentStateChanges_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgentStateChanges_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Contacts" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OwnerUserId" uuid,
    "Shared" boolean NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Company" character varying(200),
    "Email" character varying(254),
    "Notes" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Contacts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Contacts_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Contacts_Users_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "DialTasks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "OwnerUserId" uuid,
    "SkillGroupId" uuid,
    "Status" character varying(32) NOT NULL,
    "MaxAttempts" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "StartAt" timestamp with time zone,
    "EndAt" timestamp with time zone,
    CONSTRAINT "PK_DialTasks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DialTasks_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DialTasks_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTasks_Users_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "RefreshTokens" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    "ReplacedById" uuid,
    CONSTRAINT "PK_RefreshTokens" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RefreshTokens_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RefreshTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "SkillGroupMemberships" (
    "SkillGroupId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Priority" integer NOT NULL,
    CONSTRAINT "PK_SkillGroupMemberships" PRIMARY KEY ("SkillGroupId", "UserId"),
    CONSTRAINT "FK_SkillGroupMemberships_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SkillGroupMemberships_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SkillGroupMemberships_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "TeamMembers" (
    "TeamId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_TeamMembers" PRIMARY KEY ("TeamId", "UserId"),
    CONSTRAINT "FK_TeamMembers_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamMembers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamMembers_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "TeamSupervisors" (
    "TeamId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_TeamSupervisors" PRIMARY KEY ("TeamId", "UserId"),
    CONSTRAINT "FK_TeamSupervisors_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamSupervisors_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamSupervisors_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "WebhookDeliveries" (
    "Id" bigint GENERATED BY DEFAULT AS IDENTITY,
    "TenantId" uuid NOT NULL,
    "EndpointId" uuid NOT NULL,
    "EventType" character varying(100) NOT NULL,
    "Payload" text NOT NULL,
    "Status" character varying(32) NOT NULL,
    "Attempts" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone,
    "DeliveredAt" timestamp with time zone,
    "LastError" character varying(2000),
    CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WebhookDeliveries_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WebhookDeliveries_WebhookEndpoints_EndpointId" FOREIGN KEY ("EndpointId") REFERENCES "WebhookEndpoints" ("Id") ON DELETE CASCADE
);


CREATE TABLE "CallRecords" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Direction" character varying(32) NOT NULL,
    "SkillGroupId" uuid,
    "CustomerNumber" character varying(32) NOT NULL,
    "DialedNumber" character varying(32),
    "OfferedAt" timestamp with time zone NOT NULL,
    "AnsweredAt" timestamp with time zone,
    "EndedAt" timestamp with time zone,
    "WaitSeconds" integer NOT NULL,
    "RingSeconds" integer NOT NULL,
    "TalkSeconds" integer NOT NULL,
    "HoldSeconds" integer NOT NULL,
    "EndReason" character varying(32),
    "DispositionId" uuid,
    "Remarks" character varying(2000),
    CONSTRAINT "PK_CallRecords" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CallRecords_Dispositions_DispositionId" FOREIGN KEY ("DispositionId") REFERENCES "Dispositions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_CallRecords_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_CallRecords_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Callbacks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CustomerNumber" character varying(32) NOT NULL,
    "ContactId" uuid,
    "AssignedUserId" uuid,
    "SkillGroupId" uuid,
    "DueAt" timestamp with time zone NOT NULL,
    "Status" character varying(32) NOT NULL,
    "Notes" character varying(2000),
    "CreatedByUserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CompletedAt" timestamp with time zone,
    "CallId" uuid,
    CONSTRAINT "PK_Callbacks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Callbacks_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Callbacks_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Callbacks_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Callbacks_Users_AssignedUserId" FOREIGN KEY ("AssignedUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "ContactNumbers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ContactId" uuid NOT NULL,
    "Number" character varying(32) NOT NULL,
    "Label" character varying(32),
    CONSTRAINT "PK_ContactNumbers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ContactNumbers_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContactNumbers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "DialTaskItems" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "DialTaskId" uuid NOT NULL,
    "Number" character varying(32) NOT NULL,
    "ContactId" uuid,
    "Status" character varying(32) NOT NULL,
    "Attempts" integer NOT NULL,
    "LastAttemptAt" timestamp with time zone,
    "CallId" uuid,
    "Result" character varying(100),
    CONSTRAINT "PK_DialTaskItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DialTaskItems_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DialTaskItems_DialTasks_DialTaskId" FOREIGN KEY ("DialTaskId") REFERENCES "DialTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskItems_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "CallAttachedData" (
    "CallId" uuid NOT NULL,
    "Key" character varying(64) NOT NULL,
    "TenantId" uuid NOT NULL,
    "Value" character varying(1000) NOT NULL,
    CONSTRAINT "PK_CallAttachedData" PRIMARY KEY ("CallId", "Key"),
    CONSTRAINT "FK_CallAttachedData_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallAttachedData_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);


CREATE TABLE "CallLegs" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CallId" uuid NOT NULL,
    "Role" character varying(32) NOT NULL,
    "UserId" uuid,
    "Endpoint" character varying(100),
    "ChannelId" character varying(100),
    "StartedAt" timestamp with time zone NOT NULL,
    "AnsweredAt" timestamp with time zone,
    "EndedAt" timestamp with time zone,
    "EndReason" character varying(32),
    CONSTRAINT "PK_CallLegs" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CallLegs_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallLegs_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallLegs_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Recordings" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CallId" uuid NOT NULL,
    "UserId" uuid,
    "Type" character varying(32) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Format" character varying(10) NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    "DurationSeconds" integer NOT NULL,
    CONSTRAINT "PK_Recordings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Recordings_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Recordings_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Recordings_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);


CREATE UNIQUE INDEX "IX_AgentProfiles_TenantId_Extension" ON "AgentProfiles" ("TenantId", "Extension");


CREATE INDEX "IX_AgentStateChanges_TenantId_UserId_At" ON "AgentStateChanges" ("TenantId", "UserId", "At");


CREATE INDEX "IX_AgentStateChanges_UserId" ON "AgentStateChanges" ("UserId");


CREATE UNIQUE INDEX "IX_ApiKeys_Prefix" ON "ApiKeys" ("Prefix");


CREATE INDEX "IX_ApiKeys_TenantId" ON "ApiKeys" ("TenantId");


CREATE UNIQUE INDEX "IX_BlockedNumbers_TenantId_Number" ON "BlockedNumbers" ("TenantId", "Number");


CREATE INDEX "IX_CallAttachedData_TenantId" ON "CallAttachedData" ("TenantId");


CREATE INDEX "IX_Callbacks_AssignedUserId" ON "Callbacks" ("AssignedUserId");


CREATE INDEX "IX_Callbacks_ContactId" ON "Callbacks" ("ContactId");


CREATE INDEX "IX_Callbacks_SkillGroupId" ON "Callbacks" ("SkillGroupId");


CREATE INDEX "IX_Callbacks_TenantId_Status_DueAt" ON "Callbacks" ("TenantId", "Status", "DueAt");


CREATE INDEX "IX_CallLegs_CallId" ON "CallLegs" ("CallId");


CREATE INDEX "IX_CallLegs_ChannelId" ON "CallLegs" ("ChannelId");


CREATE INDEX "IX_CallLegs_TenantId_UserId_StartedAt" ON "CallLegs" ("TenantId", "UserId", "StartedAt");


CREATE INDEX "IX_CallLegs_UserId" ON "CallLegs" ("UserId");


CREATE INDEX "IX_CallRecords_DispositionId" ON "CallRecords" ("DispositionId");


CREATE INDEX "IX_CallRecords_SkillGroupId" ON "CallRecords" ("SkillGroupId");


CREATE INDEX "IX_CallRecords_TenantId_CustomerNumber" ON "CallRecords" ("TenantId", "CustomerNumber");


CREATE INDEX "IX_CallRecords_TenantId_OfferedAt" ON "CallRecords" ("TenantId", "OfferedAt");


CREATE INDEX "IX_ContactNumbers_ContactId" ON "ContactNumbers" ("ContactId");


CREATE INDEX "IX_ContactNumbers_TenantId_Number" ON "ContactNumbers" ("TenantId", "Number");


CREATE INDEX "IX_Contacts_OwnerUserId" ON "Contacts" ("OwnerUserId");


CREATE INDEX "IX_Contacts_TenantId_OwnerUserId" ON "Contacts" ("TenantId", "OwnerUserId");


CREATE INDEX "IX_DialTaskItems_ContactId" ON "DialTaskItems" ("ContactId");


CREATE INDEX "IX_DialTaskItems_DialTaskId_Status" ON "DialTaskItems" ("DialTaskId", "Status");


CREATE INDEX "IX_DialTaskItems_TenantId" ON "DialTaskItems" ("TenantId");


CREATE INDEX "IX_DialTasks_OwnerUserId" ON "DialTasks" ("OwnerUserId");


CREATE INDEX "IX_DialTasks_SkillGroupId" ON "DialTasks" ("SkillGroupId");


CREATE INDEX "IX_DialTasks_TenantId_Status" ON "DialTasks" ("TenantId", "Status");


CREATE INDEX "IX_Dispositions_SkillGroupId" ON "Dispositions" ("SkillGroupId");


CREATE UNIQUE INDEX "IX_Dispositions_TenantId_Code" ON "Dispositions" ("TenantId", "Code");


CREATE UNIQUE INDEX "IX_PauseReasons_TenantId_Code" ON "PauseReasons" ("TenantId", "Code");


CREATE UNIQUE INDEX "IX_PauseReasons_TenantId_Name" ON "PauseReasons" ("TenantId", "Name");


CREATE UNIQUE INDEX "IX_PauseReasons_TenantId_SystemKey" ON "PauseReasons" ("TenantId", "SystemKey");


CREATE UNIQUE INDEX "IX_Phones_TenantId_EndpointName" ON "Phones" ("TenantId", "EndpointName");


CREATE INDEX "IX_Phones_TenantId_Extension" ON "Phones" ("TenantId", "Extension");


CREATE INDEX "IX_Recordings_CallId" ON "Recordings" ("CallId");


CREATE INDEX "IX_Recordings_TenantId_StartedAt" ON "Recordings" ("TenantId", "StartedAt");


CREATE INDEX "IX_Recordings_UserId" ON "Recordings" ("UserId");


CREATE INDEX "IX_RefreshTokens_TenantId" ON "RefreshTokens" ("TenantId");


CREATE UNIQUE INDEX "IX_RefreshTokens_TokenHash" ON "RefreshTokens" ("TokenHash");


CREATE INDEX "IX_RefreshTokens_UserId" ON "RefreshTokens" ("UserId");


CREATE INDEX "IX_SkillGroupMemberships_TenantId_UserId" ON "SkillGroupMemberships" ("TenantId", "UserId");


CREATE INDEX "IX_SkillGroupMemberships_UserId" ON "SkillGroupMemberships" ("UserId");


CREATE INDEX "IX_SkillGroups_OverflowSkillGroupId" ON "SkillGroups" ("OverflowSkillGroupId");


CREATE UNIQUE INDEX "IX_SkillGroups_TenantId_Name" ON "SkillGroups" ("TenantId", "Name");


CREATE UNIQUE INDEX "IX_SkillGroups_TenantId_Number" ON "SkillGroups" ("TenantId", "Number");


CREATE INDEX "IX_TeamMembers_TenantId" ON "TeamMembers" ("TenantId");


CREATE INDEX "IX_TeamMembers_UserId" ON "TeamMembers" ("UserId");


CREATE UNIQUE INDEX "IX_Teams_TenantId_Name" ON "Teams" ("TenantId", "Name");


CREATE INDEX "IX_TeamSupervisors_TenantId" ON "TeamSupervisors" ("TenantId");


CREATE INDEX "IX_TeamSupervisors_UserId" ON "TeamSupervisors" ("UserId");


CREATE UNIQUE INDEX "IX_Tenants_Domain" ON "Tenants" ("Domain");


CREATE UNIQUE INDEX "IX_Users_TenantId_AgentNumber" ON "Users" ("TenantId", "AgentNumber");


CREATE UNIQUE INDEX "IX_Users_TenantId_Email" ON "Users" ("TenantId", "Email");


CREATE UNIQUE INDEX "IX_Users_TenantId_Username" ON "Users" ("TenantId", "Username");


CREATE INDEX "IX_WebhookDeliveries_EndpointId" ON "WebhookDeliveries" ("EndpointId");


CREATE INDEX "IX_WebhookDeliveries_Status_NextAttemptAt" ON "WebhookDeliveries" ("Status", "NextAttemptAt");


CREATE INDEX "IX_WebhookDeliveries_TenantId" ON "WebhookDeliveries" ("TenantId");


CREATE INDEX "IX_WebhookEndpoints_TenantId" ON "WebhookEndpoints" ("TenantId");


