-- AuditEntries.TargetId grows from 64 to 200 characters: the target of a row with a composite key is its key parts
-- joined by "/" (a skill-group membership: two GUIDs, 73 characters), which PostgreSQL refused, failing the change.
ALTER TABLE "AuditEntries" ALTER COLUMN "TargetId" TYPE character varying(200);
