-- SQLite: disposition codes get a category and a "remarks required" flag; each agent of a call keeps her own
-- disposition and remarks (CallAgentDispositions; the record's own columns are the answering agent's). docs/dispositions.md.

ALTER TABLE "Dispositions" ADD COLUMN "Category" TEXT NULL;
ALTER TABLE "Dispositions" ADD COLUMN "RemarksRequired" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "CallAgentDispositions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CallAgentDispositions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CallId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "DispositionId" TEXT NULL,
    "Disposition" TEXT NULL,
    "Remarks" TEXT NULL,
    "SavedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CallAgentDispositions_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallAgentDispositions_Dispositions_DispositionId" FOREIGN KEY ("DispositionId") REFERENCES "Dispositions" ("Id") ON DELETE NO ACTION,
    CONSTRAINT "FK_CallAgentDispositions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallAgentDispositions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "IX_CallAgentDispositions_CallId_UserId" ON "CallAgentDispositions" ("CallId", "UserId");
CREATE INDEX "IX_CallAgentDispositions_DispositionId" ON "CallAgentDispositions" ("DispositionId");
CREATE INDEX "IX_CallAgentDispositions_TenantId" ON "CallAgentDispositions" ("TenantId");
CREATE INDEX "IX_CallAgentDispositions_UserId" ON "CallAgentDispositions" ("UserId");
