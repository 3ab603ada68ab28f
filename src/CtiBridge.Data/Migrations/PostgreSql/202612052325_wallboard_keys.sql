-- WallboardKeys: keys that open the read-only wallboard of chosen skill groups without a sign-in (hash only).

CREATE TABLE "WallboardKeys" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Prefix" character varying(16) NOT NULL,
    "KeyHash" character varying(64) NOT NULL,
    "SkillGroupIds" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    CONSTRAINT "PK_WallboardKeys" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WallboardKeys_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_WallboardKeys_Prefix" ON "WallboardKeys" ("Prefix");

CREATE INDEX "IX_WallboardKeys_TenantId" ON "WallboardKeys" ("TenantId");
