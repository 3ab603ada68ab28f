-- SQL Server: plain indexes for the contact search (LIKE); PostgreSQL has pg_trgm GIN indexes, SQLite an FTS5 trigram table.

CREATE INDEX [IX_Contacts_Search] ON [Contacts] ([Name]);
GO
CREATE INDEX [IX_ContactNumbers_Search] ON [ContactNumbers] ([Number], [NormalizedNumber]);
