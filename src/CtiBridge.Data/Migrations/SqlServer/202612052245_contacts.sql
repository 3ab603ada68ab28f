-- SQL Server: contacts get a team and each number its E.164 form; tenants a country and the third-party screen pop
-- settings (see the SQLite/PostgreSQL files). The team FK does not cascade (SQL Server's cascade paths: a tenant's
-- delete already reaches contacts through Tenants), so deleting a team first clears its contacts' TeamId.

ALTER TABLE [Contacts] ADD [TeamId] uniqueidentifier NULL;
GO
ALTER TABLE [Contacts] ADD CONSTRAINT [FK_Contacts_Teams_TeamId] FOREIGN KEY ([TeamId]) REFERENCES [Teams] ([Id]);
CREATE INDEX [IX_Contacts_TeamId] ON [Contacts] ([TeamId]);
CREATE INDEX [IX_Contacts_TenantId_TeamId] ON [Contacts] ([TenantId], [TeamId]);
ALTER TABLE [ContactNumbers] ADD [NormalizedNumber] nvarchar(32) NOT NULL DEFAULT N'';
ALTER TABLE [ContactNumbers] ADD [Unparsable] bit NOT NULL DEFAULT CAST(0 AS bit);
ALTER TABLE [ContactNumbers] ADD [Position] int NOT NULL DEFAULT 0;
GO
UPDATE [ContactNumbers] SET [NormalizedNumber] = [Number];
CREATE INDEX [IX_ContactNumbers_TenantId_NormalizedNumber] ON [ContactNumbers] ([TenantId], [NormalizedNumber]);

ALTER TABLE [Tenants] ADD [Settings_Country] nvarchar(2) NOT NULL DEFAULT N'';
ALTER TABLE [Tenants] ADD [Settings_ScreenPopUrlTemplate] nvarchar(2000) NOT NULL DEFAULT N'';
ALTER TABLE [Tenants] ADD [Settings_ScreenPopTrigger] nvarchar(32) NOT NULL DEFAULT N'Offered';
ALTER TABLE [Tenants] ADD [Settings_ScreenPopTarget] nvarchar(32) NOT NULL DEFAULT N'NewTab';
