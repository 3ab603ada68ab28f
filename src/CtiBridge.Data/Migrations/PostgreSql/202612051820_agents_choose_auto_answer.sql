-- PostgreSQL: the tenant setting AgentsMayChooseAutoAnswer (agents switch auto-answer themselves).
-- Existing tenants keep today's behaviour: only admins set it.

ALTER TABLE "Tenants" ADD COLUMN "Settings_AgentsMayChooseAutoAnswer" boolean NOT NULL DEFAULT false;
