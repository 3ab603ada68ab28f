-- PostgreSQL: call records become searchable and reportable.
-- New record columns (kind, customer name, outcome, hold/offer/RONA counts, who answered, has recording), filled in for
-- the records that exist; the keyset index (TenantId, OfferedAt, Id) replaces (TenantId, OfferedAt); a recording's
-- legal hold; the tenant's retention in days (0 = forever); a skill group's service-level threshold (20 s).
-- Number/name substring search: a pg_trgm GIN index (pg_trgm is a trusted extension: the database owner may create it).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE "CallRecords" ADD COLUMN "Kind" character varying(32) NULL;
ALTER TABLE "CallRecords" ADD COLUMN "CustomerName" character varying(200) NULL;
ALTER TABLE "CallRecords" ADD COLUMN "Outcome" character varying(32) NOT NULL DEFAULT 'NotAnswered';
ALTER TABLE "CallRecords" ADD COLUMN "HoldCount" integer NOT NULL DEFAULT 0;
ALTER TABLE "CallRecords" ADD COLUMN "OfferCount" integer NOT NULL DEFAULT 0;
ALTER TABLE "CallRecords" ADD COLUMN "RonaCount" integer NOT NULL DEFAULT 0;
ALTER TABLE "CallRecords" ADD COLUMN "AnsweredByUserId" uuid NULL;
ALTER TABLE "CallRecords" ADD COLUMN "HasRecording" boolean NOT NULL DEFAULT false;

UPDATE "CallRecords" SET "Outcome" = CASE
    WHEN "AnsweredAt" IS NOT NULL THEN 'Answered'
    WHEN "EndReason" IN ('AbandonedWhileWaiting', 'AbandonedWhileRinging', 'CallerCancelled') THEN 'Abandoned'
    WHEN "EndReason" = 'Busy' THEN 'Busy'
    WHEN "EndReason" IN ('Failed', 'Unreachable') THEN 'Failed'
    ELSE 'NotAnswered' END;
UPDATE "CallRecords" c SET "HasRecording" = true WHERE EXISTS (SELECT 1 FROM "Recordings" r WHERE r."CallId" = c."Id");
UPDATE "CallRecords" c SET "AnsweredByUserId" = (
    SELECT l."UserId" FROM "CallLegs" l
    WHERE l."CallId" = c."Id" AND l."Role" = 'Agent' AND l."AnsweredAt" IS NOT NULL
    ORDER BY l."AnsweredAt" LIMIT 1);

DROP INDEX "IX_CallRecords_TenantId_OfferedAt";
CREATE INDEX "IX_CallRecords_TenantId_OfferedAt_Id" ON "CallRecords" ("TenantId", "OfferedAt", "Id");
CREATE INDEX "IX_CallRecords_TenantId_SkillGroupId_OfferedAt" ON "CallRecords" ("TenantId", "SkillGroupId", "OfferedAt");
CREATE INDEX "IX_CallRecords_TenantId_AnsweredByUserId_OfferedAt" ON "CallRecords" ("TenantId", "AnsweredByUserId", "OfferedAt");
CREATE INDEX "IX_CallRecords_Search" ON "CallRecords" USING gin ("CustomerNumber" gin_trgm_ops, "CustomerName" gin_trgm_ops);
DROP INDEX "IX_CallLegs_UserId";
CREATE INDEX "IX_CallLegs_UserId_CallId" ON "CallLegs" ("UserId", "CallId");

ALTER TABLE "Recordings" ADD COLUMN "LegalHold" boolean NOT NULL DEFAULT false;
ALTER TABLE "Tenants" ADD COLUMN "Settings_RecordingRetentionDays" integer NOT NULL DEFAULT 0;
ALTER TABLE "SkillGroups" ADD COLUMN "ServiceLevelSeconds" integer NOT NULL DEFAULT 20;
