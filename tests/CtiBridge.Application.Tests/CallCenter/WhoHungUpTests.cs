using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>An answered call's end reason says who hung up (docs/reports.md, end reasons); the call still counts as answered.</summary>
public class WhoHungUpTests
{
    /// <summary>A queue call of Sales answered by Ann; returns (customer leg, Ann's leg).</summary>
    private static (string Customer, string Agent) AnsweredCall(Harness h)
    {
        h.Center.Login(Ann, ready: true);
        var customer = h.CustomerCalls("Sales");
        var agent = h.RingingFor("101").Id;
        h.Pbx.Answer(agent);
        h.Clock.Advance(30);
        return (customer, agent);
    }

    private static CallRecord StoredRecord(Harness h) => DatabaseJournal.ToRecord(h.Sink.CallRecords.Single());

    [Fact]
    public void The_customer_hanging_up_ends_the_call_as_customer_hung_up()
    {
        var h = new Harness();
        var (customer, _) = AnsweredCall(h);

        h.Pbx.HangupFromDevice(customer);

        var call = h.Sink.CallRecords.Single().Call;
        Assert.Equal(CallEndReason.CustomerHungUp, call.EndReason);
        Assert.Equal(CallEndReason.CustomerHungUp, h.Sink.Of<CallEndedEvent>().Single().Reason);
        var record = StoredRecord(h);
        Assert.Equal((CallOutcome.Answered, CallEndReason.CustomerHungUp), (record.Outcome, record.EndReason));
        // The agent's leg ended because the customer hung up.
        Assert.Equal(CallEndReason.CustomerHungUp, record.Legs.Single(l => l.Role == CallLegRole.Agent).EndReason);
        h.AssertNothingLeft();
    }

    [Fact]
    public void The_agent_hanging_up_in_the_web_app_or_the_api_ends_the_call_as_agent_hung_up()
    {
        var h = new Harness();
        AnsweredCall(h);

        h.Center.Hangup(Ann, h.OnlyCallOf(Ann));

        var record = StoredRecord(h);
        Assert.Equal((CallOutcome.Answered, CallEndReason.AgentHungUp), (record.Outcome, record.EndReason));
        Assert.Equal(CallEndReason.AgentHungUp, record.Legs.Single(l => l.Role == CallLegRole.Customer).EndReason);
        Assert.Equal(CallEndReason.AgentHungUp, record.Legs.Single(l => l.Role == CallLegRole.Agent).EndReason); // her own leg too
        h.AssertNothingLeft();
    }

    [Fact]
    public void The_agent_hanging_up_her_phone_ends_the_call_as_agent_hung_up()
    {
        var h = new Harness();
        var (_, agent) = AnsweredCall(h);

        h.Pbx.HangupFromDevice(agent);

        var record = StoredRecord(h);
        Assert.Equal((CallOutcome.Answered, CallEndReason.AgentHungUp), (record.Outcome, record.EndReason));
        Assert.Equal(CallEndReason.AgentHungUp, record.Legs.Single(l => l.Role == CallLegRole.Customer).EndReason);
        Assert.Equal(CallEndReason.AgentHungUp, record.Legs.Single(l => l.Role == CallLegRole.Agent).EndReason); // her own leg too
        h.AssertNothingLeft();
    }

    [Fact]
    public void The_called_party_of_an_outbound_call_hanging_up_ends_it_as_customer_hung_up_and_an_unanswered_one_stays_as_it_was()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: false, reason: "Break");
        var agentLeg = h.Pbx.PlaceCall("acme", "5550100", "101", purpose: "outbound", fromEndpoint: Endpoint("101"));
        var customer = h.Pbx.Legs.Single(l => l.Endpoint.Contains("5550100"));
        h.Pbx.Answer(customer.Id);

        h.Pbx.HangupFromDevice(customer.Id);

        Assert.Equal((CallOutcome.Answered, CallEndReason.CustomerHungUp), (StoredRecord(h).Outcome, StoredRecord(h).EndReason));
        Assert.Null(h.Pbx.Leg(agentLeg));

        // Not answered: the called party's own reason, as before (busy here); nobody "hung up" a conversation.
        h.Pbx.PlaceCall("acme", "5550101", "101", purpose: "outbound", fromEndpoint: Endpoint("101"));
        h.Pbx.HangupFromDevice(h.Pbx.Legs.Single(l => l.Endpoint.Contains("5550101")).Id, CallEndReason.Busy);
        var second = DatabaseJournal.ToRecord(h.Sink.CallRecords[1]);
        Assert.Equal((CallOutcome.Busy, CallEndReason.Busy), (second.Outcome, second.EndReason));
        h.AssertNothingLeft();
    }
}
