using CtiBridge.Application.CallCenter;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Application.Tests.CallCenter;

public class SoakTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fifty_agents_and_five_hundred_calls_with_random_timing_lose_nothing(int seed)
    {
        var random = new Random(seed);
        var agents = Enumerable.Range(1, 50).Select(i => new AgentDefinition(Guid.NewGuid(), $"Agent {i}", $"{2000 + i}",
            new AgentSettings($"{200 + i}", ExtensionKind.Web, (AcwMode)(i % 3), WrapUpSeconds: i % 4 * 5))).ToList();
        var groups = Enumerable.Range(0, 3).Select(g => new SkillGroupDefinition(Guid.NewGuid(), $"G{g}",
            agents.Where((_, i) => i % 3 == g || i % 5 == 0).Select((a, i) => new SkillGroupMember(a.Id, 1 + i % 2)).ToList())).ToList();
        var h = new Harness(c => c with { Agents = agents, Groups = groups, Settings = c.Settings with { RingTimeoutSeconds = 10 } });
        foreach (var a in agents) h.Center.Login(a.Id, ready: random.Next(4) > 0, reason: "Break");

        var placed = new List<string>();
        var waitingSince = new Dictionary<string, int>();
        var connectedAt = new Dictionary<string, int>();
        for (var second = 0; placed.Count < 500 || h.Pbx.Legs.Count > 0; second++)
        {
            Assert.True(second < 20_000, "the soak did not drain");
            if (placed.Count < 500)
                for (var n = random.Next(3); n > 0 && placed.Count < 500; n--)
                {
                    var leg = h.Pbx.PlaceCall("acme", $"G{random.Next(3)}", $"555{placed.Count:D4}");
                    placed.Add(leg);
                    waitingSince[leg] = second;
                }
            foreach (var leg in h.Pbx.Legs.Where(l => l.Dialled && !l.Answered).ToList())
            {
                var roll = random.Next(100);
                if (roll < 30) h.Pbx.Answer(leg.Id);
                else if (roll < 33) h.Pbx.HangupFromDevice(leg.Id, CallEndReason.Rejected);
                else if (roll < 36)
                {
                    var agentId = Guid.Parse(leg.Variables[TenantCallCenter.LegVariables.AgentId]);
                    var callId = Guid.Parse(leg.Variables[TenantCallCenter.LegVariables.CallId]);
                    try { h.Center.Decline(agentId, callId); }
                    catch (CtiException e) when (e.Code == ErrorCodes.CallNotRinging || e.Code == ErrorCodes.CallNotFound) { }
                }
            }
            foreach (var leg in placed.Where(l => h.Pbx.Leg(l) is not null).ToList())
            {
                var inCall = h.Pbx.Bridges.Any(b => b.Members.Contains(leg) && b.Members.Count > 1);
                if (inCall) connectedAt.TryAdd(leg, second);
                var talkedFor = inCall ? second - connectedAt[leg] : 0;
                var waited = second - waitingSince[leg];
                if ((inCall && talkedFor > 2 && random.Next(20) == 0) || (!inCall && waited > 30 && random.Next(40) == 0) || waited > 400)
                    h.Pbx.HangupFromDevice(leg);
            }
            foreach (var a in agents.Where(_ => random.Next(200) == 0))
            {
                try
                {
                    if (random.Next(2) == 0) h.Center.SetNotReady(a.Id, "Lunch"); else h.Center.SetReady(a.Id);
                }
                catch (CtiException) { }
            }
            AssertNoAgentHasTwoCalls(h);
            h.Clock.Advance(1);
        }
        h.Clock.Advance(600);   // let every wrap-up end

        Assert.Equal(500, h.Sink.CallRecords.Count);
        Assert.Equal(500, h.Sink.CallRecords.Select(r => r.Call.Id).Distinct().Count());
        Assert.True(h.Sink.CallRecords.Count(r => r.Call.AnsweredAt is not null) > 100, "the soak should connect many calls");
        h.AssertNothingLeft();
        foreach (var a in agents)
        {
            var history = h.Sink.StateChanges.Where(c => c.AgentId == a.Id).ToList();
            for (var i = 1; i < history.Count; i++) Assert.Equal(history[i - 1].To, history[i].From);
            Assert.Equal(history[^1].To, h.StatusOf(a.Id));
            Assert.DoesNotContain(h.StatusOf(a.Id), new[] { AgentStatus.Ringing, AgentStatus.OnCall, AgentStatus.WrapUp });
        }
    }

    private static void AssertNoAgentHasTwoCalls(Harness h)
    {
        var perAgent = h.Center.ListCalls()
            .SelectMany(c => c.Parties.Where(p => p.AgentId is not null).Select(p => p.AgentId!.Value).Distinct())
            .GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(perAgent);
    }
}
