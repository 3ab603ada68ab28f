using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CtiBridge.Application.Provisioning;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// Two real Asterisk servers side by side on loopback (docs/architecture.md, "Several Asterisk servers"): the shared one,
/// on which tenant "demo" is placed (the default server), and "north", started here with its own ports, run directory and
/// system name, whose dialplan and trunk serve tenant "north" (placed on it through the admin API). First one CtiBridge
/// process drives both: each tenant's endpoints are provisioned on its own server, its agent's phone registers there, its
/// customers are offered to its agent and talk on that server only. Then two nodes over PostgreSQL: node A prefers the
/// default server, node B north; each holds the leases of its server's tenant and connects to that server only. B is killed
/// mid-call: A takes north's tenant, connects to north and takes the call back, nobody gets a BYE, and A's hang-up sends it.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class SeveralAsteriskServersOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk), IAsyncLifetime
{
    private const string NorthDomain = "north";
    private const string NorthAdminPassword = "Lantern-Fjord-2026";
    private readonly PostgresInstance _postgres = new();
    private readonly RealAsterisk _north = new() { SystemName = "north", Tenant = NorthDomain };
    private readonly List<Sipp> _northSipps = [];
    private string _connectionString = "";

    protected override Dictionary<string, string?>? HostSettings()
    {
        if (PostgresInstance.SkipRequested) return null;
        _connectionString = _postgres.CreateDatabaseAsync().GetAwaiter().GetResult();
        _north.InitializeAsync().GetAwaiter().GetResult();
        return new()
        {
            ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = _connectionString,
            ["Asterisk:Servers:north:Ari:BaseUrl"] = _north.AriUrl,
            ["Asterisk:Servers:north:Ari:Username"] = _north.AriUser,
            ["Asterisk:Servers:north:Ari:Password"] = _north.AriPassword,
            ["Asterisk:Servers:north:Ari:Application"] = "ctibridge",
            ["Asterisk:Servers:north:Ami:Host"] = "127.0.0.1",
            ["Asterisk:Servers:north:Ami:Port"] = _north.AmiPort.ToString(),
            ["Asterisk:Servers:north:Ami:Username"] = _north.AmiUser,
            ["Asterisk:Servers:north:Ami:Secret"] = _north.AmiSecret,
            ["Asterisk:Servers:north:Provisioning:IncludeFile"] = Path.Combine(_north.Etc, "provisioned", "pjsip_provisioned.conf"),
        };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var s in _northSipps) await s.DisposeAsync();
        await DisposeAsync();
        await _north.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private Sipp TrackNorth(Sipp s) { _northSipps.Add(s); return s; }

    private string NorthDiagnostics() => Diagnostics() + "\n---- north sipp\n" + string.Join("\n---- north sipp\n", _northSipps.Select(s => s.Messages));

    private static bool AgentConnected(JsonElement call) =>
        call.Str("state") == "Connected" && call.GetProperty("parties").EnumerateArray().Any(p => p.Str("role") == "Agent" && p.Str("state") == "Connected");

    private async Task<Dictionary<string, string>> LeasesAsync()
    {
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT t.\"Domain\", l.\"NodeId\" FROM \"TenantLeases\" l JOIN \"Tenants\" t ON t.\"Id\" = l.\"TenantId\"", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var leases = new Dictionary<string, string>();
        while (await r.ReadAsync()) leases[r.GetString(0)] = r.GetString(1);
        return leases;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>A node's readiness checks: name → description.</summary>
    private static async Task<Dictionary<string, (string Status, string Description)>> ChecksAsync(CtiBridgeProcess node)
    {
        using var r = await node.Client().GetAsync("/health/ready");
        var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        return doc.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => (c.Value.Str("status"), c.Value.GetProperty("description").GetString() ?? ""));
    }

    /// <summary>Tenant "north" on the server "north", its Sales group and agent Nia (extension 2101) with a SIP phone.</summary>
    private async Task<HttpClient> NorthTenantWithNiaAsync()
    {
        var bootstrap = Host.CreateClient();
        bootstrap.DefaultRequestHeaders.Add("X-Bootstrap-Key", ProductHost.BootstrapKey);
        // A server no node knows is refused with a stable code, nothing created.
        var refused = await bootstrap.PostJsonAsync("/api/v1/admin/tenants", new
        {
            domain = "south", name = "South", adminUsername = "boss", adminPassword = NorthAdminPassword, asteriskServer = "south",
        }, HttpStatusCode.BadRequest);
        Assert.Equal("unknown_asterisk_server", refused.Str("code"));
        var created = await bootstrap.PostJsonAsync("/api/v1/admin/tenants", new
        {
            domain = NorthDomain, name = "North", adminUsername = "boss", adminPassword = NorthAdminPassword, asteriskServer = "north",
        }, HttpStatusCode.Created);
        Assert.Equal("north", created.Str("asteriskServer"));

        var admin = await Host.SignInAsync(NorthDomain, "boss", NorthAdminPassword);
        var sales = await admin.PostJsonAsync("/api/v1/admin/skill-groups", new { name = "Sales", number = "500", ringTimeoutSeconds = 5 }, HttpStatusCode.Created);
        var nia = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            username = "nia", displayName = "Nia", agentNumber = "2101", roles = new[] { "agent" }, password = ProductTenant.AgentPassword,
            agentProfile = new { extension = "2101", extensionKind = "Sip", wrapUpSeconds = 30 },
        }, HttpStatusCode.Created);
        await admin.PutJsonAsync($"/api/v1/admin/skill-groups/{sales.Str("id")}/members/{nia.Str("id")}", new { priority = 1 });

        // Provisioned on north, not on the default server.
        Assert.Contains("[north-2101]", await File.ReadAllTextAsync(Path.Combine(_north.Etc, "provisioned", "pjsip_provisioned.conf")));
        Assert.DoesNotContain("north-2101", await File.ReadAllTextAsync(Path.Combine(AsteriskServer.Etc, "provisioned", "pjsip_provisioned.conf")));

        var client = await Host.SignInAsync(NorthDomain, "nia", ProductTenant.AgentPassword);
        await client.PostJsonAsync("/api/v1/agent/login", new { ready = false });
        var creds = await Host.Services.GetRequiredService<IEndpointProvisioner>().GetCredentialsAsync(NorthDomain, "north-2101")
                    ?? throw new InvalidOperationException("north-2101 is not provisioned");
        var phone = TrackNorth(SippParties.Phone(_north, creds.Username, creds.Password, SippParties.PhoneBehaviour.Answer));
        await Wait.UntilAsync(() => Task.FromResult(phone.Registered), "Nia's phone registered on north", diagnostics: NorthDiagnostics);
        await Wait.UntilAsync(async () => (await _north.GetJsonAsync("endpoints/PJSIP/north-2101")).Str("state") == "online",
            "north-2101 online on north", diagnostics: NorthDiagnostics);
        await Wait.UntilAsync(async () => (await client.GetJsonAsync("/api/v1/agent/state")).GetProperty("deviceAvailable").GetBoolean(),
            "Nia's phone available in CtiBridge (north's device state)", diagnostics: () => Host.Log.Since(DateTimeOffset.UtcNow.AddSeconds(-30)));
        await client.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });
        await Wait.AgentStatusAsync(client, "Ready");
        return client;
    }

    [AsteriskAndSippFact]
    public async Task Two_tenants_on_two_asterisk_servers_talk_each_on_its_own_and_a_node_takes_the_other_servers_tenant_and_call_back()
    {
        Assert.False(PostgresInstance.SkipRequested, $"{PostgresInstance.SkipVariable}=1: this test needs PostgreSQL");

        // ---- One process, both servers.
        var (ann, _, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        var nia = await NorthTenantWithNiaAsync();

        var demoCustomer = Track(SippParties.Customer(AsteriskServer, from: "5550101"));
        var northCustomer = TrackNorth(SippParties.Customer(_north, from: "5550202"));
        var annCall = await Wait.CallAsync(ann, AgentConnected, "the demo customer talking to Ann", diagnostics: Diagnostics);
        var niaCall = await Wait.CallAsync(nia, AgentConnected, "the north customer talking to Nia", diagnostics: NorthDiagnostics);
        await Wait.UntilAsync(async () => (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer)).Count == 1 && (await ApiAgainstAsterisk.TalkingAsync(_north, "21")).Count == 1,
            "each call in a bridge on its own server", diagnostics: NorthDiagnostics);
        // The caller's channel id is north's own (its system name first); the agent's leg has the id CtiBridge gave it.
        var northChannels = await _north.ChannelsAsync();
        Assert.Contains(northChannels, c => c.Id.StartsWith("north-", StringComparison.Ordinal) && c.Name.StartsWith("PJSIP/north-trunk", StringComparison.Ordinal));
        Assert.All(northChannels.Where(c => !c.Id.StartsWith("cti-", StringComparison.Ordinal)), c => Assert.StartsWith("north-", c.Id));
        Assert.DoesNotContain(await AsteriskServer.ChannelsAsync(), c => c.Name.Contains("north-2101"));

        await nia.PostJsonAsync($"/api/v1/calls/{niaCall.Str("callId")}/hangup", expect: HttpStatusCode.NoContent);
        await ann.PostJsonAsync($"/api/v1/calls/{annCall.Str("callId")}/hangup", expect: HttpStatusCode.NoContent);
        Assert.Equal(0, await northCustomer.ExitAsync());
        Assert.Equal(0, await demoCustomer.ExitAsync());
        await nia.PostJsonAsync("/api/v1/agent/wrap-up/end", expect: HttpStatusCode.OK);

        // ---- Two nodes: A prefers the default server, B north.
        var settings = Host.Settings;
        await Host.DisposeAsync();
        await ProductHost.WaitAppUnregisteredAsync(AsteriskServer);
        await ProductHost.WaitAppUnregisteredAsync(_north);
        string[] urls = [CtiBridgeProcess.ReserveUrl(), CtiBridgeProcess.ReserveUrl()];
        Dictionary<string, string?> Node(string id, string url, string preferred) => new(settings)
        {
            ["Cluster:NodeId"] = id, ["Cluster:Address"] = url, ["Cluster:LeaseSeconds"] = "3", ["Cluster:RenewSeconds"] = "0.5",
            ["Cluster:PreferredServers:0"] = preferred, ["CallCenter:ReloadIntervalSeconds"] = "0",
        };
        await using var a = CtiBridgeProcess.Start(Node("node-a", urls[0], "default"), urls[0]);
        await using var b = CtiBridgeProcess.Start(Node("node-b", urls[1], "north"), urls[1]);
        await Wait.UntilAsync(async () => await a.ReadyAsync() && await b.ReadyAsync()
                                          && await LeasesAsync() is var l && l.GetValueOrDefault("demo") == "node-a" && l.GetValueOrDefault(NorthDomain) == "node-b",
            "node A holding demo's lease and node B north's", 60, () => $"{string.Join(", ", LeasesAsync().GetAwaiter().GetResult())}\nA:\n{a.OutputTail()}\nB:\n{b.OutputTail()}");
        Dictionary<string, (string Status, string Description)> checksA = [], checksB = [];
        await Wait.UntilAsync(async () => (checksA = await ChecksAsync(a))["asterisk-ari"].Description.StartsWith("ARI connected")
                                          && (checksB = await ChecksAsync(b))["asterisk-north-ari"].Description.StartsWith("ARI connected"),
            "node A connected to the default server and node B to north", 30,
            () => $"A: {string.Join("; ", checksA.Select(c => c.Key + " " + c.Value.Description))}\nB: {string.Join("; ", checksB.Select(c => c.Key + " " + c.Value.Description))}");
        output.WriteLine($"node A: {string.Join("; ", checksA.Where(c => c.Key.StartsWith("asterisk")).Select(c => $"{c.Key} {c.Value.Description}"))}");
        output.WriteLine($"node B: {string.Join("; ", checksB.Where(c => c.Key.StartsWith("asterisk")).Select(c => $"{c.Key} {c.Value.Description}"))}");
        Assert.StartsWith("ARI connected", checksA["asterisk-ari"].Description);
        Assert.Contains("not opened", checksA["asterisk-north-ari"].Description);
        Assert.StartsWith("ARI connected", checksB["asterisk-north-ari"].Description);
        Assert.Contains("not opened", checksB["asterisk-ari"].Description);

        // Nia signs in through A: her requests are served by B, which holds her tenant.
        var niaOnA = await a.SignInAsync(NorthDomain, "nia", ProductTenant.AgentPassword);
        using (var r = await niaOnA.GetAsync("/api/v1/agent/state"))
            Assert.Equal("node-b", r.Headers.GetValues("X-CtiBridge-Node").Single());
        if ((await niaOnA.GetJsonAsync("/api/v1/agent/state")).Str("status") != "Ready")
            await niaOnA.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });
        await Wait.AgentStatusAsync(niaOnA, "Ready");

        var customer = TrackNorth(SippParties.Customer(_north, from: "5550303"));
        var call = await Wait.CallAsync(niaOnA, AgentConnected, "the north customer talking to Nia through node B", diagnostics: () => NorthDiagnostics() + "\nB:\n" + b.OutputTail(40));
        var callId = call.Str("callId");
        List<string> talking = [];
        await Wait.UntilAsync(async () => (talking = await ApiAgainstAsterisk.TalkingAsync(_north, "21")).Count == 1, "the call in its bridge on north");

        // B is killed: A takes north's tenant once its lease expires (and two renewals pass: north is not A's server), connects to north, takes the call back.
        var clock = Stopwatch.StartNew();
        await b.KillAsync();
        string last = "";
        await Wait.UntilAsync(async () =>
        {
            using var r = await niaOnA.GetAsync("/api/v1/agent/calls");
            last = $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}";
            return r.IsSuccessStatusCode && JsonDocument.Parse(last[4..]).RootElement.EnumerateArray().Any(c => c.Str("callId") == callId && AgentConnected(c));
        }, "node A took north's call back", 30, () => last + "\n" + a.OutputTail(60));
        var takeover = clock.Elapsed.TotalSeconds;
        output.WriteLine($"node B killed → north's call taken back on node A: {takeover:0.00} s (lease 3 s, renewals 0.5 s)");
        Assert.Equal("node-a", (await LeasesAsync())[NorthDomain]);
        Assert.StartsWith("ARI connected", (await ChecksAsync(a))["asterisk-north-ari"].Description);
        Assert.Equal(talking, await ApiAgainstAsterisk.TalkingAsync(_north, "21"));
        Assert.DoesNotContain("BYE sip:", customer.Messages);

        await niaOnA.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        Assert.Equal(0, await customer.ExitAsync());
        await Wait.UntilAsync(async () => await ScalarAsync($"SELECT count(*) FROM \"CallRecords\" WHERE \"Id\" = '{callId}' AND \"EndedAt\" IS NOT NULL") == 1,
            "the call's record stored once");
        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM \"CallRecords\""));
        await _north.AssertNothingLeftAsync();
    }
}
