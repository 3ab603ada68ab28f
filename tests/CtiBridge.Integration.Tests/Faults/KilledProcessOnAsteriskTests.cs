using System.Diagnostics;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// CtiBridge killed (SIGKILL: no shutdown code runs) at random moments under live traffic on a real Asterisk and started
/// again over the same database: customers (sipp, three at a time) talk to two SIP agents or wait for them, and at half
/// the kills a talking customer hangs up while no CtiBridge runs. After each restart the public API must agree with
/// Asterisk again (<see cref="ApiAgainstAsterisk"/>) and no customer who was talking may have lost the call. Before each
/// kill the agents act on their calls at random — hold or resume, mute or unmute, start recording — so kills also land
/// on held, muted and recorded calls, some just after the action: after the restart each call the API showed before the
/// kill must show the same hold, mute and recording again. The short form runs in CI; <c>CTI_FAULT_KILLS=20</c> is the
/// full run (docs/benchmarks.md, "Faults").
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class KilledProcessOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk)
{
    private sealed record Outcome(int Talking, bool CustomerHungUp, double ReadySeconds, double ConsistentAfterReady, double ConsistentAfterKill, int Lost,
        int Held, int Muted, int Recorded, List<string> FlagsLost);

    /// <summary>What the API showed of a connected call just before a kill: its customer's leg, hold, the agent's mute, recording.</summary>
    private sealed record CallFlags(string CallId, string Agent, string CustomerLeg, bool Held, bool Muted, bool Recording);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) && v > 0 ? v : fallback;

    [AsteriskAndSippFact]
    public async Task CtiBridge_killed_at_random_moments_under_traffic_takes_every_call_back_and_the_api_agrees_with_asterisk_again()
    {
        var kills = Setting("CTI_FAULT_KILLS", 2);
        var seed = Setting("CTI_FAULT_SEED", Environment.TickCount & 0x7FFF);
        var random = new Random(seed);
        output.WriteLine($"seed {seed}; {kills} kills");

        // Set up on the in-process host (tenant, agents, their registered phones), then hand over to a process over the same database.
        await AgentOnlineAsync("ann", "1101", ready: true);
        await AgentOnlineAsync("bob", "1102", ready: true);
        var settings = Host.Settings;
        var data = Host.DataDirectory;
        Host.KeepDataOnDispose = true;
        await Host.DisposeAsync();
        await ProductHost.WaitAppUnregisteredAsync(AsteriskServer);

        CtiBridgeProcess? process = null;
        try
        {
            process = await StartAsync(settings);
            var (agents, admin) = await SignInAsync(process);
            var customers = Track(SippParties.Customers(AsteriskServer, concurrent: 3, total: 10_000));
            string? last = null;
            await Wait.UntilAsync(async () => (last = await ApiAgainstAsterisk.InconsistencyAsync(AsteriskServer, agents, admin, Tenant.SalesId)) is null
                                              && (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer)).Count == 2,
                "two customers talking to Ann and Bob, a third waiting", 40, () => last + "\n" + process.OutputTail() + "\n" + Diagnostics());

            var outcomes = new List<Outcome>();
            for (var i = 0; i < kills; i++)
            {
                await Task.Delay(random.Next(500, 3000));
                await ActAtRandomAsync(agents, random);
                await Task.Delay(random.Next(0, 400)); // sometimes the kill lands right after the action
                var before = await FlagsAsync(agents);
                // Talking: in a bridge with an agent's phone; a held customer is not, but is on a call all the same.
                var talking = (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer)).Union(before.Where(f => f.Held).Select(f => f.CustomerLeg)).ToList();
                var clock = Stopwatch.StartNew();
                await process.KillAsync();
                await process.DisposeAsync();
                process = null;
                string? hungUp = null;
                if (talking.Count > 0 && random.Next(2) == 0)
                {
                    hungUp = talking[random.Next(talking.Count)];
                    await AsteriskServer.HangupAsync(hungUp);
                }
                process = await StartAsync(settings);
                var readyAt = clock.Elapsed.TotalSeconds;
                (agents, admin) = await SignInAsync(process);
                var seen = new List<string>();
                var current = process;
                await Wait.UntilAsync(async () =>
                {
                    last = await ApiAgainstAsterisk.InconsistencyAsync(AsteriskServer, agents, admin, Tenant.SalesId);
                    var line = $"{clock.Elapsed.TotalSeconds:0.00} s: {last ?? "consistent"}";
                    if (seen.Count == 0 || !seen[^1].EndsWith(last ?? "consistent", StringComparison.Ordinal)) seen.Add(line);
                    return last is null;
                }, $"the API consistent with Asterisk after restart {i + 1}", 40, () => string.Join("\n", seen) + "\n" + current.OutputTail() + "\n" + Diagnostics());
                var consistentAt = clock.Elapsed.TotalSeconds;
                var now = (await AsteriskServer.ChannelsAsync()).Select(c => c.Id).ToHashSet();
                var lost = talking.Count(id => id != hungUp && !now.Contains(id));
                var flagsAfter = (await FlagsAsync(agents)).ToDictionary(f => f.CallId);
                var flagsLost = new List<string>();
                foreach (var b in before.Where(b => b.CustomerLeg != hungUp && now.Contains(b.CustomerLeg)))
                {
                    if (!flagsAfter.TryGetValue(b.CallId, out var a)) { flagsLost.Add($"{b.Agent}'s call {b.CallId} gone from the API"); continue; }
                    if (a.Held != b.Held || a.Muted != b.Muted || a.Recording != b.Recording)
                        flagsLost.Add($"{b.Agent}'s call {b.CallId}: before held {b.Held} muted {b.Muted} recording {b.Recording}, after {a.Held} {a.Muted} {a.Recording}");
                }
                outcomes.Add(new Outcome(talking.Count, hungUp is not null, readyAt, consistentAt - readyAt, consistentAt, lost,
                    before.Count(f => f.Held), before.Count(f => f.Muted), before.Count(f => f.Recording), flagsLost));
                output.WriteLine($"kill {i + 1}: talking {talking.Count} (held {before.Count(f => f.Held)}, muted {before.Count(f => f.Muted)}, recording {before.Count(f => f.Recording)}), " +
                                 $"hung up {(hungUp is null ? "-" : "yes")}: ready after {readyAt:0.00} s, " +
                                 $"consistent {consistentAt - readyAt:0.00} s later ({consistentAt:0.00} s after the kill), lost {lost}" +
                                 (flagsLost.Count == 0 ? "" : "; NOT KEPT: " + string.Join("; ", flagsLost)));
                if (consistentAt - readyAt >= 5) output.WriteLine("  what was seen:\n  " + string.Join("\n  ", seen) + "\n" + current.OutputTail(60));
            }

            // The traffic stops: every customer hangs up; nothing stays on a call, ringing or waiting.
            await customers.DisposeAsync();
            foreach (var c in await AsteriskServer.ChannelsAsync()) await AsteriskServer.HangupAsync(c.Id);
            await Wait.UntilAsync(async () =>
            {
                foreach (var (_, client) in agents)
                {
                    var status = (await client.GetJsonAsync("/api/v1/agent/state")).Str("status");
                    if (status == "WrapUp") await ApiAgainstAsterisk.EndWrapUpAsync(client);
                    if (status is "OnCall" or "Ringing" or "WrapUp" || (await client.GetJsonAsync("/api/v1/agent/calls")).GetArrayLength() > 0) return false;
                }
                return (await admin.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting")).GetArrayLength() == 0;
            }, "no call left in the API and both agents free once the customers hung up", 30);

            var ready = ApiAgainstAsterisk.Summary(outcomes.Select(o => o.ReadySeconds));
            var after = ApiAgainstAsterisk.Summary(outcomes.Select(o => o.ConsistentAfterReady));
            var total = ApiAgainstAsterisk.Summary(outcomes.Select(o => o.ConsistentAfterKill));
            output.WriteLine($"{outcomes.Count} kills: ready p50 {ready.P50:0.00} / max {ready.Max:0.00} s after the kill; consistent p50 {after.P50:0.00} / " +
                             $"max {after.Max:0.00} s after ready ({total.P50:0.00} / {total.Max:0.00} s after the kill); lost {outcomes.Sum(o => o.Lost)}");
            output.WriteLine($"at the kills: {outcomes.Sum(o => o.Held)} calls held, {outcomes.Sum(o => o.Muted)} muted, {outcomes.Sum(o => o.Recorded)} recording");
            Assert.Equal(0, outcomes.Sum(o => o.Lost));
            Assert.Empty(outcomes.SelectMany(o => o.FlagsLost));
            Assert.All(outcomes, o => Assert.True(o.ConsistentAfterReady < 5, $"consistent {o.ConsistentAfterReady:0.00} s after the restart was ready (target 5 s)"));
        }
        finally
        {
            // What is left on Asterisk goes with the suite's clean-up (which hangs up first, then waits for the app to go).
            if (process is not null) await process.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Each agent on a connected call does one thing at random: hold or resume, mute or unmute, start recording, or nothing.</summary>
    private static async Task ActAtRandomAsync((string Name, HttpClient Client)[] agents, Random random)
    {
        foreach (var f in await FlagsAsync(agents))
        {
            var client = agents.First(a => a.Name == f.Agent).Client;
            var action = random.Next(4) switch
            {
                0 => f.Held ? "resume" : "hold",
                1 => f.Muted ? "unmute" : "mute",
                2 => f.Recording ? null : "recording/start",
                _ => null,
            };
            if (action is null) continue;
            // The call may end under the action (the customer's sipp hangs up): 404 or 409 then is fine.
            using var r = await client.PostAsync($"/api/v1/calls/{f.CallId}/{action}", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(r.IsSuccessStatusCode || r.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound,
                $"{f.Agent} {action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The agents' connected calls as the API shows them.</summary>
    private static async Task<List<CallFlags>> FlagsAsync((string Name, HttpClient Client)[] agents)
    {
        var flags = new List<CallFlags>();
        foreach (var (name, client) in agents)
            foreach (var call in (await client.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Where(c => c.Str("state") == "Connected"))
            {
                var parties = call.GetProperty("parties").EnumerateArray().ToList();
                var customer = parties.FirstOrDefault(p => p.Str("role") == "Customer");
                var agent = parties.FirstOrDefault(p => p.Str("role") == "Agent" && p.Str("state") == "Connected");
                if (customer.ValueKind == System.Text.Json.JsonValueKind.Undefined || agent.ValueKind == System.Text.Json.JsonValueKind.Undefined) continue;
                flags.Add(new CallFlags(call.Str("callId"), name, customer.Str("legId"), call.GetProperty("held").GetBoolean(),
                    agent.GetProperty("muted").GetBoolean(), call.GetProperty("recording").GetBoolean()));
            }
        return flags;
    }

    private static async Task<CtiBridgeProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var process = CtiBridgeProcess.Start(settings);
        await Wait.UntilAsync(process.ReadyAsync, "CtiBridge ready (database, ARI, AMI)", 60, () => process.OutputTail());
        return process;
    }

    private static async Task<((string Name, HttpClient Client)[] Agents, HttpClient Admin)> SignInAsync(CtiBridgeProcess process)
    {
        (string Name, HttpClient Client)[] agents =
        [
            ("ann", await process.SignInAsync(ProductTenant.Domain, "ann", ProductTenant.AgentPassword)),
            ("bob", await process.SignInAsync(ProductTenant.Domain, "bob", ProductTenant.AgentPassword)),
        ];
        var admin = await process.SignInAsync(ProductTenant.Domain, "boss", "Lantern-Fjord-2026");
        // After a restart an agent who was not on a call comes back Not Ready ("Restarted"): she clicks Ready again.
        foreach (var (_, client) in agents)
            if ((await client.GetJsonAsync("/api/v1/agent/state")).Str("status") == "NotReady")
                await client.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });
        return (agents, admin);
    }
}
