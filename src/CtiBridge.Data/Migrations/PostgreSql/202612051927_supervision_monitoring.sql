-- PostgreSQL: supervision (monitoring). Per team the monitoring modes its supervisors may use on its agents (flags: 1
-- monitor, 2 whisper, 4 barge, 8 take over; existing teams get 7: all but take over); a supervisor's own device
-- extension; the tenant setting that tells monitored parties (off: silent monitoring stays silent).

ALTER TABLE "Teams" ADD COLUMN "MonitoringModes" integer NOT NULL DEFAULT 7;
ALTER TABLE "Users" ADD COLUMN "SupervisorExtension" character varying(20) NULL;
ALTER TABLE "Users" ADD COLUMN "SupervisorExtensionKind" character varying(32) NOT NULL DEFAULT 'Web';
ALTER TABLE "Tenants" ADD COLUMN "Settings_TellMonitoredParties" boolean NOT NULL DEFAULT false;
