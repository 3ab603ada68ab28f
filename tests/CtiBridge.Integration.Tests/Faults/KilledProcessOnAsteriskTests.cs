using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// CtiBridge killed (SIGKILL: no shutdown code runs) at random moments under live traffic on a real Asterisk and started
/// again over the same database: customers (sipp, three at a time) talk to two SIP agents or wait for them, and at half
/// the kills a talking customer hangs up while no CtiBridge runs. After each restart the public API must agree with
/// Asterisk again (<see cref="ApiAgainstAsterisk"/>) and no customer who was talking may have lost the call. Before each
/// kill the agents act on their calls at random — hold or resume, mute or unmute, start recording, consult a third
/// agent (Carol, outside the queue) and then complete the transfer, make it a conference or cancel, drop her from a
/// conference — so kills also land on held, muted, recorded, consulting and conference calls, some just after the
/// action: after the restart each agent's part in a call the API showed before the kill must show the same hold, mute,
/// recording and agent parties (with their states) again. The short form runs in CI; <c>CTI_FAULT_KILLS=20</c> is the
/// full run (docs/benchmarks.md, "Faults").
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class KilledProcessOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk)
{
    private sealed record Outcome(int Talking, bool CustomerHungUp, double ReadySeconds, double ConsistentAfterReady, double ConsistentAfterKill, int Lost,
        int Held, int Muted, int Recorded, int Consulting, int Conferences, List<string> FlagsLost);

    /// <summary>What the API showed of a connected call just before a kill: its customer's leg, hold, the agent's mute, recording.</summary>
    /// <summary>One agent's part in a connected call: the call's hold and recording, her mute, and every agent party with its state.</summary>
    private sealed record CallFlags(string CallId, string Agent, string CustomerLeg, bool Held, bool Muted, bool Recording, string Parties, bool Owner);

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
        // Carol takes no queue calls (not in Sales): Ann and Bob consult her, complete the transfer to her, or make it a conference.
        await AgentOnlineAsync("carol", "1103", ready: true, inSales: false);
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
            var endedUnseen = 0;
            for (var i = 0; i < kills; i++)
            {
                await Task.Delay(random.Next(500, 3000));
                await ActAtRandomAsync(agents, random);
                await Task.Delay(random.Next(0, 400)); // sometimes the kill lands right after the action
                var before = await FlagsAsync(agents);
                // Talking: in a bridge with an agent's phone; a held customer is not, but is on a call all the same.
                // Talking: in a bridge with an agent's phone; a held customer, or one waiting while her agent consults, is not,
                // but is on a call all the same.
                var talking = (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer))
                    .Union(before.Where(f => f.Held || f.Parties.Contains(":Consulting", StringComparison.Ordinal)).Select(f => f.CustomerLeg)).ToList();
                var clock = Stopwatch.StartNew();
                await process.KillAsync();
                var killed = process;
                await process.DisposeAsync();
                process = null;
                string? hungUp = null;
                if (talking.Count > 0 && (i == 0 || random.Next(2) == 0)) // the first kill always: CI's short run sees it
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
                if (hungUp is not null && before.FirstOrDefault(b => b.CustomerLeg == hungUp && b.Owner) is { } gone)
                {
                    // The call that ended while no CtiBridge ran has its record all the same: answered by its agent, ended
                    // unseen by the process that found it gone.
                    JsonElement record = default;
                    await Wait.UntilAsync(async () =>
                    {
                        using var r = await admin.GetAsync($"/api/v1/call-records/{gone.CallId}");
                        if (!r.IsSuccessStatusCode) return false;
                        record = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("summary").Clone();
                        return record.TryGetProperty("endedAt", out var ended) && ended.ValueKind == JsonValueKind.String;
                    }, $"the record of call {gone.CallId}, hung up while no CtiBridge ran, ended", 15, () => record.ToString() + "\n" + current.OutputTail());
                    Assert.Equal(("EndedUnseen", "Answered"), (record.Str("endReason"), record.Str("outcome")));
                    endedUnseen++;
                }
                var now = (await AsteriskServer.ChannelsAsync()).Select(c => c.Id).ToHashSet();
                var lost = talking.Count(id => id != hungUp && !now.Contains(id));
                var flagsAfter = (await FlagsAsync(agents)).ToDictionary(f => (f.CallId, f.Agent));
                var flagsLost = new List<string>();
                foreach (var b in before.Where(b => b.CustomerLeg != hungUp && now.Contains(b.CustomerLeg)))
                {
                    if (!flagsAfter.TryGetValue((b.CallId, b.Agent), out var a)) { flagsLost.Add($"{b.Agent}'s part in call {b.CallId} gone from the API"); continue; }
                    if (a.Held != b.Held || a.Muted != b.Muted || a.Recording != b.Recording || !SamePartiesOrRung(b.Parties, a.Parties))
                    {
                        flagsLost.Add($"{b.Agent}'s call {b.CallId}: before held {b.Held} muted {b.Muted} recording {b.Recording} parties {b.Parties}, " +
                                      $"after {a.Held} {a.Muted} {a.Recording} {a.Parties}");
                        output.WriteLine(await WhyNotKeptAsync(b, killed, process));
                    }
                }
                outcomes.Add(new Outcome(talking.Count, hungUp is not null, readyAt, consistentAt - readyAt, consistentAt, lost,
                    before.Count(f => f.Held), before.Count(f => f.Muted), before.Count(f => f.Recording),
                    before.Count(f => f.Owner && f.Parties.Contains(":Consulting", StringComparison.Ordinal)),
                    before.Count(f => f.Owner && f.Parties.Contains(',', StringComparison.Ordinal) && !f.Parties.Contains(":Consulting", StringComparison.Ordinal)), flagsLost));
                output.WriteLine($"kill {i + 1}: talking {talking.Count} (held {before.Count(f => f.Held)}, muted {before.Count(f => f.Muted)}, recording {before.Count(f => f.Recording)}, " +
                                 $"consulting {before.Count(f => f.Owner && f.Parties.Contains(":Consulting", StringComparison.Ordinal))}, " +
                                 $"conferences {before.Count(f => f.Owner && f.Parties.Contains(',', StringComparison.Ordinal) && !f.Parties.Contains(":Consulting", StringComparison.Ordinal))}), " +
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
            output.WriteLine($"at the kills: {outcomes.Sum(o => o.Held)} calls held, {outcomes.Sum(o => o.Muted)} muted, {outcomes.Sum(o => o.Recorded)} recording, " +
                             $"{outcomes.Sum(o => o.Consulting)} consultations open, {outcomes.Sum(o => o.Conferences)} conferences; " +
                             $"{endedUnseen} calls hung up while no CtiBridge ran, each with its record ended unseen");
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

    /// <summary>
    /// Each agent on a connected call does one thing at random. On a call of her own with one customer: hold or resume, mute
    /// or unmute, start recording, consult Carol (Ann and Bob), hang up (Carol, so she is free again), or nothing. The owner
    /// of a call in consultation completes the transfer, makes it a conference or cancels; the owner of a conference drops
    /// Carol or lets it run.
    /// </summary>
    private static async Task ActAtRandomAsync((string Name, HttpClient Client)[] agents, Random random)
    {
        var carol = (await agents.First(a => a.Name == "carol").Client.GetJsonAsync("/api/v1/agent/state")).Str("agentId");
        foreach (var f in (await FlagsAsync(agents)).Where(f => f.Owner))
        {
            var client = agents.First(a => a.Name == f.Agent).Client;
            var consulting = f.Parties.Contains(":Consulting", StringComparison.Ordinal);
            var conference = !consulting && f.Parties.Contains(',', StringComparison.Ordinal);
            (string Method, string Path, object? Body)? action = consulting
                ? random.Next(3) switch { 0 => ("POST", "consult/complete", null), 1 => ("POST", "consult/conference", null), _ => ("POST", "consult/cancel", null) }
                : conference
                    ? random.Next(2) == 0 ? ("DELETE", $"parties/{Uri.EscapeDataString(await CarolsLegAsync(client, f.CallId, carol))}", null) : null
                    : random.Next(6) switch
                    {
                        0 => ("POST", f.Held ? "resume" : "hold", null),
                        1 => ("POST", f.Muted ? "unmute" : "mute", null),
                        2 => f.Recording ? null : ("POST", "recording/start", null),
                        3 => f.Agent == "carol" ? ("POST", "hangup", null) : ("POST", "consult", new { agentId = carol }),
                        _ => null,
                    };
            if (action is not { } a) continue;
            using var request = new HttpRequestMessage(new HttpMethod(a.Method), $"/api/v1/calls/{f.CallId}/{a.Path}")
            {
                Content = a.Method == "POST" ? JsonContent.Create(a.Body ?? new { }) : null,
            };
            // The call may end or change under the action (the customer hangs up, Carol is busy or not Ready): 404 or 409 then is fine.
            using var r = await client.SendAsync(request);
            Assert.True(r.IsSuccessStatusCode || r.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound,
                $"{f.Agent} {a.Method} {a.Path}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>What both processes logged about a call whose flags were not kept, and what Asterisk holds of it now.</summary>
    private async Task<string> WhyNotKeptAsync(CallFlags before, CtiBridgeProcess killed, CtiBridgeProcess restarted)
    {
        bool About(string line) => line.Contains(before.CallId, StringComparison.OrdinalIgnoreCase) || line.Contains(before.CallId.Replace("-", ""), StringComparison.OrdinalIgnoreCase)
                                   || line.Contains("ecording", StringComparison.Ordinal) || line.Contains(before.CustomerLeg, StringComparison.Ordinal);
        string recordings;
        try { recordings = (await AsteriskServer.GetJsonAsync($"channels/{before.CustomerLeg}/variable?variable=CTI_RECORDINGS")).Str("value"); }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException) { recordings = "(unreadable: " + ex.Message + ")"; }
        var bridges = (await AsteriskServer.BridgesAsync()).Select(b => $"{b.Id}: {string.Join(",", b.Channels)}");
        var channels = (await AsteriskServer.ChannelsAsync()).Select(c => $"{c.Id} {c.Name} {c.State}");
        var log = Path.Combine(AsteriskServer.Root, "log", "messages.log");
        var asteriskLines = File.Exists(log)
            ? File.ReadLines(log).Where(l => l.Contains("Recorder", StringComparison.Ordinal) || l.Contains("ecording", StringComparison.Ordinal)
                                             || l.Contains(before.CallId.Replace("-", ""), StringComparison.Ordinal)).TakeLast(30)
            : ["(no messages.log)"];
        return "  Asterisk:\n    " + string.Join("\n    ", asteriskLines) + $"\n  why not kept ({before.Agent}'s call {before.CallId}, caller {before.CustomerLeg}):\n  CTI_RECORDINGS now: {recordings}\n" +
               $"  bridges: {string.Join(" | ", bridges)}\n  channels: {string.Join(" | ", channels)}\n" +
               "  killed process:\n    " + string.Join("\n    ", killed.OutputLines(About).TakeLast(40)) +
               "\n  restarted process:\n    " + string.Join("\n    ", restarted.OutputLines(About).TakeLast(40));
    }

    /// <summary>
    /// The agent parties after a restart are those before, except that a colleague whose phone was ringing at the kill (a
    /// consultation just asked for) may have answered meanwhile, or stopped ringing.
    /// </summary>
    private static bool SamePartiesOrRung(string before, string after)
    {
        static List<(string Agent, string State)> Parse(string s) =>
            s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => (p[..p.IndexOf(':')], p[(p.IndexOf(':') + 1)..])).ToList();
        var b = Parse(before);
        var a = Parse(after);
        var rung = b.Where(p => p.State == "Ringing").Select(p => p.Agent).ToHashSet();
        var settledBefore = b.Where(p => p.State != "Ringing").ToHashSet();
        var settledAfter = a.Where(p => !rung.Contains(p.Agent)).ToHashSet();
        return settledBefore.SetEquals(settledAfter);
    }

    private static async Task<string> CarolsLegAsync(HttpClient owner, string callId, string carol)
    {
        var call = await owner.GetJsonAsync($"/api/v1/calls/{callId}");
        return call.GetProperty("parties").EnumerateArray().FirstOrDefault(p => p.Str("agentId") == carol) is { ValueKind: System.Text.Json.JsonValueKind.Object } p
            ? p.Str("legId") : "none";
    }

    /// <summary>Each agent's part in the connected calls the API shows her.</summary>
    private static async Task<List<CallFlags>> FlagsAsync((string Name, HttpClient Client)[] agents)
    {
        var flags = new List<CallFlags>();
        foreach (var (name, client) in agents)
        {
            var me = (await client.GetJsonAsync("/api/v1/agent/state")).Str("agentId");
            foreach (var call in (await client.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Where(c => c.Str("state") == "Connected"))
            {
                var parties = call.GetProperty("parties").EnumerateArray().ToList();
                var customer = parties.FirstOrDefault(p => p.Str("role") == "Customer");
                var mine = parties.FirstOrDefault(p => p.Str("role") == "Agent" && p.Str("agentId") == me && p.Str("state") is "Connected" or "Consulting");
                if (customer.ValueKind == System.Text.Json.JsonValueKind.Undefined || mine.ValueKind == System.Text.Json.JsonValueKind.Undefined) continue;
                var agentParties = string.Join(",", parties.Where(p => p.Str("role") == "Agent" && p.Str("state") is "Connected" or "Consulting" or "Ringing")
                    .Select(p => $"{p.Str("agentId")}:{p.Str("state")}").Order(StringComparer.Ordinal));
                flags.Add(new CallFlags(call.Str("callId"), name, customer.Str("legId"), call.GetProperty("held").GetBoolean(),
                    mine.GetProperty("muted").GetBoolean(), call.GetProperty("recording").GetBoolean(), agentParties,
                    call.TryGetProperty("ownerAgentId", out var owner) && owner.ValueKind == System.Text.Json.JsonValueKind.String && owner.GetString() == me));
            }
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
            ("carol", await process.SignInAsync(ProductTenant.Domain, "carol", ProductTenant.AgentPassword)),
        ];
        var admin = await process.SignInAsync(ProductTenant.Domain, "boss", "Lantern-Fjord-2026");
        // After a restart an agent who was not on a call comes back Not Ready ("Restarted"): she clicks Ready again.
        foreach (var (_, client) in agents)
            if ((await client.GetJsonAsync("/api/v1/agent/state")).Str("status") == "NotReady")
                await client.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });
        return (agents, admin);
    }
}
