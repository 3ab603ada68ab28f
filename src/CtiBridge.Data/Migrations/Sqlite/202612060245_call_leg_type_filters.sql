-- The call records' type filters start from the legs: transferred calls (the agent or consulted leg that ended in a
-- transfer) and consulted calls, found in the date range without probing every call of it.
CREATE INDEX "IX_CallLegs_TenantId_EndReason_StartedAt" ON "CallLegs" ("TenantId", "EndReason", "StartedAt");
CREATE INDEX "IX_CallLegs_TenantId_Role_StartedAt" ON "CallLegs" ("TenantId", "Role", "StartedAt");
