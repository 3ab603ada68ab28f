using System.Diagnostics;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// CtiBridge killed (SIGKILL: no shutdown code runs) at random moments under live traffic on a real Asterisk and started
/// again over the same database: customers (sipp, three at a time) talk to two SIP agents or wait for them, and at half
/// the kills a talking customer hangs up while no CtiBridge runs. After each restart the public API must agree with
/// Asterisk again (<see cref="ApiAgainstAsterisk"/>) and no customer who was talking may have lost the call. The short
/// form runs in CI; <c>CTI_FAULT_KILLS=20</c> is the full run (docs/benchmarks.md, "Faults").
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class KilledProcessOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk)
{
    private sealed record Outcome(int Talking, bool CustomerHungUp, double ReadySeconds, double ConsistentAfterReady, double ConsistentAfterKill, int Lost);

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
                var talking = await ApiAgainstAsterisk.TalkingAsync(AsteriskServer);
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
                outcomes.Add(new Outcome(talking.Count, hungUp is not null, readyAt, consistentAt - readyAt, consistentAt, lost));
                output.WriteLine($"kill {i + 1}: talking {talking.Count}, hung up {(hungUp is null ? "-" : "yes")}: ready after {readyAt:0.00} s, " +
                                 $"consistent {consistentAt - readyAt:0.00} s later ({consistentAt:0.00} s after the kill), lost {lost}");
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
            Assert.Equal(0, outcomes.Sum(o => o.Lost));
            Assert.All(outcomes, o => Assert.True(o.ConsistentAfterReady < 5, $"consistent {o.ConsistentAfterReady:0.00} s after the restart was ready (target 5 s)"));
        }
        finally
        {
            // What is left on Asterisk goes with the suite's clean-up (which hangs up first, then waits for the app to go).
            if (process is not null) await process.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
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
