-- TenantLeases: which node owns a tenant's live call center when several nodes run (docs/architecture.md, "Several nodes").

CREATE TABLE "TenantLeases" (
    "TenantId" uuid NOT NULL,
    "NodeId" character varying(100) NOT NULL,
    "NodeAddress" character varying(300),
    "Epoch" bigint NOT NULL,
    "ExpiresAtMs" bigint NOT NULL,
    "AcquiredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TenantLeases" PRIMARY KEY ("TenantId"),
    CONSTRAINT "FK_TenantLeases_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
