-- SQL Server: a tenant is placed on one Asterisk server (see the SQLite/PostgreSQL files); NULL = the default server.

ALTER TABLE [Tenants] ADD [AsteriskServer] nvarchar(63) NULL;
