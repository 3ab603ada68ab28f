-- Schema migration 202612051600_tenant_endpoint_names (SQL Server): PJSIP endpoint names on a shared Asterisk are
-- "<tenant domain>-<name>" and unique across all tenants (docs/provisioning.md); the tenant setting "go Not Ready before
-- dialling out" (docs/agent-states.md), default off. The SQLite and PostgreSQL versions also rename the phones of
-- databases made before this version; no SQL Server database predates it (SQL Server arrived after it), so here the
-- tables are empty when it runs and only the schema changes.

DROP INDEX [IX_Phones_TenantId_EndpointName] ON [Phones];
GO

CREATE UNIQUE INDEX [IX_Phones_EndpointName] ON [Phones] ([EndpointName]);
GO

ALTER TABLE [Tenants] ADD [Settings_OutboundRequiresNotReady] bit NOT NULL DEFAULT CAST(0 AS bit);
GO
