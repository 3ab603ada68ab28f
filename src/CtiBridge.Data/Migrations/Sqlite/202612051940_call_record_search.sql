-- SQLite: call records become searchable and reportable.
-- New record columns (kind, customer name, outcome, hold/offer/RONA counts, who answered, has recording), filled in for
-- the records that exist; the keyset index (TenantId, OfferedAt, Id) replaces (TenantId, OfferedAt); a recording's
-- legal hold; the tenant's retention in days (0 = forever); a skill group's service-level threshold (20 s).
-- Number/name substring search: an FTS5 trigram table kept by triggers (CallId is the record's id).

ALTER TABLE "CallRecords" ADD COLUMN "Kind" TEXT NULL;
ALTER TABLE "CallRecords" ADD COLUMN "CustomerName" TEXT NULL;
ALTER TABLE "CallRecords" ADD COLUMN "Outcome" TEXT NOT NULL DEFAULT 'NotAnswered';
ALTER TABLE "CallRecords" ADD COLUMN "HoldCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CallRecords" ADD COLUMN "OfferCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CallRecords" ADD COLUMN "RonaCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CallRecords" ADD COLUMN "AnsweredByUserId" TEXT NULL;
ALTER TABLE "CallRecords" ADD COLUMN "HasRecording" INTEGER NOT NULL DEFAULT 0;

UPDATE "CallRecords" SET "Outcome" = CASE
    WHEN "AnsweredAt" IS NOT NULL THEN 'Answered'
    WHEN "EndReason" IN ('AbandonedWhileWaiting', 'AbandonedWhileRinging', 'CallerCancelled') THEN 'Abandoned'
    WHEN "EndReason" = 'Busy' THEN 'Busy'
    WHEN "EndReason" IN ('Failed', 'Unreachable') THEN 'Failed'
    ELSE 'NotAnswered' END;
UPDATE "CallRecords" SET "HasRecording" = 1 WHERE EXISTS (SELECT 1 FROM "Recordings" r WHERE r."CallId" = "CallRecords"."Id");
UPDATE "CallRecords" SET "AnsweredByUserId" = (
    SELECT l."UserId" FROM "CallLegs" l
    WHERE l."CallId" = "CallRecords"."Id" AND l."Role" = 'Agent' AND l."AnsweredAt" IS NOT NULL
    ORDER BY l."AnsweredAt" LIMIT 1);

DROP INDEX "IX_CallRecords_TenantId_OfferedAt";
CREATE INDEX "IX_CallRecords_TenantId_OfferedAt_Id" ON "CallRecords" ("TenantId", "OfferedAt", "Id");
CREATE INDEX "IX_CallRecords_TenantId_SkillGroupId_OfferedAt" ON "CallRecords" ("TenantId", "SkillGroupId", "OfferedAt");
CREATE INDEX "IX_CallRecords_TenantId_AnsweredByUserId_OfferedAt" ON "CallRecords" ("TenantId", "AnsweredByUserId", "OfferedAt");
CREATE INDEX "IX_CallRecords_Search" ON "CallRecords" ("CustomerNumber", "CustomerName");
DROP INDEX "IX_CallLegs_UserId";
CREATE INDEX "IX_CallLegs_UserId_CallId" ON "CallLegs" ("UserId", "CallId");

ALTER TABLE "Recordings" ADD COLUMN "LegalHold" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Tenants" ADD COLUMN "Settings_RecordingRetentionDays" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "SkillGroups" ADD COLUMN "ServiceLevelSeconds" INTEGER NOT NULL DEFAULT 20;

CREATE VIRTUAL TABLE "CallRecordSearch" USING fts5("CallId" UNINDEXED, "Text", tokenize = 'trigram');
INSERT INTO "CallRecordSearch" ("CallId", "Text")
    SELECT "Id", "CustomerNumber" || ' ' || coalesce("CustomerName", '') FROM "CallRecords";
CREATE TRIGGER "CallRecords_search_insert" AFTER INSERT ON "CallRecords" BEGIN
    INSERT INTO "CallRecordSearch" ("CallId", "Text") VALUES (new."Id", new."CustomerNumber" || ' ' || coalesce(new."CustomerName", ''));
END;
-- Found through the trigram index by the old text (a full scan by CallId would be slow on large tables).
CREATE TRIGGER "CallRecords_search_delete" AFTER DELETE ON "CallRecords" BEGIN
    DELETE FROM "CallRecordSearch" WHERE rowid IN (
        SELECT rowid FROM "CallRecordSearch" WHERE "Text" LIKE '%' || old."CustomerNumber" || '%') AND "CallId" = old."Id";
END;
CREATE TRIGGER "CallRecords_search_update" AFTER UPDATE OF "CustomerNumber", "CustomerName" ON "CallRecords" BEGIN
    DELETE FROM "CallRecordSearch" WHERE rowid IN (
        SELECT rowid FROM "CallRecordSearch" WHERE "Text" LIKE '%' || old."CustomerNumber" || '%') AND "CallId" = old."Id";
    INSERT INTO "CallRecordSearch" ("CallId", "Text") VALUES (new."Id", new."CustomerNumber" || ' ' || coalesce(new."CustomerName", ''));
END;
