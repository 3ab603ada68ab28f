using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.SignalR.Client;

namespace CtiBridge.Api.Tests.CallCenter;

public class HubTests
{
    private static string Name(JsonElement e) => e.GetProperty("name").GetString()!;
    private static long Seq(JsonElement e) => e.GetProperty("seq").GetInt64();

    [Fact]
    public async Task Agent_receives_the_events_of_a_full_call_offer_answer_hold_resume_hangup_wrap_up_ready()
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", "agent1");
        var agent = await host.ClientForAsync("demo", "agent1");
        await using var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);

        await agent.LoginReadyAsync();
        await hub.WaitForStateAsync("Ready");
        await agent.PlaceCallAsync("Sales", "+4930555123", new { orderId = "A-7" });
        var offer = await hub.WaitForAsync(e => Name(e) == "callOffered", "callOffered");
        var callId = offer.GetProperty("data").GetProperty("call").GetProperty("callId").GetGuid();
        Assert.True(offer.GetProperty("data").GetProperty("countdownSeconds").GetInt32() > 0);
        Assert.Equal("A-7", offer.GetProperty("data").GetProperty("call").GetProperty("attachedData")[0].GetProperty("value").GetString());

        await agent.PostAsync($"/api/v1/calls/{callId}/answer").OkAsync();
        await hub.WaitForStateAsync("OnCall");
        await agent.PostAsync($"/api/v1/calls/{callId}/hold").OkAsync();
        await hub.WaitForAsync(e => Name(e) == "callStateChanged" && e.GetProperty("data").GetProperty("change").GetString() == "held", "held");
        await agent.PostAsync($"/api/v1/calls/{callId}/resume").OkAsync();
        await hub.WaitForAsync(e => Name(e) == "callStateChanged" && e.GetProperty("data").GetProperty("change").GetString() == "resumed", "resumed");
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        await hub.WaitForAsync(e => Name(e) == "callEnded", "callEnded");
        var wrap = await hub.WaitForStateAsync("WrapUp");
        Assert.NotEqual(JsonValueKind.Null, wrap.GetProperty("data").GetProperty("agent").GetProperty("wrapUpEndsAt").ValueKind);
        await agent.PostAsync("/api/v1/agent/wrap-up/end").OkAsync(System.Net.HttpStatusCode.OK);
        await hub.WaitForAsync(e => Name(e) == "agentStateChanged" && Seq(e) > Seq(wrap)
                                    && e.GetProperty("data").GetProperty("agent").GetProperty("status").GetString() == "Ready", "Ready after wrap-up");

        // Skill-group statistics are published at most every 250 ms, as group messages beside the stream: wait for them too.
        await hub.WaitForStatsAsync("Sales statistics", e => e.GetProperty("data").GetProperty("stats").GetProperty("name").GetString() == "Sales");

        // One stream: one epoch, sequence numbers 1, 2, 3 … without gaps, in order.
        var events = hub.Events;
        Assert.Single(events.Select(e => e.GetProperty("epoch").GetString()).Distinct());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(Seq));
        var states = events.Where(e => Name(e) == "agentStateChanged")
            .Select(e => e.GetProperty("data").GetProperty("agent").GetProperty("status").GetString()).ToList();
        Assert.Equal(["Ready", "Ringing", "OnCall", "WrapUp", "Ready"], states);
        // The story in order: offered → on call → held → resumed → wrap-up (with the call's end) → ready.
        string Key(JsonElement e) => Name(e) switch
        {
            "agentStateChanged" => e.GetProperty("data").GetProperty("agent").GetProperty("status").GetString()!,
            "callStateChanged" => e.GetProperty("data").GetProperty("change").GetString()!,
            var n => n,
        };
        var story = events.Select(Key).ToList();
        var order = new[] { "callOffered", "OnCall", "held", "resumed", "WrapUp" }.Select(k => story.IndexOf(k)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.True(story.IndexOf("callEnded") > story.IndexOf("resumed"));
        Assert.Equal("Ready", story.Last(k => k is "Ready" or "WrapUp"));
        Assert.Contains("participantsChanged", story);
        Assert.DoesNotContain("skillGroupStatsChanged", story); // statistics are not part of the resumable stream
    }

    [Fact]
    public async Task A_client_dropped_mid_call_resumes_with_exactly_the_events_it_missed_and_gets_a_snapshot_for_another_epoch()
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", "agent1");
        var agent = await host.ClientForAsync("demo", "agent1");
        await using var reference = await TestHub.ConnectAsync(host.Server, session.AccessToken); // stays connected: sees everything
        var dropped = await TestHub.ConnectAsync(host.Server, session.AccessToken);

        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales");
        var offer = await dropped.WaitForAsync(e => Name(e) == "callOffered", "offer");
        var callId = offer.GetProperty("data").GetProperty("call").GetProperty("callId").GetGuid();
        await agent.PostAsync($"/api/v1/calls/{callId}/answer").OkAsync();
        var onCall = await dropped.WaitForStateAsync("OnCall");
        await reference.WaitForAsync(e => Seq(e) == Seq(onCall), "reference caught up");
        var epoch = onCall.GetProperty("epoch").GetString()!;
        var lastSeq = dropped.Events.Max(Seq);
        await dropped.DisposeAsync(); // the network drops mid-call

        await agent.PostAsync($"/api/v1/calls/{callId}/hold").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/resume").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        var last = await reference.WaitForStateAsync("WrapUp");

        await using var again = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        var resumed = await again.Connection.InvokeAsync<JsonElement>("Resume", epoch, lastSeq);
        Assert.Equal(epoch, resumed.GetProperty("epoch").GetString());
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("snapshot").ValueKind);
        var missed = resumed.GetProperty("events").EnumerateArray().ToList();
        var upTo = resumed.GetProperty("seq").GetInt64();
        Assert.True(upTo >= Seq(last));
        // Exactly what the connection that never dropped received in the same span, in the same order.
        await reference.WaitForAsync(e => Seq(e) == upTo, "reference has seq " + upTo);
        var expected = reference.Events.Where(e => Seq(e) > lastSeq && Seq(e) <= upTo).ToList();
        Assert.Equal(Enumerable.Range((int)lastSeq + 1, (int)(upTo - lastSeq)).Select(i => (long)i), missed.Select(Seq));
        Assert.Equal(expected.Select(Seq), missed.Select(Seq));
        Assert.Equal(expected.Select(Name), missed.Select(Name));
        Assert.Equal(expected.Select(e => e.GetRawText()), missed.Select(e => e.GetRawText()));
        Assert.Contains(missed, e => Name(e) == "callStateChanged" && e.GetProperty("data").GetProperty("change").GetString() == "held");
        Assert.Contains(missed, e => Name(e) == "callEnded");

        // Nothing missed: an empty list. Another epoch (a server restart): a snapshot of the current state.
        var none = await again.Connection.InvokeAsync<JsonElement>("Resume", epoch, resumed.GetProperty("seq").GetInt64());
        Assert.Empty(none.GetProperty("events").EnumerateArray());
        var snap = await again.Connection.InvokeAsync<JsonElement>("Resume", "another-epoch", lastSeq);
        Assert.Equal(JsonValueKind.Null, snap.GetProperty("events").ValueKind);
        var snapshot = snap.GetProperty("snapshot");
        Assert.Equal("WrapUp", snapshot.GetProperty("agent").GetProperty("status").GetString());
        Assert.Contains(snapshot.GetProperty("skillGroups").EnumerateArray(), g => g.GetProperty("name").GetString() == "Sales");
        Assert.True(snap.GetProperty("seq").GetInt64() >= Seq(last));
    }

    [Fact]
    public async Task The_sample_clients_stream_state_after_a_drop_and_resume_equals_the_servers_and_a_snapshot_replaces_it()
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", "agent1");
        var agent = await host.ClientForAsync("demo", "agent1");
        var stream = new CtiBridge.ClientSample.AgentEventStream();
        var first = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        stream.ApplyResume(await first.Connection.InvokeAsync<JsonElement>("Resume", stream.Epoch, stream.LastSeq)); // first connect: a snapshot
        Assert.Equal("LoggedOut", stream.Agent?.GetProperty("status").GetString());

        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales");
        var offer = await first.WaitForAsync(e => Name(e) == "callOffered", "offer");
        foreach (var e in first.Events) stream.Apply(e);
        Assert.False(stream.Apply(offer)); // applied already: a duplicate changes nothing
        var callId = offer.GetProperty("data").GetProperty("call").GetProperty("callId").GetString()!;
        Assert.True(stream.Calls.ContainsKey(callId));
        await first.DisposeAsync(); // dropped while the call is offered

        await agent.PostAsync($"/api/v1/calls/{callId}/answer").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        await using var again = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        stream.ApplyResume(await again.Connection.InvokeAsync<JsonElement>("Resume", stream.Epoch, stream.LastSeq));
        // The server streams events from a queue: the resume may come between the agent's wrap-up and the call's end,
        // and then the end arrives live on the new connection, as a client keeps applying after its resume.
        if (stream.Calls.ContainsKey(callId)) await again.WaitForAsync(e => Name(e) == "callEnded", "the call's end after the resume");
        foreach (var e in again.Events) stream.Apply(e);

        Assert.Equal("WrapUp", stream.Agent?.GetProperty("status").GetString());
        Assert.DoesNotContain(callId, stream.Calls.Keys);
        // Current: the server's stream is exactly where the client is (skill-group statistics, published on a timer, are
        // group messages and no longer advance it), and the client has the statistics of its groups.
        var snapshot = await again.Connection.InvokeAsync<JsonElement>("Snapshot");
        Assert.Equal(snapshot.GetProperty("seq").GetInt64(), stream.LastSeq);
        Assert.Equal(["Sales"], stream.SkillGroups.Values.Select(g => g.GetProperty("name").GetString()));

        // Another epoch (a server restart): the snapshot replaces what the client had.
        stream.ApplyResume(await again.Connection.InvokeAsync<JsonElement>("Resume", "another-epoch", stream.LastSeq));
        Assert.Equal("WrapUp", stream.Agent?.GetProperty("status").GetString());
        Assert.Empty(stream.Calls);
    }

    [Fact]
    public async Task Supervisor_stream_carries_team_agents_events_and_nothing_of_another_tenant()
    {
        using var host = new CtiApiFactory();
        var super = await host.LoginAsync("demo", "super");
        await using var hub = await TestHub.ConnectAsync(host.Server, super.AccessToken);
        var otherAdmin = await host.CreateTenantAsync("other");
        var otherSession = await host.LoginAsync("other", "boss", CtiApiFactory.OtherTenantAdminPassword);
        await using var otherHub = await TestHub.ConnectAsync(host.Server, otherSession.AccessToken);

        var agent = await host.ClientForAsync("demo", "agent3");
        await agent.LoginReadyAsync();
        await hub.WaitForAsync(e => Name(e) == "agentStateChanged" && e.GetProperty("data").GetProperty("agent").GetProperty("displayName").GetString() == "Agent 3", "agent3 Ready");
        await hub.WaitForStatsAsync("stats");
        var snap = await hub.Connection.InvokeAsync<JsonElement>("Snapshot");
        Assert.Equal(JsonValueKind.Null, snap.GetProperty("snapshot").GetProperty("agent").ValueKind);
        Assert.Equal(2, snap.GetProperty("snapshot").GetProperty("skillGroups").GetArrayLength());
        await Task.Delay(200);
        Assert.Empty(otherHub.Received);
        _ = otherAdmin;
    }
}
