using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The migration that makes PJSIP endpoint names "&lt;domain&gt;-&lt;name&gt;" and unique across tenants, run on rows
/// written under the earlier schema (names unique per tenant only, some without their tenant's prefix).
/// </summary>
[Collection(DatabaseCollection.Name)]
public class EndpointNameMigrationTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Existing_phones_get_their_tenants_prefix_and_names_shared_across_tenants_are_resolved(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();
        var endpointNames = SchemaMigrator.All.Single(m => m.Name == "tenant_endpoint_names");
        foreach (var earlier in SchemaMigrator.All.TakeWhile(m => m.Id != endpointNames.Id))
            foreach (var statement in SchemaMigrator.StatementsFor(earlier, provider))
                await db.Database.ExecuteSqlRawAsync(statement);

        var (yes, no) = (true, false);
        var createdAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var demo = Guid.NewGuid();
        var demoB = Guid.NewGuid();
        foreach (var (id, domain) in new[] { (demo, "demo"), (demoB, "demo-b") })
            await db.Database.ExecuteSqlAsync(
                $@"INSERT INTO ""Tenants"" (""Id"", ""Domain"", ""Name"", ""Enabled"", ""CreatedAt"", ""Settings_AttachedDataKeys"", ""Settings_DefaultMusicOnHoldClass"",
                   ""Settings_DeviceUnavailableAutoReturn"", ""Settings_DirectCallsRequireReady"", ""Settings_NoAgentRule"", ""Settings_NotificationsEnabled"",
                   ""Settings_NumberMaskingRule"", ""Settings_RecordingPolicy"", ""Settings_WrapUpDefaultSeconds"")
                   VALUES ({id}, {domain}, {domain}, {yes}, {createdAt}, '[]', 'default', {yes}, {no}, 'KeepWaiting', {yes}, '', 'OnDemand', 30)");
        var phones = new (string Tenant, Guid TenantId, string Name)[]
        {
            ("A desk phone of demo, already prefixed", demo, "demo-2001"),
            ("demo-b's phone named after demo's desk phone", demoB, "demo-2001"),
            ("demo-b's phone named after demo's agent softphone", demoB, "demo-1001"),
            ("demo's phone that reads as demo-b's endpoint", demo, "demo-b-1001"),
            ("demo-b's own phone", demoB, "demo-b-1001"),
            ("demo's phone without a prefix", demo, "lobby"),
        };
        var ids = new List<Guid>();
        foreach (var (_, tenantId, name) in phones)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            await db.Database.ExecuteSqlAsync(
                $@"INSERT INTO ""Phones"" (""Id"", ""TenantId"", ""EndpointName"", ""Extension"", ""HotDesk"") VALUES ({id}, {tenantId}, {name}, '2001', {no})");
        }

        foreach (var statement in SchemaMigrator.StatementsFor(endpointNames, provider))
            await db.Database.ExecuteSqlRawAsync(statement);

        var after = new List<string>();
        foreach (var id in ids)
            after.Add(await db.Database.SqlQuery<string>($@"SELECT ""EndpointName"" AS ""Value"" FROM ""Phones"" WHERE ""Id"" = {id}").SingleAsync());
        Assert.Equal(["demo-2001", "demo-b-demo-2001", "demo-b-demo-1001", "demo-demo-b-1001", "demo-b-1001", "demo-lobby"], after);

        // Names are now unique across tenants.
        var duplicate = await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(
            $@"INSERT INTO ""Phones"" (""Id"", ""TenantId"", ""EndpointName"", ""Extension"", ""HotDesk"") VALUES ({Guid.NewGuid()}, {demo}, 'demo-b-1001', '1', {no})"));
        Assert.NotNull(duplicate);
    }
}
