-- SQLite: contact search by name or number as a substring through an FTS5 trigram table, ContactSearch: one row per
-- contact, its id (to find the row again) and its text (name, then each number as written and in E.164), kept by
-- triggers on Contacts and ContactNumbers (docs/contacts.md, "Search"). The plain indexes IX_Contacts_Search and
-- IX_ContactNumbers_Search are the model's (a pg_trgm GIN index on PostgreSQL).

CREATE INDEX "IX_Contacts_Search" ON "Contacts" ("Name");
CREATE INDEX "IX_ContactNumbers_Search" ON "ContactNumbers" ("Number", "NormalizedNumber");

CREATE VIRTUAL TABLE "ContactSearch" USING fts5("ContactId", "Text", tokenize = 'trigram');
INSERT INTO "ContactSearch" ("ContactId", "Text")
    SELECT c."Id", c."Name" || coalesce((SELECT ' ' || group_concat(n."Number" || ' ' || n."NormalizedNumber", ' ')
                                         FROM "ContactNumbers" n WHERE n."ContactId" = c."Id"), '')
    FROM "Contacts" c;

-- A contact's row is found by its id through the trigram index (a scan by an unindexed column would read every row).
CREATE TRIGGER "Contacts_search_insert" AFTER INSERT ON "Contacts" BEGIN
    INSERT INTO "ContactSearch" ("ContactId", "Text") VALUES (new."Id", new."Name");
END;
CREATE TRIGGER "Contacts_search_update" AFTER UPDATE OF "Name" ON "Contacts" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || old."Id" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT c."Id", c."Name" || coalesce((SELECT ' ' || group_concat(n."Number" || ' ' || n."NormalizedNumber", ' ')
                                             FROM "ContactNumbers" n WHERE n."ContactId" = c."Id"), '')
        FROM "Contacts" c WHERE c."Id" = new."Id";
END;
CREATE TRIGGER "Contacts_search_delete" AFTER DELETE ON "Contacts" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || old."Id" || '"');
END;
CREATE TRIGGER "ContactNumbers_search_insert" AFTER INSERT ON "ContactNumbers" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || new."ContactId" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT c."Id", c."Name" || coalesce((SELECT ' ' || group_concat(n."Number" || ' ' || n."NormalizedNumber", ' ')
                                             FROM "ContactNumbers" n WHERE n."ContactId" = c."Id"), '')
        FROM "Contacts" c WHERE c."Id" = new."ContactId";
END;
CREATE TRIGGER "ContactNumbers_search_update" AFTER UPDATE OF "Number", "NormalizedNumber", "ContactId" ON "ContactNumbers" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || old."ContactId" || '"'
        UNION SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || new."ContactId" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT c."Id", c."Name" || coalesce((SELECT ' ' || group_concat(n."Number" || ' ' || n."NormalizedNumber", ' ')
                                             FROM "ContactNumbers" n WHERE n."ContactId" = c."Id"), '')
        FROM "Contacts" c WHERE c."Id" IN (old."ContactId", new."ContactId");
END;
CREATE TRIGGER "ContactNumbers_search_delete" AFTER DELETE ON "ContactNumbers" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || old."ContactId" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT c."Id", c."Name" || coalesce((SELECT ' ' || group_concat(n."Number" || ' ' || n."NormalizedNumber", ' ')
                                             FROM "ContactNumbers" n WHERE n."ContactId" = c."Id"), '')
        FROM "Contacts" c WHERE c."Id" = old."ContactId";
END;
