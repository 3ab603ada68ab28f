-- PostgreSQL: contacts get a team and each number its E.164 form (or, when it cannot be parsed, its text,
-- flagged Unparsable); screen pop looks a caller up by (TenantId, NormalizedNumber). Tenants get a country (to read national
-- numbers) and the third-party screen pop settings (off). docs/contacts.md.

ALTER TABLE "Contacts" ADD COLUMN "TeamId" uuid NULL;
ALTER TABLE "Contacts" ADD CONSTRAINT "FK_Contacts_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE SET NULL;
CREATE INDEX "IX_Contacts_TeamId" ON "Contacts" ("TeamId");
CREATE INDEX "IX_Contacts_TenantId_TeamId" ON "Contacts" ("TenantId", "TeamId");
ALTER TABLE "ContactNumbers" ADD COLUMN "NormalizedNumber" character varying(32) NOT NULL DEFAULT '';
ALTER TABLE "ContactNumbers" ADD COLUMN "Unparsable" boolean NOT NULL DEFAULT false;
ALTER TABLE "ContactNumbers" ADD COLUMN "Position" integer NOT NULL DEFAULT 0;
-- Numbers that exist keep their text as the lookup key until they are saved again (the country may not be set yet).
UPDATE "ContactNumbers" SET "NormalizedNumber" = "Number";
CREATE INDEX "IX_ContactNumbers_TenantId_NormalizedNumber" ON "ContactNumbers" ("TenantId", "NormalizedNumber");

ALTER TABLE "Tenants" ADD COLUMN "Settings_Country" character varying(2) NOT NULL DEFAULT '';
ALTER TABLE "Tenants" ADD COLUMN "Settings_ScreenPopUrlTemplate" character varying(2000) NOT NULL DEFAULT '';
ALTER TABLE "Tenants" ADD COLUMN "Settings_ScreenPopTrigger" character varying(32) NOT NULL DEFAULT 'Offered';
ALTER TABLE "Tenants" ADD COLUMN "Settings_ScreenPopTarget" character varying(32) NOT NULL DEFAULT 'NewTab';
