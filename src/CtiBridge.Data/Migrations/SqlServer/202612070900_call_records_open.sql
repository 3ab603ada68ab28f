-- SQL Server: the records still open (a live call's provisional record), found through a small filtered index (see the
-- PostgreSQL file).

CREATE INDEX [IX_CallRecords_Open] ON [CallRecords] ([TenantId]) WHERE "EndedAt" IS NULL;
GO
