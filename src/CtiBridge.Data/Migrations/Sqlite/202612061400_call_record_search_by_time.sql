-- SQLite: the records' search table in time order. Its rowid is now the record's OfferedAt in microseconds since 1970,
-- times 1024, plus a slot for records offered in the same microsecond (up to 1,024 of them; the
-- key stays below 2^63 until the year 2262). FTS5 returns a MATCH in
-- rowid order and seeks a rowid range, so a search reads the matches of its time range newest (or oldest) first and
-- stops when a page is full, instead of reading every match of the term and sorting them (CallRecordSearch in
-- Application/Records). The rowid is the key of the delete and update triggers too (no more LIKE scan by number).
-- OfferedAt is stored as text 'yyyy-MM-dd HH:mm:ss[.fffffff]' (UTC): seconds by strftime of its first 19 characters
-- (strftime rounds a fraction to milliseconds, which could carry into the next second), microseconds from the fraction.

DROP TRIGGER IF EXISTS "CallRecords_search_insert";
DROP TRIGGER IF EXISTS "CallRecords_search_delete";
DROP TRIGGER IF EXISTS "CallRecords_search_update";
DROP TABLE IF EXISTS "CallRecordSearch";

CREATE VIRTUAL TABLE "CallRecordSearch" USING fts5("CallId" UNINDEXED, "Text", tokenize = 'trigram');
INSERT INTO "CallRecordSearch" (rowid, "CallId", "Text")
    SELECT "Bucket" + row_number() OVER (PARTITION BY "Bucket" ORDER BY "Id") - 1, "Id", "Text"
    FROM (SELECT "Id", "CustomerNumber" || ' ' || coalesce("CustomerName", '') AS "Text", ((CAST(strftime('%s', substr("OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr("OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) AS "Bucket"
          FROM "CallRecords");

CREATE TRIGGER "CallRecords_search_insert" AFTER INSERT ON "CallRecords" BEGIN
    INSERT INTO "CallRecordSearch" (rowid, "CallId", "Text") VALUES (
        coalesce((SELECT max(rowid) + 1 FROM "CallRecordSearch" WHERE rowid BETWEEN ((CAST(strftime('%s', substr(new."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(new."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) AND ((CAST(strftime('%s', substr(new."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(new."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) + 1023),
                 ((CAST(strftime('%s', substr(new."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(new."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024)),
        new."Id", new."CustomerNumber" || ' ' || coalesce(new."CustomerName", ''));
END;
CREATE TRIGGER "CallRecords_search_delete" AFTER DELETE ON "CallRecords" BEGIN
    DELETE FROM "CallRecordSearch"
    WHERE rowid BETWEEN ((CAST(strftime('%s', substr(old."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(old."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) AND ((CAST(strftime('%s', substr(old."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(old."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) + 1023 AND "CallId" = old."Id";
END;
-- A provisional record (a recording started during the call) gets its offer time and number when the call ends.
CREATE TRIGGER "CallRecords_search_update" AFTER UPDATE OF "CustomerNumber", "CustomerName", "OfferedAt" ON "CallRecords" BEGIN
    DELETE FROM "CallRecordSearch"
    WHERE rowid BETWEEN ((CAST(strftime('%s', substr(old."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(old."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) AND ((CAST(strftime('%s', substr(old."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(old."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) + 1023 AND "CallId" = old."Id";
    INSERT INTO "CallRecordSearch" (rowid, "CallId", "Text") VALUES (
        coalesce((SELECT max(rowid) + 1 FROM "CallRecordSearch" WHERE rowid BETWEEN ((CAST(strftime('%s', substr(new."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(new."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) AND ((CAST(strftime('%s', substr(new."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(new."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024) + 1023),
                 ((CAST(strftime('%s', substr(new."OfferedAt", 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr(new."OfferedAt", 21) || '000000', 1, 6) AS INTEGER)) * 1024)),
        new."Id", new."CustomerNumber" || ' ' || coalesce(new."CustomerName", ''));
END;
