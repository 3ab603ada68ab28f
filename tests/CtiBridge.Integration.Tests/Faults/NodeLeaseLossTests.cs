using System.Net;
using System.Text.Json;
using CtiBridge.Integration.Tests.Product;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// Two sandbox nodes (no Asterisk needed) over one SQLite file with leases of 3 s (docs/architecture.md, "Several
/// nodes"): the standby forwards the tenant's requests to the holder; when another node takes the holder's lease (here
/// written into the row, as a node with a skewed clock would) the holder stops at its next renewal with exit code 3; the
/// standby refuses the tenant's requests with 503 tenant_owned_elsewhere while the row names an unreachable node, and
/// serves them itself once that lease expired and it took it.
/// </summary>
public sealed class NodeLeaseLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-nodes-" + Guid.NewGuid().ToString("N"));
    private string Db => Path.Combine(_dir, "cti.db");

    public Task InitializeAsync() { Directory.CreateDirectory(_dir); return Task.CompletedTask; }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private Dictionary<string, string?> Node(string id, string url) => new()
    {
        ["Sandbox:Enabled"] = "true",
        ["Data:Directory"] = Path.Combine(_dir, id),
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Db}",
        ["Auth:PasswordIterations"] = "1000",
        ["Auth:Jwt:SigningKey"] = "node-test-signing-key-long-enough-0123456789",
        ["RateLimiting:Login:PermitLimit"] = "1000",
        ["RateLimiting:Login:PerIpPermitLimit"] = "1000",
        ["Cluster:NodeId"] = id, ["Cluster:Address"] = url, ["Cluster:LeaseSeconds"] = "3", ["Cluster:RenewSeconds"] = "0.5",
    };

    private async Task<(string NodeId, long Epoch)> LeaseAsync()
    {
        await using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"NodeId\", \"Epoch\" FROM \"TenantLeases\"";
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetString(0), r.GetInt64(1)) : ("", 0);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_standby_forwards_to_the_holder_a_holder_whose_lease_was_taken_exits_and_the_standby_takes_over_after_expiry()
    {
        var urlA = CtiBridgeProcess.ReserveUrl();
        await using var a = CtiBridgeProcess.Start(Node("node-a", urlA), urlA);
        await Wait.UntilAsync(async () => await a.ReadyAsync() && (await LeaseAsync()).NodeId == "node-a", "node A holding the demo tenant's lease", 60, () => a.OutputTail());
        var urlB = CtiBridgeProcess.ReserveUrl();
        await using var b = CtiBridgeProcess.Start(Node("node-b", urlB), urlB);
        await Wait.UntilAsync(b.ReadyAsync, "node B ready, standing by", 60, () => b.OutputTail());
        // Each node's liveness runs its lease loops' check: both loops move, on the holder and on the standby.
        foreach (var (node, held) in new[] { (a, 1), (b, 0) })
        {
            using var client = node.Client();
            using var live = await client.GetAsync("/health/live");
            var check = JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("cluster-lease");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.Matches($"holds {held} tenant lease\\(s\\); last renewal round [0-9.]+ s ago, last acquisition round [0-9.]+ s ago", check.GetProperty("description").GetString());
        }

        var agent = await b.SignInAsync("demo", "agent1", "Quiet-Harbor-2026");
        using (var r = await agent.GetAsync("/api/v1/agent/state"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("node-a", r.Headers.GetValues("X-CtiBridge-Node").Single()); // forwarded: B has not loaded the tenant
        }
        await agent.PostJsonAsync("/api/v1/agent/login", new { ready = true }); // a write, forwarded too
        Assert.Equal("Ready", (await agent.GetJsonAsync("/api/v1/agent/state")).Str("status"));
        Assert.Equal(("node-a", 1L), await LeaseAsync());

        // A's journal has stored her session (it writes behind the request; a write still queued when the lease is lost is
        // refused by the fence, and the next holder would not know she was logged in).
        await Wait.UntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM \"AgentSessions\" WHERE \"Status\" = 'Ready'") == 1,
            "agent1's session stored by node A", 15, () => a.OutputTail());
        // Another node takes A's lease (its clock ran ahead): A's next renewal is refused, it stops with exit code 3.
        await ExecuteAsync("UPDATE \"TenantLeases\" SET \"NodeId\" = 'node-x', \"Epoch\" = \"Epoch\" + 1");
        await Wait.UntilAsync(() => Task.FromResult(a.ExitCode is not null), "node A stopped after losing its lease", 15, () => a.OutputTail());
        Assert.Equal(3, a.ExitCode);
        Assert.Contains("lost the lease", a.OutputTail(80));

        // While the row names node-x (whose address is A's, gone), B refuses the tenant's requests, naming the owner.
        using (var r = await agent.GetAsync("/api/v1/agent/state"))
        {
            var body = await r.Content.ReadAsStringAsync();
            if (r.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var problem = JsonDocument.Parse(body).RootElement;
                Assert.Equal("tenant_owned_elsewhere", problem.Str("code"));
                Assert.Contains(problem.Str("owner"), new[] { "node-x", "node-a" }); // node-a while B's 1-s cache of the row still has it
                Assert.Equal("2", r.Headers.RetryAfter?.ToString());
            }
            else Assert.Fail($"expected 503 while node-x holds the lease: {(int)r.StatusCode} {body}");
        }

        // Once node-x's lease has expired, B takes it (next epoch) and serves the tenant itself; the agent's session is back.
        string last = "";
        await Wait.UntilAsync(async () =>
        {
            using var r = await agent.GetAsync("/api/v1/agent/state");
            last = $"{(int)r.StatusCode} {string.Join(",", r.Headers.TryGetValues("X-CtiBridge-Node", out var n) ? n : [])} {await r.Content.ReadAsStringAsync()}";
            return r.IsSuccessStatusCode && r.Headers.GetValues("X-CtiBridge-Node").Single() == "node-b";
        }, "node B serving the tenant", 15, () => last + "\n" + b.OutputTail());
        Assert.Equal(("node-b", 3L), await LeaseAsync());
        Assert.True(last.Contains("\"status\":\"Ready\""), last + "\n" + b.OutputTail(60)); // the first answer B served: the tenant loaded, her session restored
        output.WriteLine(last);
    }
}
