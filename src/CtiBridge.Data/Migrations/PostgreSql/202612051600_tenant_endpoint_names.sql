-- Schema migration 202612051600_tenant_endpoint_names (PostgreSql): PJSIP endpoint names on a shared Asterisk are "<tenant domain>-<name>" and unique across
-- all tenants (docs/provisioning.md). Existing phones are brought in line:
--   1. a phone whose endpoint name does not start with its own tenant's "<domain>-" gets that prefix;
--   2. a phone whose name is another tenant's agent endpoint ("<domain>-<extension>") is prefixed again with its own
--      domain (the agent keeps the name: agents' endpoints are always named after their own tenant);
--   3. of phones of several tenants sharing a name, the tenant with the longest domain (the one the name reads as)
--      keeps it; the others are prefixed again with their own domain.
-- Renamed phones must be saved again (re-provisioned) and reconfigured on the device. Names are cut at 100 characters.
-- Also: the tenant setting "go Not Ready before dialling out" (docs/agent-states.md), default off.

UPDATE "Phones"
SET "EndpointName" = substr((SELECT t."Domain" FROM "Tenants" t WHERE t."Id" = "Phones"."TenantId") || '-' || "EndpointName", 1, 100)
WHERE substr("EndpointName", 1, length((SELECT t."Domain" FROM "Tenants" t WHERE t."Id" = "Phones"."TenantId")) + 1)
      <> (SELECT t."Domain" FROM "Tenants" t WHERE t."Id" = "Phones"."TenantId") || '-';

UPDATE "Phones"
SET "EndpointName" = substr((SELECT t."Domain" FROM "Tenants" t WHERE t."Id" = "Phones"."TenantId") || '-' || "EndpointName", 1, 100)
WHERE EXISTS (
    SELECT 1 FROM "AgentProfiles" ap JOIN "Tenants" agt ON agt."Id" = ap."TenantId"
    WHERE ap."TenantId" <> "Phones"."TenantId" AND agt."Domain" || '-' || ap."Extension" = "Phones"."EndpointName");

UPDATE "Phones"
SET "EndpointName" = substr((SELECT t."Domain" FROM "Tenants" t WHERE t."Id" = "Phones"."TenantId") || '-' || "EndpointName", 1, 100)
WHERE EXISTS (
    SELECT 1 FROM "Phones" o JOIN "Tenants" ot ON ot."Id" = o."TenantId"
    WHERE o."EndpointName" = "Phones"."EndpointName" AND o."TenantId" <> "Phones"."TenantId"
      AND length(ot."Domain") > length((SELECT t."Domain" FROM "Tenants" t WHERE t."Id" = "Phones"."TenantId")));

DROP INDEX "IX_Phones_TenantId_EndpointName";

CREATE UNIQUE INDEX "IX_Phones_EndpointName" ON "Phones" ("EndpointName");

ALTER TABLE "Tenants" ADD COLUMN "Settings_OutboundRequiresNotReady" boolean NOT NULL DEFAULT FALSE;
