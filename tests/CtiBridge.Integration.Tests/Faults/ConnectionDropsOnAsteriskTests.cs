using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// Faults under live traffic on a real Asterisk: CtiBridge reaches ARI and AMI through <see cref="CuttableTcpProxy"/>s,
/// and the connections are cut at random moments while customers (sipp, three at a time) talk to two SIP agents or wait
/// for them, an agent's call is put on hold and taken back, the other agent (with <c>CTI_FAULT_CONSULTS=1</c>) consults
/// a third one (Carol, outside the queue) and completes the transfer, makes it a conference or cancels, and customers
/// hang up during the outage. After each fault the public API must agree with Asterisk again — every customer on
/// Asterisk is a call in the API, every party the API shows is a channel on Asterisk, no agent On call without a call —
/// within the target, and no customer who was on a call (talking, held, or waiting while their agent consults) lost it.
/// The short form runs in CI; <c>CTI_FAULT_DROPS=100</c> is the full run (docs/benchmarks.md, "Faults").
/// <c>CTI_FAULT_SEED</c> repeats a run's random moments.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class ConnectionDropsOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk)
{
    private enum Fault { Ari, Ami, Both }

    private sealed record Outcome(Fault Kind, int Talking, int Waiting, bool CustomerHungUp, double NoticedSeconds, double ConsistentSeconds, int Lost, string BobsCall);

    private CuttableTcpProxy? _ari;
    private CuttableTcpProxy? _ami;

    protected override Dictionary<string, string?>? HostSettings()
    {
        _ari = new CuttableTcpProxy(AsteriskServer.HttpPort);
        _ami = new CuttableTcpProxy(AsteriskServer.AmiPort);
        return new()
        {
            ["Asterisk:Ari:BaseUrl"] = $"http://127.0.0.1:{_ari.Port}",
            ["Asterisk:Ami:Port"] = _ami.Port.ToString(),
        };
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) && v > 0 ? v : fallback;

    [AsteriskAndSippFact]
    public async Task Ari_and_ami_connections_cut_at_random_moments_under_traffic_lose_no_call_and_the_api_agrees_with_asterisk_again()
    {
        try { await RunAsync(); }
        finally
        {
            if (_ari is not null) await _ari.DisposeAsync();
            if (_ami is not null) await _ami.DisposeAsync();
        }
    }

    private async Task RunAsync()
    {
        var perKind = Setting("CTI_FAULT_DROPS", 3);
        var seed = Setting("CTI_FAULT_SEED", Environment.TickCount & 0x7FFF);
        var random = new Random(seed);
        output.WriteLine($"seed {seed}; {perKind} cuts of each kind (ARI, AMI, both)");

        var ann = await AgentOnlineAsync("ann", "1101", ready: true);
        var bob = await AgentOnlineAsync("bob", "1102", ready: true);
        var carol = await AgentOnlineAsync("carol", "1103", ready: true, inSales: false);
        (string Name, HttpClient Client)[] agents = [("ann", ann.Client), ("bob", bob.Client), ("carol", carol.Client)];
        var customers = Track(SippParties.Customers(AsteriskServer, concurrent: 3, total: 10_000));
        string? last = null;
        await Wait.UntilAsync(async () => (last = await InconsistencyAsync(agents)) is null && (await TalkingAsync()).Count == 2,
            "two customers talking to Ann and Bob, a third waiting", 40, () => last + "\n" + Diagnostics());

        using var traffic = new CancellationTokenSource();
        var commands = new CommandTally();
        var holds = ToggleHoldAsync(ann.Client, commands, new Random(seed + 1), traffic.Token);
        var consultCommands = new CommandTally();
        var endedByCarol = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(); // customers' legs she hung up herself
        // CTI_FAULT_CONSULTS=1: Bob consults Carol meanwhile. Not in the short form: a consultation asked for while ARI was
        // cut once left Carol's phone in a channel no call owned (seen once in 60 cuts, before the in-doubt originate fix;
        // not seen since in 360 cuts) and an offer a sipp phone never answers is still open (docs/benchmarks.md, "Faults").
        var consults = Environment.GetEnvironmentVariable("CTI_FAULT_CONSULTS") == "1"
            ? ConsultAtRandomAsync(bob.Client, carol.Client, carol.Id, consultCommands, endedByCarol, new Random(seed + 2), traffic.Token)
            : Task.CompletedTask;

        var faults = Enumerable.Repeat(Fault.Ari, perKind).Concat(Enumerable.Repeat(Fault.Ami, perKind))
            .Concat(Enumerable.Repeat(Fault.Both, perKind)).OrderBy(_ => random.Next()).ToList();
        var outcomes = new List<Outcome>();
        foreach (var fault in faults)
        {
            await Task.Delay(random.Next(200, 1500));
            // Talking: in a bridge with an agent's phone, or held, or waiting while Bob consults Carol (on a call all the same).
            var talking = (await TalkingAsync()).Union(await HeldOrConsultingCustomersAsync(agents)).ToList();
            var shape = (await ConsultingCustomersAsync(bob.Client)).Count > 0 ? "consultation" : await InConferenceAsync(bob.Client) ? "conference" : "-";
            var waiting = (await AsteriskServer.ChannelsAsync()).Count(c => c.Name.StartsWith("PJSIP/demo-trunk-")) - talking.Count;
            var cutAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            if (fault is Fault.Ari or Fault.Both) _ari!.Cut();
            if (fault is Fault.Ami or Fault.Both) _ami!.Cut();
            // Half the time a talking customer hangs up while CtiBridge is not listening: the end must still be seen.
            string? hungUp = null;
            if (talking.Count > 0 && random.Next(2) == 0)
            {
                hungUp = talking[random.Next(talking.Count)];
                await AsteriskServer.HangupAsync(hungUp);
            }
            var noticed = await NoticedAsync(TimeSpan.FromSeconds(3));
            var noticedAt = clock.Elapsed.TotalSeconds;
            var seen = new List<string>();
            await Wait.UntilAsync(async () =>
            {
                var ready = await ReadyAsync();
                last = ready ? await InconsistencyAsync(agents) : "not ready";
                var line = $"{clock.Elapsed.TotalSeconds:0.00} s: {last ?? "consistent"}";
                if (seen.Count == 0 || !seen[^1].EndsWith(last ?? "consistent", StringComparison.Ordinal)) seen.Add(line);
                return last is null;
            }, $"the API consistent with Asterisk after a {fault} cut", 30,
                () => string.Join("\n", seen) + "\nCtiBridge's log since the cut:\n" + Host.Log.Since(cutAt) + "\n" + Diagnostics());
            var consistentAt = clock.Elapsed.TotalSeconds;
            var now = (await AsteriskServer.ChannelsAsync()).Select(c => c.Id).ToHashSet();
            var lost = talking.Count(id => id != hungUp && !now.Contains(id) && !endedByCarol.ContainsKey(id));
            outcomes.Add(new Outcome(fault, talking.Count, waiting, hungUp is not null, noticed ? noticedAt : double.NaN, consistentAt, lost, shape));
            output.WriteLine($"{fault,-4} talking {talking.Count} waiting {waiting} hung up {(hungUp is null ? "-" : "yes")} Bob's call {shape}: " +
                             $"noticed {(noticed ? $"{noticedAt:0.00} s" : "no")}, consistent after {consistentAt:0.00} s, lost {lost}");
            if (consistentAt >= 5)
                output.WriteLine("  what was seen:\n  " + string.Join("\n  ", seen) + "\n  CtiBridge's log since the cut:\n" + Host.Log.Since(cutAt) +
                                 $"\n  ann's phone, last SIP messages:\n{SipTail(ann.Phone)}\n  bob's phone:\n{SipTail(bob.Phone)}\n  carol's phone:\n{SipTail(carol.Phone)}");
        }
        traffic.Cancel();
        await holds;
        await consults;

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
            return (await Tenant.Admin.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting")).GetArrayLength() == 0;
        }, "no call left in the API and both agents free once the customers hung up", 30);

        var times = outcomes.Select(o => o.ConsistentSeconds).Order().ToList();
        output.WriteLine($"{outcomes.Count} cuts; consistent again p50 {times[times.Count / 2]:0.00} s, max {times[^1]:0.00} s; " +
                         $"lost {outcomes.Sum(o => o.Lost)}; cut during a consultation {outcomes.Count(o => o.BobsCall == "consultation")}, during a conference " +
                         $"{outcomes.Count(o => o.BobsCall == "conference")}; hold/resume commands {commands}; consultation commands {consultCommands}");
        foreach (var kind in Enum.GetValues<Fault>())
        {
            var of = outcomes.Where(o => o.Kind == kind).Select(o => o.ConsistentSeconds).Order().ToList();
            output.WriteLine($"  {kind}: {of.Count} cuts, consistent p50 {of[of.Count / 2]:0.00} s, max {of[^1]:0.00} s");
        }
        Assert.Equal(0, outcomes.Sum(o => o.Lost));
        Assert.Equal(0, commands.ServerErrors);
        Assert.Equal(0, consultCommands.ServerErrors);
        Assert.All(outcomes, o => Assert.True(o.ConsistentSeconds < 5, $"a {o.Kind} cut: consistent after {o.ConsistentSeconds:0.00} s (target 5 s)"));
    }

    private Task<List<string>> TalkingAsync() => ApiAgainstAsterisk.TalkingAsync(AsteriskServer);

    private Task<string?> InconsistencyAsync((string Name, HttpClient Client)[] agents) =>
        ApiAgainstAsterisk.InconsistencyAsync(AsteriskServer, agents, Tenant.Admin, Tenant.SalesId);

    private async Task<bool> ReadyAsync()
    {
        using var r = await Host.CreateClient().GetAsync("/health/ready");
        return r.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Whether readiness went down (CtiBridge saw the connection go) within <paramref name="within"/>.</summary>
    private async Task<bool> NoticedAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (!await ReadyAsync()) return true;
            await Task.Delay(20);
        }
        return false;
    }

    /// <summary>The customers of Bob's calls in which a consultation is open (held out of the conversation, not bridged with a phone).</summary>
    private static async Task<List<string>> ConsultingCustomersAsync(HttpClient bob) =>
        (await bob.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray()
            .Where(c => c.GetProperty("parties").EnumerateArray().Any(p => p.Str("state") == "Consulting"))
            .SelectMany(c => c.GetProperty("parties").EnumerateArray().Where(p => p.Str("role") == "Customer" && p.Str("state") == "Connected").Select(p => p.Str("legId")))
            .ToList();

    /// <summary>The customers of the agents' calls that are held or in which a consultation is open: not bridged with a phone.</summary>
    private static async Task<List<string>> HeldOrConsultingCustomersAsync((string Name, HttpClient Client)[] agents)
    {
        var legs = new List<string>();
        foreach (var (_, client) in agents)
            foreach (var c in (await client.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Where(c => c.Str("state") == "Connected"))
            {
                var parties = c.GetProperty("parties").EnumerateArray().ToList();
                if (!c.GetProperty("held").GetBoolean() && !parties.Any(p => p.Str("state") == "Consulting")) continue;
                legs.AddRange(parties.Where(p => p.Str("role") == "Customer" && p.Str("state") == "Connected").Select(p => p.Str("legId")));
            }
        return legs.Distinct().ToList();
    }

    /// <summary>Whether Bob's call has three connected parties (a conference with Carol).</summary>
    private static async Task<bool> InConferenceAsync(HttpClient bob) =>
        (await bob.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray()
            .Any(c => c.GetProperty("parties").EnumerateArray().Count(p => p.Str("state") == "Connected") >= 3);

    /// <summary>Counts what the commands sent during the faults got back.</summary>
    private sealed class CommandTally
    {
        public int Ok, Refused, ServerErrors;
        public readonly List<string> Errors = [];
        public override string ToString() => $"{Ok} done, {Refused} refused (4xx/503), {ServerErrors} server errors" +
                                             (Errors.Count > 0 ? ": " + string.Join(" | ", Errors.Take(3)) : "");
    }

    /// <summary>
    /// Every 1–3 s, whatever the connections do: Bob, on a call of his own with one customer, consults Carol; with a
    /// consultation open he completes the transfer, makes it a conference or cancels; in a conference he drops Carol; and
    /// Carol hangs up a call handed to her, so that she is free again. Refusals (409, 404, 503 with a problem document) are
    /// fine; a 500 is not.
    /// </summary>
    private static async Task ConsultAtRandomAsync(HttpClient bob, HttpClient carol, string carolId, CommandTally tally,
        System.Collections.Concurrent.ConcurrentDictionary<string, bool> endedByCarol, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(random.Next(1000, 3000), stop); } catch (OperationCanceledException) { return; }
            foreach (var call in (await carol.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray()
                         .Where(c => c.Str("state") == "Connected" && c.TryGetProperty("ownerAgentId", out var o) && o.ValueKind == JsonValueKind.String && o.GetString() == carolId))
            {
                foreach (var customer in call.GetProperty("parties").EnumerateArray().Where(p => p.Str("role") == "Customer")) endedByCarol[customer.Str("legId")] = true;
                await SendAsync(carol, HttpMethod.Post, $"/api/v1/calls/{call.Str("callId")}/hangup", null);
            }
            var calls = (await bob.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Where(c => c.Str("state") == "Connected").ToList();
            if (calls.Count == 0) continue;
            var callId = calls[0].Str("callId");
            var parties = calls[0].GetProperty("parties").EnumerateArray().Where(p => p.Str("role") == "Agent").ToList();
            var carolsParty = parties.FirstOrDefault(p => p.Str("agentId") == carolId);
            var (method, path, body) = carolsParty.ValueKind != JsonValueKind.Object
                ? (HttpMethod.Post, "consult", (object?)new { agentId = carolId })
                : carolsParty.Str("state") == "Consulting"
                    ? random.Next(3) switch { 0 => (HttpMethod.Post, "consult/complete", null), 1 => (HttpMethod.Post, "consult/conference", null), _ => (HttpMethod.Post, "consult/cancel", null) }
                    : carolsParty.Str("state") == "Connected" ? (HttpMethod.Delete, $"parties/{Uri.EscapeDataString(carolsParty.Str("legId"))}", null) : (HttpMethod.Post, "", null);
            if (path.Length > 0) await SendAsync(bob, method, $"/api/v1/calls/{callId}/{path}", body);
        }

        async Task SendAsync(HttpClient client, HttpMethod method, string url, object? body)
        {
            using var request = new HttpRequestMessage(method, url)
            {
                Content = method == HttpMethod.Post ? new StringContent(JsonSerializer.Serialize(body ?? new { }), System.Text.Encoding.UTF8, "application/json") : null,
            };
            using var r = await client.SendAsync(request);
            if (r.IsSuccessStatusCode) tally.Ok++;
            else if ((int)r.StatusCode >= 500 && r.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                tally.ServerErrors++;
                tally.Errors.Add($"{method} {url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            }
            else tally.Refused++;
        }
    }

    /// <summary>
    /// Ann's agent puts her call on hold and takes it back every few hundred milliseconds, whatever the connections do:
    /// a command may be refused while Asterisk is unreachable (503 or 409, with a problem document), never a 500.
    /// </summary>
    private static async Task ToggleHoldAsync(HttpClient ann, CommandTally tally, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(random.Next(300, 900), stop); } catch (OperationCanceledException) { return; }
            var calls = (await ann.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Where(c => c.Str("state") == "Connected").ToList();
            if (calls.Count == 0) continue;
            var call = calls[0];
            var action = call.GetProperty("held").GetBoolean() ? "resume" : "hold";
            using var r = await ann.PostAsync($"/api/v1/calls/{call.Str("callId")}/{action}", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            if (r.IsSuccessStatusCode) tally.Ok++;
            else if ((int)r.StatusCode >= 500 && r.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                tally.ServerErrors++;
                tally.Errors.Add($"{action}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            }
            else tally.Refused++;
        }
    }

    /// <summary>
    /// The last SIP messages a sipp phone sent or received, one line each (when, direction, first line, Call-ID, CSeq):
    /// whether an offer's INVITE reached the phone and what it answered.
    /// </summary>
    private static string SipTail(Sipp phone, int count = 14)
    {
        var messages = phone.Messages.Split("-----------------------------------------------", StringSplitOptions.RemoveEmptyEntries)
            .Where(m => m.Contains("message ", StringComparison.Ordinal)).TakeLast(count);
        return string.Join("\n", messages.Select(m =>
        {
            var lines = m.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var when = lines.FirstOrDefault() is { } l0 && !l0.Contains("message ", StringComparison.Ordinal) ? l0.Replace('\t', ' ') + " " : "";
            var head = when + (lines.FirstOrDefault(l => l.Contains("message ", StringComparison.Ordinal)) ?? "");
            var first = lines.SkipWhile(l => !l.Contains("message ", StringComparison.Ordinal)).Skip(1).FirstOrDefault(l => l.Length > 0) ?? "";
            var callId = lines.FirstOrDefault(l => l.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase)) ?? "";
            var cseq = lines.FirstOrDefault(l => l.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase)) ?? "";
            return $"    {head} | {first} | {callId} | {cseq}";
        }));
    }
}
