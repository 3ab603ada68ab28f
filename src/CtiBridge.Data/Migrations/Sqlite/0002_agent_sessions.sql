-- Schema version 2 (SQLite): AgentSessions, the logged-in agents' CTI sessions a restarted CtiBridge logs in
-- again (docs/architecture.md, restart safety; docs/database.md). One row per logged-in agent.

CREATE TABLE "AgentSessions" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_AgentSessions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "Pending" TEXT NULL,
    "PendingReason" TEXT NULL,
    "HotDeskEndpoint" TEXT NULL,
    "ReachNumber" TEXT NULL,
    "WorkingMode" TEXT NULL,
    "PausedSkillGroupIds" TEXT NULL,
    "LoggedInAt" TEXT NOT NULL,
    "StateSince" TEXT NOT NULL,
    "IdleSince" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AgentSessions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgentSessions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AgentSessions_TenantId" ON "AgentSessions" ("TenantId");
