-- SQL Server: supervision (monitoring). Per team the monitoring modes its supervisors may use on its agents (flags: 1
-- monitor, 2 whisper, 4 barge, 8 take over; existing teams get 7: all but take over); a supervisor's own device
-- extension; the tenant setting that tells monitored parties (off: silent monitoring stays silent).

ALTER TABLE [Teams] ADD [MonitoringModes] int NOT NULL DEFAULT 7;
ALTER TABLE [Users] ADD [SupervisorExtension] nvarchar(20) NULL;
ALTER TABLE [Users] ADD [SupervisorExtensionKind] nvarchar(32) NOT NULL DEFAULT N'Web';
ALTER TABLE [Tenants] ADD [Settings_TellMonitoredParties] bit NOT NULL DEFAULT CAST(0 AS bit);
