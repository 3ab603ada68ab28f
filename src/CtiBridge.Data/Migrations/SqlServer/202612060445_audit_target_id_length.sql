-- AuditEntries.TargetId grows from 64 to 200 characters: the target of a row with a composite key is its key parts
-- joined by "/" (a skill-group membership: two GUIDs, 73 characters). The index on it is rebuilt around the change.
DROP INDEX [IX_AuditEntries_TenantId_TargetType_TargetId] ON [AuditEntries];
GO

ALTER TABLE [AuditEntries] ALTER COLUMN [TargetId] nvarchar(200) NULL;
GO

CREATE INDEX [IX_AuditEntries_TenantId_TargetType_TargetId] ON [AuditEntries] ([TenantId], [TargetType], [TargetId]);
GO
