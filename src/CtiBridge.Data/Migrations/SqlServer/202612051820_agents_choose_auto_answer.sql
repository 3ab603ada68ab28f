-- SQL Server: the tenant setting AgentsMayChooseAutoAnswer (agents switch auto-answer themselves).
-- Existing tenants keep today's behaviour: only admins set it.

ALTER TABLE [Tenants] ADD [Settings_AgentsMayChooseAutoAnswer] bit NOT NULL DEFAULT CAST(0 AS bit);
