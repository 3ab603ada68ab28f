-- SQLite: a tenant is placed on one Asterisk server (docs/architecture.md, "Several Asterisk servers"); NULL = the
-- default server, where every existing tenant stays.

ALTER TABLE "Tenants" ADD COLUMN "AsteriskServer" TEXT NULL;
