-- Dial tasks: a number, and a contact, is claimed in one task at a time, enforced by the database (docs/dialtasks.md,
-- "Claimed once"). Claims that broke the rule before (the later of two on the same number or contact) go back to the list.
UPDATE "DialTaskItems" SET "Status" = 'Pending', "ClaimedByUserId" = NULL, "ClaimedAt" = NULL
WHERE "Status" = 'Claimed' AND EXISTS (SELECT 1 FROM "DialTaskItems" AS o WHERE o."Status" = 'Claimed' AND o."TenantId" = "DialTaskItems"."TenantId"
    AND (o."Number" = "DialTaskItems"."Number" OR o."ContactId" = "DialTaskItems"."ContactId") AND o."Id" < "DialTaskItems"."Id");
CREATE UNIQUE INDEX "IX_DialTaskItems_ClaimedNumber" ON "DialTaskItems" ("TenantId", "Number") WHERE "Status" = 'Claimed';
CREATE UNIQUE INDEX "IX_DialTaskItems_ClaimedContact" ON "DialTaskItems" ("TenantId", "ContactId") WHERE "Status" = 'Claimed' AND "ContactId" IS NOT NULL;
