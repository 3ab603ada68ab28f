-- PostgreSQL: contact search by name or number as a substring through pg_trgm GIN indexes (the extension is created by
-- migration 202612051940_call_record_search). docs/contacts.md, "Search".

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "IX_Contacts_Search" ON "Contacts" USING gin ("Name" gin_trgm_ops);
CREATE INDEX "IX_ContactNumbers_Search" ON "ContactNumbers" USING gin ("Number" gin_trgm_ops, "NormalizedNumber" gin_trgm_ops);
