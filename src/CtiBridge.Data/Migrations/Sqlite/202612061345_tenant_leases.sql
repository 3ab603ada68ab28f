-- TenantLeases: which node owns a tenant's live call center when several nodes run (docs/architecture.md, "Several nodes").

CREATE TABLE "TenantLeases" (
    "TenantId" TEXT NOT NULL CONSTRAINT "PK_TenantLeases" PRIMARY KEY,
    "NodeId" TEXT NOT NULL,
    "NodeAddress" TEXT NULL,
    "Epoch" INTEGER NOT NULL,
    "ExpiresAtMs" INTEGER NOT NULL,
    "AcquiredAt" TEXT NOT NULL,
    CONSTRAINT "FK_TenantLeases_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
