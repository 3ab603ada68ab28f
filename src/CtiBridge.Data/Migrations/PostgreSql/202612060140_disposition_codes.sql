-- PostgreSQL: disposition codes get a category and a "remarks required" flag; each agent of a call keeps her own
-- disposition and remarks (CallAgentDispositions; the record's own columns are the answering agent's). docs/dispositions.md.

ALTER TABLE "Dispositions" ADD COLUMN "Category" character varying(50) NULL;
ALTER TABLE "Dispositions" ADD COLUMN "RemarksRequired" boolean NOT NULL DEFAULT false;

CREATE TABLE "CallAgentDispositions" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CallId" uuid NOT NULL,
    "UserId" uuid NULL,
    "DispositionId" uuid NULL,
    "Disposition" character varying(100) NULL,
    "Remarks" character varying(2000) NULL,
    "SavedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CallAgentDispositions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CallAgentDispositions_CallRecords_CallId" FOREIGN KEY ("CallId") REFERENCES "CallRecords" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallAgentDispositions_Dispositions_DispositionId" FOREIGN KEY ("DispositionId") REFERENCES "Dispositions" ("Id") ON DELETE NO ACTION,
    CONSTRAINT "FK_CallAgentDispositions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallAgentDispositions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "IX_CallAgentDispositions_CallId_UserId" ON "CallAgentDispositions" ("CallId", "UserId");
CREATE INDEX "IX_CallAgentDispositions_DispositionId" ON "CallAgentDispositions" ("DispositionId");
CREATE INDEX "IX_CallAgentDispositions_TenantId" ON "CallAgentDispositions" ("TenantId");
CREATE INDEX "IX_CallAgentDispositions_UserId" ON "CallAgentDispositions" ("UserId");
