-- SQLite: contacts get a team and each number its E.164 form (null = could not be parsed, kept as given and flagged);
-- screen pop looks a caller up by (TenantId, NormalizedNumber). Tenants get a country (to read national numbers) and
-- the third-party screen pop settings (off). docs/contacts.md.

ALTER TABLE "Contacts" ADD COLUMN "TeamId" TEXT NULL CONSTRAINT "FK_Contacts_Teams_TeamId" REFERENCES "Teams" ("Id") ON DELETE SET NULL;
CREATE INDEX "IX_Contacts_TeamId" ON "Contacts" ("TeamId");
CREATE INDEX "IX_Contacts_TenantId_TeamId" ON "Contacts" ("TenantId", "TeamId");
ALTER TABLE "ContactNumbers" ADD COLUMN "NormalizedNumber" TEXT NULL;
CREATE INDEX "IX_ContactNumbers_TenantId_NormalizedNumber" ON "ContactNumbers" ("TenantId", "NormalizedNumber");

ALTER TABLE "Tenants" ADD COLUMN "Settings_Country" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Tenants" ADD COLUMN "Settings_ScreenPopUrlTemplate" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Tenants" ADD COLUMN "Settings_ScreenPopTrigger" TEXT NOT NULL DEFAULT 'Offered';
ALTER TABLE "Tenants" ADD COLUMN "Settings_ScreenPopTarget" TEXT NOT NULL DEFAULT 'NewTab';
