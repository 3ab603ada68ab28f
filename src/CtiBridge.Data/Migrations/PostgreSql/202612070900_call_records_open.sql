-- PostgreSQL: the records still open (a live call's provisional record, docs/architecture.md "Restart safety"), found
-- through a small partial index. After each resync (a restart, a takeover, an ARI reconnection) the journal ends the
-- open records whose call is gone, in one transaction that holds the lease row: without this index that read went
-- through every record of the tenant.

CREATE INDEX "IX_CallRecords_Open" ON "CallRecords" ("TenantId") WHERE "EndedAt" IS NULL;
