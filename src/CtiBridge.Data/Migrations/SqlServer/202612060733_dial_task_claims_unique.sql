-- SQL Server: a number, and a contact, is claimed in one task at a time (see the SQLite/PostgreSQL files).
UPDATE [DialTaskItems] SET [Status] = N'Pending', [ClaimedByUserId] = NULL, [ClaimedAt] = NULL
WHERE [Status] = N'Claimed' AND EXISTS (SELECT 1 FROM [DialTaskItems] AS o WHERE o.[Status] = N'Claimed' AND o.[TenantId] = [DialTaskItems].[TenantId]
    AND (o.[Number] = [DialTaskItems].[Number] OR o.[ContactId] = [DialTaskItems].[ContactId]) AND o.[Id] < [DialTaskItems].[Id]);
CREATE UNIQUE INDEX [IX_DialTaskItems_ClaimedNumber] ON [DialTaskItems] ([TenantId], [Number]) WHERE "Status" = 'Claimed';
CREATE UNIQUE INDEX [IX_DialTaskItems_ClaimedContact] ON [DialTaskItems] ([TenantId], [ContactId]) WHERE "Status" = 'Claimed' AND "ContactId" IS NOT NULL;
