-- The sound the monitored parties hear when the tenant tells them (the beep that was played before).
ALTER TABLE "Tenants" ADD COLUMN "Settings_MonitoringNoticeSound" character varying(80) NOT NULL DEFAULT 'beep';
