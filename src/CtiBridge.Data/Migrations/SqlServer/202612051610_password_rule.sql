-- Schema migration 202612051610_password_rule (SQL Server): a tenant may require letters, digits and symbols in passwords
-- besides the NIST SP 800-63B rule (docs/auth.md). Off for existing tenants.

ALTER TABLE [Tenants] ADD [Settings_RequirePasswordCharacterClasses] bit NOT NULL DEFAULT CAST(0 AS bit);
GO
