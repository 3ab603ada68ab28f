-- Schema migration 202612051610_password_rule (PostgreSQL): a tenant may require letters, digits and symbols in passwords besides the
-- NIST SP 800-63B rule (docs/auth.md). Off for existing tenants.

ALTER TABLE "Tenants" ADD COLUMN "Settings_RequirePasswordCharacterClasses" boolean NOT NULL DEFAULT FALSE;
