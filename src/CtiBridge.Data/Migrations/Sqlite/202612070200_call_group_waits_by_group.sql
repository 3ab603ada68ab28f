-- SQLite: the call records' skill-group filter finds a call in every group the caller waited in, not only the last one
-- after an overflow (docs/reports.md). "MovedOn": the caller left this group for another, so the record names another
-- group; the filter reads those few waits of a group through one index beside the record's own group index. The index
-- leads with TenantId, so it also serves the tenant foreign key that IX_CallGroupWaits_TenantId served.

ALTER TABLE "CallGroupWaits" ADD COLUMN "MovedOn" INTEGER NOT NULL DEFAULT 0;
UPDATE "CallGroupWaits" SET "MovedOn" = 1
WHERE NOT EXISTS (SELECT 1 FROM "CallRecords" r WHERE r."Id" = "CallGroupWaits"."CallId" AND r."SkillGroupId" = "CallGroupWaits"."SkillGroupId");
CREATE INDEX "IX_CallGroupWaits_Group" ON "CallGroupWaits" ("TenantId", "SkillGroupId", "MovedOn", "EnteredAt", "CallId");
DROP INDEX "IX_CallGroupWaits_TenantId";
