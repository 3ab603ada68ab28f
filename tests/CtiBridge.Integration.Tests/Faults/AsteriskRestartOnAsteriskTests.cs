using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// Asterisk itself goes away under live traffic — stopped (<c>core stop now</c>) or killed (SIGKILL, a crash) — and is
/// started again while CtiBridge (the production Api) keeps running: every call it had is ended and recorded with
/// <c>PbxRestarted</c>, no agent stays On call or Ringing, no caller stays waiting in the API, CtiBridge reconnects on its
/// own, and both agents take calls again. Customers are sipp on the demo trunk (three at a time: two talking, one
/// waiting; sipp keeps calling while Asterisk is down and after); agents have SIP desk phones that answer.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class AsteriskRestartOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk)
{
    // Reconnect every second at most, so the figures measure CtiBridge rather than the backoff's ceiling.
    protected override Dictionary<string, string?>? HostSettings() => new()
    {
        ["Asterisk:Ari:Reconnect:MaxDelay"] = "00:00:01",
        ["Asterisk:Ami:Reconnect:MaxDelay"] = "00:00:01",
    };

    [AsteriskAndSippTheory]
    [InlineData("stopped")]
    [InlineData("killed")]
    public async Task Every_call_asterisk_had_ends_as_its_restart_nobody_is_stuck_and_calls_flow_again(string how)
    {
        var (ann, _, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        var (bob, _, _) = await AgentOnlineAsync("bob", "1102", ready: true);
        (string Name, HttpClient Client)[] agents = [("ann", ann), ("bob", bob)];
        var admin = Tenant.Admin;
        var customers = Track(SippParties.Customers(AsteriskServer, concurrent: 3, total: 10_000));
        string? last = null;
        await Wait.UntilAsync(async () => (last = await ApiAgainstAsterisk.InconsistencyAsync(AsteriskServer, agents, admin, Tenant.SalesId)) is null
                                          && (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer)).Count == 2
                                          && (await admin.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting")).GetArrayLength() == 1,
            "two customers talking to Ann and Bob, a third waiting", 40, () => last + "\n" + Diagnostics());

        // The calls Asterisk has now: two connected, one waiting.
        var before = new List<string>();
        foreach (var (_, client) in agents)
            before.AddRange((await client.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Select(c => c.Str("callId")));
        before.AddRange((await admin.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting")).EnumerateArray().Select(c => c.Str("callId")));
        Assert.Equal(3, before.Distinct().Count());

        var clock = Stopwatch.StartNew();
        if (how == "killed") await AsteriskServer.KillAsync();
        else await AsteriskServer.StopAsync();
        var down = clock.Elapsed.TotalSeconds;
        // While Asterisk is away CtiBridge says it is not ready (and the calls are still what it last knew).
        await Wait.UntilAsync(async () => (await Host.CreateClient().GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
            "readiness 503 while Asterisk is down", 30);
        await AsteriskServer.StartAsync();
        var upAt = clock.Elapsed.TotalSeconds;
        await Wait.UntilAsync(async () => (await Host.CreateClient().GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            "CtiBridge connected again on its own (readiness 200)", 30, () => Host.Log.Since(DateTimeOffset.UtcNow.AddMinutes(-2)));
        var readyAt = clock.Elapsed.TotalSeconds;

        // Every call Asterisk had is over, recorded as the PBX's restart.
        var reasons = new Dictionary<string, string>();
        await Wait.UntilAsync(async () =>
        {
            foreach (var id in before.Where(id => !reasons.ContainsKey(id)))
            {
                using var r = await admin.GetAsync($"/api/v1/call-records/{id}");
                if (r.StatusCode != HttpStatusCode.OK) continue;
                var summary = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("summary");
                if (summary.GetProperty("endedAt").ValueKind != JsonValueKind.Null) reasons[id] = summary.Str("endReason");
            }
            return reasons.Count == before.Count;
        }, "the three calls Asterisk had recorded as ended", 30, () => string.Join(", ", reasons) + "\n" + Host.Log.Since(DateTimeOffset.UtcNow.AddMinutes(-2)));
        var recordedAt = clock.Elapsed.TotalSeconds;
        if (reasons.Values.Any(r => r != "PbxRestarted")) output.WriteLine("CtiBridge's log:\n" + Host.Log.Since(DateTimeOffset.UtcNow.AddMinutes(-2)));
        Assert.All(reasons, r => Assert.Equal("PbxRestarted", r.Value));
        foreach (var (name, client) in agents)
        {
            var calls = (await client.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Select(c => c.Str("callId"));
            Assert.Empty(calls.Intersect(before));
            var status = (await client.GetJsonAsync("/api/v1/agent/state")).Str("status");
            Assert.True(status is not "Ringing" || !before.Any(), $"{name} is {status}");
        }
        var waiting = (await admin.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting")).EnumerateArray().Select(c => c.Str("callId"));
        Assert.Empty(waiting.Intersect(before));

        // Nobody stuck: the API agrees with Asterisk again, and new callers reach both agents. (A killed Asterisk sends no
        // BYE: the first sipp's customers would wait for one for ever, so new customers come from a new sipp.)
        await customers.DisposeAsync();
        customers = Track(SippParties.Customers(AsteriskServer, concurrent: 2, total: 2));
        var seen = new List<string>();
        await Wait.UntilAsync(async () =>
        {
            last = await ApiAgainstAsterisk.InconsistencyAsync(AsteriskServer, agents, admin, Tenant.SalesId);
            var states = new List<string>();
            foreach (var (name, client) in agents)
            {
                var state = await client.GetJsonAsync("/api/v1/agent/state");
                states.Add($"{name} {state.Str("status")}{(state.GetProperty("deviceAvailable").GetBoolean() ? "" : " (phone unavailable)")}");
            }
            var line = (last ?? "consistent") + "; " + string.Join(", ", states);
            if (seen.Count == 0 || !seen[^1].EndsWith(line, StringComparison.Ordinal)) seen.Add($"{clock.Elapsed.TotalSeconds:0.00} s: {line}");
            return last is null && (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer)).Count == 2;
        }, "the API consistent with Asterisk and two new customers talking to Ann and Bob", 60,
            () => string.Join("\n", seen) + "\n" + Host.Log.Since(DateTimeOffset.UtcNow.AddMinutes(-2)) + "\n" + Diagnostics());
        var flowingAt = clock.Elapsed.TotalSeconds;
        output.WriteLine($"Asterisk {how}: down after {down:0.00} s, up again at {upAt:0.00} s; CtiBridge ready {readyAt - upAt:0.00} s after Asterisk was up, " +
                         $"the 3 calls recorded PbxRestarted {recordedAt - upAt:0.00} s after, consistent with two new calls talking {flowingAt - upAt:0.00} s after");
        output.WriteLine("  " + string.Join("\n  ", seen));

        // The traffic stops while CtiBridge runs (it clears its own bridges): nothing stays on a call, ringing or waiting.
        await ApiAgainstAsterisk.StopTrafficAsync(AsteriskServer, customers, agents, admin, Tenant.SalesId);
    }
}
