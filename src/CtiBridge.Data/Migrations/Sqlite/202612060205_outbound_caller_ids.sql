-- SQLite: the caller IDs agents may present on outbound calls, the whole tenant's (TeamId null) or one team's.
-- docs/dispositions.md, "Caller IDs".

CREATE TABLE "OutboundCallerIds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboundCallerIds" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Label" TEXT NULL,
    "TeamId" TEXT NULL,
    CONSTRAINT "FK_OutboundCallerIds_Teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "Teams" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OutboundCallerIds_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_OutboundCallerIds_TeamId" ON "OutboundCallerIds" ("TeamId");
CREATE INDEX "IX_OutboundCallerIds_TenantId_Number" ON "OutboundCallerIds" ("TenantId", "Number");
