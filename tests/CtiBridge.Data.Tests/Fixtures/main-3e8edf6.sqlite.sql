-- A SQLite database made by CtiBridge at commit 3e8edf6 (schema versions 1-2, the integer-versioned migrator):
-- the sandbox Api started on an empty file (demo tenant seeded), agent1 signed in and logged in Ready,
-- then stopped; dumped with `sqlite3 FILE .dump`. Read by UpgradeFromIntegerVersionsTests.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE __schema_versions (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
INSERT INTO __schema_versions VALUES(1,'initial','2026-12-05T16:50:10.4247517Z');
INSERT INTO __schema_versions VALUES(2,'agent_sessions','2026-12-05T16:50:10.4429044Z');
CREATE TABLE IF NOT EXISTS "Tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY,
    "Domain" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Settings_AttachedDataKeys" TEXT NOT NULL,
    "Settings_DefaultMusicOnHoldClass" TEXT NOT NULL,
    "Settings_DeviceUnavailableAutoReturn" INTEGER NOT NULL,
    "Settings_DirectCallsRequireReady" INTEGER NOT NULL,
    "Settings_NoAgentRule" TEXT NOT NULL,
    "Settings_NotificationsEnabled" INTEGER NOT NULL,
    "Settings_NumberMaskingRule" TEXT NOT NULL,
    "Settings_RecordingPolicy" TEXT NOT NULL,
    "Settings_WrapUpDefaultSeconds" INTEGER NOT NULL
);
INSERT INTO Tenants VALUES('CBD2243A-B12E-481A-9F8E-335D3545DC10','demo','Demo Company',1,'2026-12-05 16:50:12.2694355','["orderId","customerName","language"]','default',1,0,'KeepWaiting',1,'','OnDemand',30);
CREATE TABLE IF NOT EXISTS "ApiKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "Scopes" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_ApiKeys_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "BlockedNumbers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BlockedNumbers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_BlockedNumbers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "PauseReasons" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PauseReasons" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Code" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "IsSystem" INTEGER NOT NULL,
    "SystemKey" TEXT NULL,
    "Enabled" INTEGER NOT NULL,
    CONSTRAINT "FK_PauseReasons_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
INSERT INTO PauseReasons VALUES('22516F2D-4050-47FE-8043-D99FF0C45E8D','CBD2243A-B12E-481A-9F8E-335D3545DC10',3,'Meeting',0,NULL,1);
INSERT INTO PauseReasons VALUES('22CD78EA-85B9-42BC-8E26-439622673D5D','CBD2243A-B12E-481A-9F8E-335D3545DC10',1,'Break',0,NULL,1);
INSERT INTO PauseReasons VALUES('300FC9D1-BD08-49BA-8DC7-818BE4FF0EB9','CBD2243A-B12E-481A-9F8E-335D3545DC10',NULL,'Missed',1,'missed',1);
INSERT INTO PauseReasons VALUES('3C772F09-964A-4B7C-BF9F-FE9AA8E6AFCE','CBD2243A-B12E-481A-9F8E-335D3545DC10',4,'Training',0,NULL,1);
INSERT INTO PauseReasons VALUES('6302CC8A-9015-4E7D-82EE-E6243430153C','CBD2243A-B12E-481A-9F8E-335D3545DC10',NULL,'Device unavailable',1,'device_unavailable',1);
INSERT INTO PauseReasons VALUES('EF93023F-FB57-4EA9-915F-111AD24E138B','CBD2243A-B12E-481A-9F8E-335D3545DC10',2,'Lunch',0,NULL,1);
CREATE TABLE IF NOT EXISTS "Phones" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Phones" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "EndpointName" TEXT NOT NULL,
    "Extension" TEXT NOT NULL,
    "Description" TEXT NULL,
    "HotDesk" INTEGER NOT NULL,
    CONSTRAINT "FK_Phones_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "SkillGroups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SkillGroups" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Number" TEXT NULL,
    "MaxWaitSeconds" INTEGER NULL,
    "OverflowSkillGroupId" TEXT NULL,
    "OverflowDestination" TEXT NULL,
    "AnnouncePosition" INTEGER NOT NULL,
    "AnnounceIntervalSeconds" INTEGER NOT NULL,
    "RingTimeoutSeconds" INTEGER NOT NULL,
    "NoAgentRule" TEXT NOT NULL,
    "FallbackDestination" TEXT NULL,
    "BusinessHours" TEXT NULL,
    "ClosedDestination" TEXT NULL,
    "MusicOnHoldClass" TEXT NULL,
    CONSTRAINT "FK_SkillGroups_SkillGroups_OverflowSkillGroupId" FOREIGN KEY ("OverflowSkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_SkillGroups_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
INSERT INTO SkillGroups VALUES('6253FF97-0004-4260-BACC-8A01BBBD5931','CBD2243A-B12E-481A-9F8E-335D3545DC10','Support','801',NULL,NULL,NULL,0,60,20,'KeepWaiting',NULL,NULL,NULL,NULL);
INSERT INTO SkillGroups VALUES('F646599D-B6BC-4D4E-986D-BBBDC979A1DE','CBD2243A-B12E-481A-9F8E-335D3545DC10','Sales','800',NULL,NULL,NULL,0,60,20,'KeepWaiting',NULL,NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "Teams" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Teams" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Teams_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
INSERT INTO Teams VALUES('E9852EA1-2689-4919-8A13-0ADF9B6F3F4D','CBD2243A-B12E-481A-9F8E-335D3545DC10','Team A');
CREATE TABLE IF NOT EXISTS "Users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Username" TEXT NOT NULL,
    "Email" TEXT NULL,
    "AgentNumber" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "Roles" INTEGER NOT NULL,
    "IsPlatformAdmin" INTEGER NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "FailedLoginCount" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "PasswordChangedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastLoginAt" TEXT NULL,
    CONSTRAINT "FK_Users_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
INSERT INTO Users VALUES('042E83E6-2C46-4D64-823C-DC15105B5BCF','CBD2243A-B12E-481A-9F8E-335D3545DC10','super','super@demo.example',NULL,'Sam Supervisor',2,0,'pbkdf2-sha256$210000$l2/oBEF9Pad31Ah7ZfUTGA==$NBTb1OPxKVPHE0Hhg3YZ6OZYwdBIS4Z0ZQX0uFWIBrk=',1,0,NULL,'2026-12-05 16:50:12.2694355','2026-12-05 16:50:12.2694355',NULL);
INSERT INTO Users VALUES('3171172D-D8B6-4C1B-8946-0BFDDA8B59D7','CBD2243A-B12E-481A-9F8E-335D3545DC10','admin','admin@demo.example',NULL,'Demo Admin',4,1,'pbkdf2-sha256$210000$l2/oBEF9Pad31Ah7ZfUTGA==$NBTb1OPxKVPHE0Hhg3YZ6OZYwdBIS4Z0ZQX0uFWIBrk=',1,0,NULL,'2026-12-05 16:50:12.2694355','2026-12-05 16:50:12.2694355',NULL);
INSERT INTO Users VALUES('453FD4F7-30FB-482B-8795-0BA9EED0A063','CBD2243A-B12E-481A-9F8E-335D3545DC10','agent1','agent1@demo.example','1001','Agent 1',1,0,'pbkdf2-sha256$210000$l2/oBEF9Pad31Ah7ZfUTGA==$NBTb1OPxKVPHE0Hhg3YZ6OZYwdBIS4Z0ZQX0uFWIBrk=',1,0,NULL,'2026-12-05 16:50:12.2694355','2026-12-05 16:50:12.2694355','2026-12-05 16:50:21.1591996');
INSERT INTO Users VALUES('5181FCF8-C5C1-4FD6-ABAA-4E2187A78099','CBD2243A-B12E-481A-9F8E-335D3545DC10','agent3','agent3@demo.example','1003','Agent 3',1,0,'pbkdf2-sha256$210000$l2/oBEF9Pad31Ah7ZfUTGA==$NBTb1OPxKVPHE0Hhg3YZ6OZYwdBIS4Z0ZQX0uFWIBrk=',1,0,NULL,'2026-12-05 16:50:12.2694355','2026-12-05 16:50:12.2694355',NULL);
INSERT INTO Users VALUES('D7799D3A-53E1-4634-A019-1B013909770F','CBD2243A-B12E-481A-9F8E-335D3545DC10','agent2','agent2@demo.example','1002','Agent 2',1,0,'pbkdf2-sha256$210000$l2/oBEF9Pad31Ah7ZfUTGA==$NBTb1OPxKVPHE0Hhg3YZ6OZYwdBIS4Z0ZQX0uFWIBrk=',1,0,NULL,'2026-12-05 16:50:12.2694355','2026-12-05 16:50:12.2694355',NULL);
CREATE TABLE IF NOT EXISTS "WebhookEndpoints" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WebhookEndpoints" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "EventTypes" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_WebhookEndpoints_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Dispositions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Dispositions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SkillGroupId" TEXT NULL,
    "Enabled" INTEGER NOT NULL,
    CONSTRAINT "FK_Dispositions_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Dispositions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AgentProfiles" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_AgentProfiles" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Extension" TEXT NOT NULL,
    "ExtensionKind" TEXT NOT NULL,
    "IvrPinHash" TEXT NULL,
    "WrapUpSeconds" INTEGER NULL,
    "AcwMode" TEXT NOT NULL,
    "WorkingMode" TEXT NOT NULL,
    "AutoAnswer" INTEGER NOT NULL,
    "MobileNumber" TEXT NULL,
    "HotDesking" INTEGER NOT NULL,
    CONSTRAINT "FK_AgentProfiles_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgentProfiles_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
INSERT INTO AgentProfiles VALUES('453FD4F7-30FB-482B-8795-0BA9EED0A063','CBD2243A-B12E-481A-9F8E-335D3545DC10','1001','Web',NULL,NULL,'AfterAnswered','Both',0,NULL,0);
INSERT INTO AgentProfiles VALUES('5181FCF8-C5C1-4FD6-ABAA-4E2187A78099','CBD2243A-B12E-481A-9F8E-335D3545DC10','1003','Web',NULL,NULL,'AfterAnswered','Both',0,NULL,0);
INSERT INTO AgentProfiles VALUES('D7799D3A-53E1-4634-A019-1B013909770F','CBD2243A-B12E-481A-9F8E-335D3545DC10','1002','Web',NULL,NULL,'AfterAnswered','Both',0,NULL,0);
CREATE TABLE IF NOT EXISTS "AgentStateChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgentStateChanges" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "PauseReasonId" TEXT NULL,
    "Pending" INTEGER NOT NULL,
    "CallId" TEXT NULL,
    CONSTRAINT "FK_AgentStateChanges_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgentStateChanges_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
INSERT INTO AgentStateChanges VALUES(1,'CBD2243A-B12E-481A-9F8E-335D3545DC10','453FD4F7-30FB-482B-8795-0BA9EED0A063','2026-12-05 16:50:22.6127045','LoggedOut','Ready',NULL,NULL,0,NULL);
CREATE TABLE IF NOT EXISTS "Contacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Contacts" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OwnerUserId" TEXT NULL,
    "Shared" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Company" TEXT NULL,
    "Email" TEXT NULL,
    "Notes" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Contacts_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Contacts_Users_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "DialTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DialTasks" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "OwnerUserId" TEXT NULL,
    "SkillGroupId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "MaxAttempts" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartAt" TEXT NULL,
    "EndAt" TEXT NULL,
    CONSTRAINT "FK_DialTasks_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DialTasks_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTasks_Users_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "RefreshTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RefreshTokens" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "ReplacedById" TEXT NULL,
    CONSTRAINT "FK_RefreshTokens_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RefreshTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
INSERT INTO RefreshTokens VALUES('C01EEFB8-C2E9-4FA7-B228-4346A862E194','CBD2243A-B12E-481A-9F8E-335D3545DC10','453FD4F7-30FB-482B-8795-0BA9EED0A063','2D929F935BFBD04454E45FB5821764FD1FEFECE05BFC64067827DC6B5A219AF2','2026-12-05 16:50:21.1591996','2026-12-12 16:50:21.1591996',NULL,NULL);
CREATE TABLE IF NOT EXISTS "SkillGroupMemberships" (
    "SkillGroupId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    "Priority" INTEGER NOT NULL,
    CONSTRAINT "PK_SkillGroupMemberships" PRIMARY KEY ("SkillGroupId", "UserId"),
    CONSTRAINT "FK_SkillGroupMemberships_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SkillGroupMemberships_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SkillGroupMemberships_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
INSERT INTO SkillGroupMemberships VALUES('6253FF97-0004-4260-BACC-8A01BBBD5931','5181FCF8-C5C1-4FD6-ABAA-4E2187A78099','CBD2243A-B12E-481A-9F8E-335D3545DC10',1);
INSERT INTO SkillGroupMemberships VALUES('6253FF97-0004-4260-BACC-8A01BBBD5931','D7799D3A-53E1-4634-A019-1B013909770F','CBD2243A-B12E-481A-9F8E-335D3545DC10',2);
INSERT INTO SkillGroupMemberships VALUES('F646599D-B6BC-4D4E-986D-BBBDC979A1DE','453FD4F7-30FB-482B-8795-0BA9EED0A063','CBD2243A-B12E-481A-9F8E-335D3545DC10',1);
INSERT INTO SkillGroupMemberships VALUES('F646599D-B6BC-4D4E-986D-BBBDC979A1DE','D7799D3A-53E1-4634-A019-1B013909770F','CBD2243A-B12E-481A-9F8E-335D3545DC10',1);
CREATE TABLE IF NOT EXISTS "TeamMembers" (
    "TeamId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    CONSTRAINT "PK_TeamMembers" PRIMARY KEY ("TeamId", "UserId"),
    CONSTRAINT "FK_TeamMembers_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamMembers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamMembers_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
INSERT INTO TeamMembers VALUES('E9852EA1-2689-4919-8A13-0ADF9B6F3F4D','453FD4F7-30FB-482B-8795-0BA9EED0A063','CBD2243A-B12E-481A-9F8E-335D3545DC10');
INSERT INTO TeamMembers VALUES('E9852EA1-2689-4919-8A13-0ADF9B6F3F4D','5181FCF8-C5C1-4FD6-ABAA-4E2187A78099','CBD2243A-B12E-481A-9F8E-335D3545DC10');
INSERT INTO TeamMembers VALUES('E9852EA1-2689-4919-8A13-0ADF9B6F3F4D','D7799D3A-53E1-4634-A019-1B013909770F','CBD2243A-B12E-481A-9F8E-335D3545DC10');
CREATE TABLE IF NOT EXISTS "TeamSupervisors" (
    "TeamId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    CONSTRAINT "PK_TeamSupervisors" PRIMARY KEY ("TeamId", "UserId"),
    CONSTRAINT "FK_TeamSupervisors_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamSupervisors_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TeamSupervisors_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
INSERT INTO TeamSupervisors VALUES('E9852EA1-2689-4919-8A13-0ADF9B6F3F4D','042E83E6-2C46-4D64-823C-DC15105B5BCF','CBD2243A-B12E-481A-9F8E-335D3545DC10');
CREATE TABLE IF NOT EXISTS "WebhookDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "EndpointId" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NULL,
    "DeliveredAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_WebhookDeliveries_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WebhookDeliveries_WebhookEndpoints_EndpointId" FOREIGN KEY ("EndpointId") REFERENCES "WebhookEndpoints" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "CallRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CallRecords" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "SkillGroupId" TEXT NULL,
    "CustomerNumber" TEXT NOT NULL,
    "DialedNumber" TEXT NULL,
    "OfferedAt" TEXT NOT NULL,
    "AnsweredAt" TEXT NULL,
    "EndedAt" TEXT NULL,
    "WaitSeconds" INTEGER NOT NULL,
    "RingSeconds" INTEGER NOT NULL,
    "TalkSeconds" INTEGER NOT NULL,
    "HoldSeconds" INTEGER NOT NULL,
    "EndReason" TEXT NULL,
    "DispositionId" TEXT NULL,
    "Remarks" TEXT NULL,
    CONSTRAINT "FK_CallRecords_Dispositions_DispositionId" FOREIGN KEY ("DispositionId") REFERENCES "Dispositions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_CallRecords_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_CallRecords_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Callbacks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Callbacks" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CustomerNumber" TEXT NOT NULL,
    "ContactId" TEXT NULL,
    "AssignedUserId" TEXT NULL,
    "SkillGroupId" TEXT NULL,
    "DueAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "CreatedByUserId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "CallId" TEXT NULL,
    CONSTRAINT "FK_Callbacks_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Callbacks_SkillGroups_SkillGroupId" FOREIGN KEY ("SkillGroupId") REFERENCES "SkillGroups" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Callbacks_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Callbacks_Users_AssignedUserId" FOREIGN KEY ("AssignedUserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "ContactNumbers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContactNumbers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Label" TEXT NULL,
    CONSTRAINT "FK_ContactNumbers_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContactNumbers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "DialTaskItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DialTaskItems" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "DialTaskId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "ContactId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastAttemptAt" TEXT NULL,
    "CallId" TEXT NULL,
    "Result" TEXT NULL,
    CONSTRAINT "FK_DialTaskItems_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_DialTaskItems_DialTasks_DialTaskId" FOREIGN KEY ("DialTaskId") REFERENCES "DialTasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DialTaskItems_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "CallAttachedData" (
    "CallId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "PK_CallAttachedData" PRIMARY KEY ("CallId", "Key"),
    CONSTRAINT "FK_CallAttachedData_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallAttachedData_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "CallLegs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CallLegs" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CallId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Endpoint" TEXT NULL,
    "ChannelId" TEXT NULL,
    "StartedAt" TEXT NOT NULL,
    "AnsweredAt" TEXT NULL,
    "EndedAt" TEXT NULL,
    "EndReason" TEXT NULL,
    CONSTRAINT "FK_CallLegs_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallLegs_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallLegs_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "Recordings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Recordings" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CallId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Type" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "DurationSeconds" INTEGER NOT NULL,
    CONSTRAINT "FK_Recordings_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Recordings_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Recordings_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "AgentSessions" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_AgentSessions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "Pending" TEXT NULL,
    "PendingReason" TEXT NULL,
    "HotDeskEndpoint" TEXT NULL,
    "ReachNumber" TEXT NULL,
    "WorkingMode" TEXT NULL,
    "PausedSkillGroupIds" TEXT NULL,
    "LoggedInAt" TEXT NOT NULL,
    "StateSince" TEXT NOT NULL,
    "IdleSince" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AgentSessions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgentSessions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
INSERT INTO AgentSessions VALUES('453FD4F7-30FB-482B-8795-0BA9EED0A063','CBD2243A-B12E-481A-9F8E-335D3545DC10','Ready',NULL,NULL,NULL,NULL,NULL,'Both',NULL,'2026-12-05 16:50:22.6127045','2026-12-05 16:50:22.6127045','2026-12-05 16:50:22.6127045','2026-12-05 16:50:22.6127045');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('AgentStateChanges',1);
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
CREATE INDEX "IX_AgentSessions_TenantId" ON "AgentSessions" ("TenantId");
COMMIT;
