-- WallboardKeys: keys that open the read-only wallboard of chosen skill groups without a sign-in (hash only).

CREATE TABLE "WallboardKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WallboardKeys" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "SkillGroupIds" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_WallboardKeys_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_WallboardKeys_Prefix" ON "WallboardKeys" ("Prefix");

CREATE INDEX "IX_WallboardKeys_TenantId" ON "WallboardKeys" ("TenantId");
