using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Npgsql;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// The database (PostgreSQL, the server database) stops for about 10 s under live traffic on a real Asterisk: calls go
/// on being offered, answered and ended, an agent changes state through the API, readiness reports the database down and
/// the journal degraded, and once PostgreSQL is back every call that ended and every state change made meanwhile is in
/// the database — nothing the journal held is lost.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class DatabaseOutageOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk), IAsyncLifetime
{
    private readonly PostgresInstance _postgres = new();
    private string _connectionString = "";

    protected override Dictionary<string, string?>? HostSettings()
    {
        if (PostgresInstance.SkipRequested) return null;
        _connectionString = _postgres.CreateDatabaseAsync().GetAwaiter().GetResult();
        return new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = _connectionString,
        };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Checks)> ReadyAsync()
    {
        using var r = await Host.CreateClient().GetAsync("/health/ready");
        return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").Clone());
    }

    [AsteriskAndSippFact]
    public async Task Calls_and_state_changes_made_while_the_database_is_down_are_all_stored_once_it_is_back()
    {
        Assert.False(PostgresInstance.SkipRequested, $"{PostgresInstance.SkipVariable}=1: this test needs PostgreSQL");
        var (ann, _, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        var (bob, _, _) = await AgentOnlineAsync("bob", "1102", ready: true);
        var (cat, catId, _) = await AgentOnlineAsync("cat", "1103", ready: true, inSales: false);
        (string Name, HttpClient Client)[] agents = [("ann", ann), ("bob", bob)];
        var admin = Tenant.Admin;
        await admin.PostJsonAsync("/api/v1/admin/pause-reasons", new { name = "Break", code = 1 }, HttpStatusCode.Created);
        var customers = Track(SippParties.Customers(AsteriskServer, concurrent: 2, total: 10_000));
        await Wait.UntilAsync(async () => (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer)).Count == 2,
            "two customers talking to Ann and Bob", 40, Diagnostics);

        var clock = Stopwatch.StartNew();
        var outageStart = DateTimeOffset.UtcNow;
        await _postgres.StopAsync();
        var ended = new List<string>();
        var toggles = 0;
        var journalDegraded = false;
        var restarted = false;
        try
        {
            await Wait.UntilAsync(async () => await ReadyAsync() is { Status: HttpStatusCode.ServiceUnavailable } r
                                              && r.Checks.GetProperty("database").Str("status") == "Unhealthy",
                "readiness 503 with the database unhealthy", 20);

            // About 10 s of traffic without a database: customers hang up (their calls end and are journaled), new ones are
            // answered, agents end their wrap-up, and Cat changes state through the API.
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                foreach (var (_, client) in agents)
                {
                    var status = (await client.GetJsonAsync("/api/v1/agent/state")).Str("status");
                    if (status == "WrapUp") await ApiAgainstAsterisk.EndWrapUpAsync(client);
                    if (status != "OnCall") continue;
                    var call = (await client.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().FirstOrDefault(c => c.Str("state") == "Connected");
                    if (call.ValueKind != JsonValueKind.Object || ended.Contains(call.Str("callId"))) continue;
                    var customer = call.GetProperty("parties").EnumerateArray().First(p => p.Str("role") == "Customer").Str("legId");
                    await AsteriskServer.HangupAsync(customer);
                    ended.Add(call.Str("callId"));
                }
                await cat.PutJsonAsync("/api/v1/agent/state", toggles % 2 == 0 ? new { state = "NotReady", reason = (string?)"Break" } : new { state = "Ready", reason = (string?)null });
                toggles++;
                journalDegraded |= (await ReadyAsync()).Checks.GetProperty("journal").Str("status") == "Degraded";
                await Task.Delay(700);
            }
            Assert.True(ended.Count >= 2, $"only {ended.Count} calls ended during the outage");
            Assert.True(journalDegraded, "readiness never reported the journal degraded while the database was down");

            await _postgres.StartAgainAsync();
            restarted = true;
        }
        finally
        {
            // Whatever failed, the host stops over a running database (stopping while it is down is not what this tests).
            if (!restarted) await _postgres.StartAgainAsync();
        }
        var downFor = clock.Elapsed.TotalSeconds;
        await Wait.UntilAsync(async () => (await ReadyAsync()).Status == HttpStatusCode.OK, "readiness 200 once PostgreSQL is back", 30);
        var readyAfter = clock.Elapsed.TotalSeconds - downFor;

        // Every call that ended meanwhile has its record, ended; every state change Cat made is stored.
        var found = new HashSet<string>();
        await Wait.UntilAsync(async () =>
        {
            foreach (var id in ended.Where(id => !found.Contains(id)))
            {
                using var r = await admin.GetAsync($"/api/v1/call-records/{id}");
                if (r.StatusCode == HttpStatusCode.OK
                    && JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("summary").GetProperty("endedAt").ValueKind != JsonValueKind.Null)
                    found.Add(id);
            }
            return found.Count == ended.Count;
        }, "the record of every call that ended while the database was down", 30, () => $"{found.Count} of {ended.Count} found");
        var storedAfter = clock.Elapsed.TotalSeconds - downFor;
        long catChanges;
        await using (var conn = new NpgsqlConnection(_connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""SELECT count(*) FROM "AgentStateChanges" WHERE "UserId" = @u AND "At" >= @t""", conn);
            cmd.Parameters.AddWithValue("u", Guid.Parse(catId));
            cmd.Parameters.AddWithValue("t", outageStart.UtcDateTime);
            catChanges = (long)(await cmd.ExecuteScalarAsync())!;
        }
        Assert.Equal(toggles, catChanges);
        await ApiAgainstAsterisk.StopTrafficAsync(AsteriskServer, customers, agents, admin, Tenant.SalesId);
        output.WriteLine($"PostgreSQL down {downFor:0.0} s: {ended.Count} calls ended and {toggles} state changes made meanwhile; ready {readyAfter:0.00} s " +
                         $"after PostgreSQL was back, every record stored {storedAfter:0.00} s after; lost 0");
    }

    [AsteriskAndSippFact]
    public async Task CtiBridge_stopped_while_the_database_is_down_stops_within_its_journals_wait()
    {
        Assert.False(PostgresInstance.SkipRequested, $"{PostgresInstance.SkipVariable}=1: this test needs PostgreSQL");
        await AgentOnlineAsync("ann", "1101", ready: true);
        await _postgres.StopAsync();
        var clock = Stopwatch.StartNew();
        try
        {
            await Wait.UntilAsync(async () => (await ReadyAsync()).Status == HttpStatusCode.ServiceUnavailable, "readiness 503 with the database down", 20);
            clock.Restart();
            // A deploy stops CtiBridge while PostgreSQL is down. Before the scheduler's stop was bounded this never ended.
            await Host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally { await _postgres.StartAgainAsync(); }
        var stoppedIn = clock.Elapsed;
        output.WriteLine($"stopped in {stoppedIn.TotalSeconds:0.0} s with PostgreSQL down");
        // The scheduler's stop and the journal's are bounded at 10 s each (they stop one after the other); nothing else
        // may hold the stop longer. Before the bound, Quartz retried the database for minutes.
        Assert.True(stoppedIn < TimeSpan.FromSeconds(25), $"the stop took {stoppedIn.TotalSeconds:0.0} s\n{Host.Log.Since(DateTimeOffset.UtcNow - stoppedIn - TimeSpan.FromSeconds(1))}");
    }
}
