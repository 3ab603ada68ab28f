using System.Net;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// What the public API says against what Asterisk has, for the fault tests' traffic (customers on the demo trunk calling
/// Sales, agents with SIP desk phones demo-11xx): every customer channel is a talking or waiting call of the API, every
/// party the API shows is a channel, every agent phone channel is in a call, no agent On call without a call, nor Ringing
/// unless her phone's channel is there, not answered.
/// </summary>
public static class ApiAgainstAsterisk
{
    /// <summary>The disagreements, or null when there is none. Agents in wrap-up are made Ready on the way.</summary>
    public static async Task<string?> InconsistencyAsync(RealAsterisk asterisk, IEnumerable<(string Name, HttpClient Client)> agents,
        HttpClient admin, string salesId)
    {
        var channels = await asterisk.ChannelsAsync();
        var onAsterisk = channels.Select(c => c.Id).ToHashSet();
        var problems = new List<string>();
        var customersInApi = new HashSet<string>();
        var agentLegsInApi = new HashSet<string>();
        foreach (var (name, client) in agents)
        {
            var status = (await client.GetJsonAsync("/api/v1/agent/state")).Str("status");
            var calls = (await client.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().ToList();
            if (status == "WrapUp") { await EndWrapUpAsync(client); problems.Add($"{name} in wrap-up (ended)"); }
            if (status == "Ringing")
            {
                // Ringing agrees with Asterisk while her phone's channel is there and not answered (Down before the phone's
                // 180, Ringing after it): the phone has not answered yet. Answered (Up) means its answer was missed; gone
                // means the offer should have ended.
                var legs = calls.SelectMany(c => c.GetProperty("parties").EnumerateArray())
                    .Where(p => p.Str("role") != "Customer" && p.Str("state") == "Ringing").Select(p => p.Str("legId")).ToList();
                var found = legs.Select(l => (Leg: l, Channel: channels.FirstOrDefault(c => c.Id == l))).ToList();
                if (legs.Count == 0 || found.Any(f => f.Channel.Id is null || f.Channel.State == "Up"))
                    problems.Add($"{name} ringing" + (legs.Count == 0 ? " without a ringing leg in the API" : $" ({string.Join(", ",
                        found.Select(f => f.Channel.Id is null ? $"{f.Leg} not on Asterisk" : $"{f.Channel.Name} {f.Channel.State}"))})"));
            }
            var connected = calls.Where(c => c.Str("state") == "Connected").ToList();
            if (status == "OnCall" && connected.Count == 0) problems.Add($"{name} On call without a connected call");
            if (connected.Count > 0 && status != "OnCall") problems.Add($"{name} has a connected call but is {status}");
            foreach (var call in calls)
                foreach (var p in call.GetProperty("parties").EnumerateArray().Where(p => p.Str("state") is "Connected" or "Ringing" or "Consulting"))
                {
                    var leg = p.Str("legId");
                    (p.Str("role") == "Customer" ? customersInApi : agentLegsInApi).Add(leg);
                    if (!onAsterisk.Contains(leg)) problems.Add($"{name}'s call {call.Str("callId")}: {p.Str("role")} leg {leg} not on Asterisk");
                }
        }
        var waiting = (await admin.GetJsonAsync($"/api/v1/skill-groups/{salesId}/waiting")).GetArrayLength();
        var trunk = channels.Count(c => c.Name.StartsWith("PJSIP/demo-trunk-", StringComparison.Ordinal));
        if (trunk != customersInApi.Count + waiting)
            problems.Add($"{trunk} customers on Asterisk, {customersInApi.Count} talking + {waiting} waiting in the API");
        foreach (var phone in channels.Where(c => c.Name.StartsWith("PJSIP/demo-11", StringComparison.Ordinal)))
            if (!agentLegsInApi.Contains(phone.Id)) problems.Add($"agent phone channel {phone.Name} in no call of the API");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>
    /// The customers (trunk channels) talking to an agent: in a bridge with an agent's phone (endpoints
    /// <c>&lt;tenant&gt;-&lt;extensions&gt;…</c>, the agents' extensions 11xx by default) of the server's tenant.
    /// </summary>
    public static async Task<List<string>> TalkingAsync(RealAsterisk asterisk, string extensions = "11")
    {
        // Asterisk may list a channel twice while it goes away: one name per id.
        var channels = (await asterisk.ChannelsAsync()).DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.Name);
        var phones = $"PJSIP/{asterisk.Tenant}-{extensions}";
        var trunk = $"PJSIP/{asterisk.Tenant}-trunk-";
        return (await asterisk.BridgesAsync())
            .Where(b => b.Channels.Any(id => channels.GetValueOrDefault(id)?.StartsWith(phones, StringComparison.Ordinal) == true))
            .SelectMany(b => b.Channels.Where(id => channels.GetValueOrDefault(id)?.StartsWith(trunk, StringComparison.Ordinal) == true))
            .ToList();
    }

    /// <summary>
    /// Ends the traffic while CtiBridge still runs (so it clears its own bridges): the customers' sipp is stopped, every
    /// channel hung up, and then nothing may stay on a call, ringing, in wrap-up or waiting in the API, nor any bridge on
    /// Asterisk.
    /// </summary>
    public static async Task StopTrafficAsync(RealAsterisk asterisk, Sipp customers, IEnumerable<(string Name, HttpClient Client)> agents,
        HttpClient admin, string salesId)
    {
        await customers.DisposeAsync();
        foreach (var c in await asterisk.ChannelsAsync()) await asterisk.HangupAsync(c.Id);
        await Wait.UntilAsync(async () =>
        {
            foreach (var (_, client) in agents)
            {
                var status = (await client.GetJsonAsync("/api/v1/agent/state")).Str("status");
                if (status == "WrapUp") await EndWrapUpAsync(client);
                if (status is "OnCall" or "Ringing" or "WrapUp" || (await client.GetJsonAsync("/api/v1/agent/calls")).GetArrayLength() > 0) return false;
            }
            return (await admin.GetJsonAsync($"/api/v1/skill-groups/{salesId}/waiting")).GetArrayLength() == 0
                   && (await asterisk.BridgesAsync()).Count == 0;
        }, "no call left in the API or on Asterisk once the customers hung up", 30);
    }

    public static async Task EndWrapUpAsync(HttpClient agent)
    {
        // The agent's wrap-up may end by itself meanwhile: 409 then is fine.
        using var r = await agent.PostAsync("/api/v1/agent/wrap-up/end", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(r.IsSuccessStatusCode || r.StatusCode == HttpStatusCode.Conflict, $"wrap-up/end: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>The p50 and the maximum of a list of seconds, for the figures.</summary>
    public static (double P50, double Max) Summary(IEnumerable<double> seconds)
    {
        var s = seconds.Order().ToList();
        return s.Count == 0 ? (double.NaN, double.NaN) : (s[s.Count / 2], s[^1]);
    }
}
