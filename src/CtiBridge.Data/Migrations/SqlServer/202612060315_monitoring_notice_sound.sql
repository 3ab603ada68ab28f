-- The sound the monitored parties hear when the tenant tells them (the beep that was played before).
ALTER TABLE [Tenants] ADD [Settings_MonitoringNoticeSound] nvarchar(80) NOT NULL DEFAULT N'beep';
