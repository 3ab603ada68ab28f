-- SQLite: contact search by name or number as a substring through an FTS5 trigram table, ContactSearch: a row for each
-- contact's name and one for each of its numbers (as written and in E.164), each with the contact's id (what a search
-- returns, and how a contact's rows are found again), kept by triggers on Contacts and ContactNumbers (docs/contacts.md,
-- "Search"). Adding a contact or a number only appends a row; an edit or a removal rewrites the contact's rows. The plain
-- indexes IX_Contacts_Search and IX_ContactNumbers_Search are the model's (a pg_trgm GIN index on PostgreSQL).

CREATE INDEX "IX_Contacts_Search" ON "Contacts" ("Name");
CREATE INDEX "IX_ContactNumbers_Search" ON "ContactNumbers" ("Number", "NormalizedNumber");

CREATE VIRTUAL TABLE "ContactSearch" USING fts5("ContactId", "Text", tokenize = 'trigram');
INSERT INTO "ContactSearch" ("ContactId", "Text") SELECT "Id", "Name" FROM "Contacts";
INSERT INTO "ContactSearch" ("ContactId", "Text") SELECT "ContactId", "Number" || ' ' || "NormalizedNumber" FROM "ContactNumbers";

-- A contact's rows are found by its id through the trigram index (a scan by an unindexed column would read every row).
-- Rows are rewritten only for a contact that still exists (a number deleted with its contact writes none back).
CREATE TRIGGER "Contacts_search_insert" AFTER INSERT ON "Contacts" BEGIN
    INSERT INTO "ContactSearch" ("ContactId", "Text") VALUES (new."Id", new."Name");
END;
CREATE TRIGGER "Contacts_search_update" AFTER UPDATE OF "Name" ON "Contacts" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || new."Id" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text") SELECT "Id", "Name" FROM "Contacts" WHERE "Id" = new."Id";
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT n."ContactId", n."Number" || ' ' || n."NormalizedNumber" FROM "ContactNumbers" n
        JOIN "Contacts" c ON c."Id" = n."ContactId" WHERE n."ContactId" = new."Id";
END;
CREATE TRIGGER "Contacts_search_delete" AFTER DELETE ON "Contacts" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || old."Id" || '"');
END;
CREATE TRIGGER "ContactNumbers_search_insert" AFTER INSERT ON "ContactNumbers" BEGIN
    INSERT INTO "ContactSearch" ("ContactId", "Text") VALUES (new."ContactId", new."Number" || ' ' || new."NormalizedNumber");
END;
CREATE TRIGGER "ContactNumbers_search_update" AFTER UPDATE OF "Number", "NormalizedNumber", "ContactId" ON "ContactNumbers" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || old."ContactId" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text") SELECT "Id", "Name" FROM "Contacts" WHERE "Id" = old."ContactId";
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT n."ContactId", n."Number" || ' ' || n."NormalizedNumber" FROM "ContactNumbers" n
        JOIN "Contacts" c ON c."Id" = n."ContactId" WHERE n."ContactId" = old."ContactId";
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || new."ContactId" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text") SELECT "Id", "Name" FROM "Contacts" WHERE "Id" = new."ContactId";
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT n."ContactId", n."Number" || ' ' || n."NormalizedNumber" FROM "ContactNumbers" n
        JOIN "Contacts" c ON c."Id" = n."ContactId" WHERE n."ContactId" = new."ContactId";
END;
CREATE TRIGGER "ContactNumbers_search_delete" AFTER DELETE ON "ContactNumbers" BEGIN
    DELETE FROM "ContactSearch" WHERE rowid IN (
        SELECT rowid FROM "ContactSearch" WHERE "ContactSearch" MATCH 'ContactId : "' || old."ContactId" || '"');
    INSERT INTO "ContactSearch" ("ContactId", "Text") SELECT "Id", "Name" FROM "Contacts" WHERE "Id" = old."ContactId";
    INSERT INTO "ContactSearch" ("ContactId", "Text")
        SELECT n."ContactId", n."Number" || ' ' || n."NormalizedNumber" FROM "ContactNumbers" n
        JOIN "Contacts" c ON c."Id" = n."ContactId" WHERE n."ContactId" = old."ContactId";
END;
