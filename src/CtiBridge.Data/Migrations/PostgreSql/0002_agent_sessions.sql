-- Schema version 2 (PostgreSQL): AgentSessions, the logged-in agents' CTI sessions a restarted CtiBridge logs in
-- again (docs/architecture.md, restart safety; docs/database.md). One row per logged-in agent.

CREATE TABLE "AgentSessions" (
    "UserId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Status" character varying(32) NOT NULL,
    "Reason" character varying(100),
    "Pending" character varying(32),
    "PendingReason" character varying(100),
    "HotDeskEndpoint" character varying(120),
    "ReachNumber" character varying(64),
    "WorkingMode" character varying(32),
    "PausedSkillGroupIds" text,
    "LoggedInAt" timestamp with time zone NOT NULL,
    "StateSince" timestamp with time zone NOT NULL,
    "IdleSince" timestamp with time zone,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AgentSessions" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_AgentSessions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgentSessions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AgentSessions_TenantId" ON "AgentSessions" ("TenantId");
