using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Hubs;
using CtiBridge.Application.Auth;
using CtiBridge.Data.Entities;
using CtiBridge.ClientSample;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>Skill-group statistics: one message per group to its subscribers, beside (not in) the users' resumable streams.</summary>
public class SkillGroupStatsTests
{
    private static string Name(JsonElement e) => e.GetProperty("name").GetString()!;
    private static JsonElement StatsIn(JsonElement message) => message.GetProperty("data").GetProperty("stats");
    private static int Ready(JsonElement stats) => stats.GetProperty("agentsReady").GetInt32();

    private static async Task<Dictionary<string, JsonElement>> GroupsAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/skill-groups")).ReadAsync<List<JsonElement>>()).ToDictionary(g => g.GetProperty("name").GetString()!);

    [Fact]
    public async Task Statistics_arrive_as_a_group_message_without_a_sequence_number_and_are_not_in_the_resumable_stream()
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", "agent1");
        var agent = await host.ClientForAsync("demo", "agent1");
        await using var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);

        await agent.LoginReadyAsync();
        var ready = await hub.WaitForStateAsync("Ready");
        var stats = await hub.WaitForStatsAsync("Sales with agent1 Ready", e => StatsIn(e).GetProperty("name").GetString() == "Sales" && Ready(StatsIn(e)) == 1);

        Assert.Equal("skillGroupStatsChanged", Name(stats));
        Assert.False(stats.TryGetProperty("seq", out _));
        Assert.False(stats.TryGetProperty("epoch", out _));
        Assert.True(stats.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(1, StatsIn(stats).GetProperty("agentsLoggedIn").GetInt32());
        // agent1 is in Sales only: no other group's statistics reach the connection.
        Assert.All(hub.Stats, e => Assert.Equal("Sales", StatsIn(e).GetProperty("name").GetString()));

        // The stream replays its events only; the answer carries the current statistics beside them.
        var resumed = await hub.Connection.InvokeAsync<JsonElement>("Resume", ready.GetProperty("epoch").GetString(), 0L);
        var replayed = resumed.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(replayed);
        Assert.DoesNotContain(replayed, e => Name(e) == "skillGroupStatsChanged");
        Assert.Equal(Enumerable.Range(1, replayed.Count).Select(i => (long)i), replayed.Select(e => e.GetProperty("seq").GetInt64()));
        var current = Assert.Single(resumed.GetProperty("skillGroups").EnumerateArray());
        Assert.Equal("Sales", current.GetProperty("name").GetString());
        Assert.Equal(1, Ready(current));
    }

    [Fact]
    public async Task A_group_gets_at_most_four_statistics_messages_a_second_and_the_last_carries_the_current_figures()
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", "agent1");
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await using var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        await agent1.LoginReadyAsync();
        await agent2.LoginReadyAsync();
        await hub.WaitForStatsAsync("both Ready", e => Ready(StatsIn(e)) == 2);
        await Task.Delay(300); // past the last flush
        var before = hub.StatsOf("Sales").Count;

        // 30 changes of Sales' figures as fast as the API takes them: each would be a message without coalescing.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 30; i++)
            await agent2.PutAsJsonAsync("/api/v1/agent/state", i % 2 == 0 ? new { state = "NotReady", reason = "Break" } : (object)new { state = "Ready" });
        var changing = clock.Elapsed;
        var final = (await GroupsAsync(agent1))["Sales"];
        await hub.WaitForStatsAsync("the final figures", e => hub.StatsOf("Sales").Count > before && Ready(StatsIn(hub.StatsOf("Sales")[^1])) == Ready(final));
        await Task.Delay(600); // nothing further is due
        var elapsed = clock.Elapsed;

        var sent = hub.StatsOf("Sales").Skip(before).ToList();
        var allowed = (int)Math.Floor(elapsed.TotalSeconds * 4) + 1;
        Assert.InRange(sent.Count, 1, allowed);
        Assert.True(sent.Count < 30, $"{sent.Count} messages for 30 changes in {changing.TotalMilliseconds:F0} ms");
        var last = StatsIn(sent[^1]);
        Assert.Equal(Ready(final), Ready(last));
        Assert.Equal(final.GetProperty("agentsLoggedIn").GetInt32(), last.GetProperty("agentsLoggedIn").GetInt32());
        Assert.Equal(final.GetProperty("agentsFree").GetInt32(), last.GetProperty("agentsFree").GetInt32());
    }

    [Fact]
    public async Task A_client_that_reconnects_reads_the_current_statistics_in_its_resume_answer_also_when_its_events_are_replayed()
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", "agent1");
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        var stream = new AgentEventStream();
        var first = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        stream.ApplyResume(await first.Connection.InvokeAsync<JsonElement>("Resume", stream.Epoch, stream.LastSeq));
        Assert.Equal(1, Ready(stream.SkillGroups.Values.Single()));
        await first.DisposeAsync(); // the network drops

        // Meanwhile Sales changes (agent2 logs in Ready): group messages the dropped client never receives.
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await agent2.LoginReadyAsync();
        await Task.Delay(400);

        await using var again = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        var resumed = await again.Connection.InvokeAsync<JsonElement>("Resume", stream.Epoch, stream.LastSeq);
        Assert.Empty(resumed.GetProperty("events").EnumerateArray()); // agent1's own stream had nothing new: no snapshot needed
        stream.ApplyResume(resumed);
        var sales = stream.SkillGroups.Values.Single();
        Assert.Equal(2, Ready(sales));
        Assert.Equal((await GroupsAsync(agent1))["Sales"].GetRawText(), sales.GetRawText());
    }

    [Fact]
    public async Task Statistics_groups_name_the_tenant_and_a_user_joins_only_the_groups_of_their_tenant_they_may_see()
    {
        using var host = new CtiApiFactory();
        var subscriptions = host.Services.GetRequiredService<SkillGroupSubscriptions>();
        var directory = host.Services.GetRequiredService<CtiBridge.Api.CallCenter.CallCenterDirectory>();
        var otherAdmin = await host.CreateTenantAsync("other");
        var otherGroup = await (await otherAdmin.PostAsJsonAsync("/api/v1/admin/skill-groups", new { name = "Sales", number = "800" })).ReadAsync<JsonElement>();
        var otherGroupId = otherGroup.GetProperty("id").GetGuid();
        // The other tenant's admin may get its own group's figures (they are refreshed on their own), never the demo's.
        void NothingButItsOwnTenant(TestHub hub) =>
            Assert.All(hub.Received, e => Assert.Equal(otherGroupId, StatsIn(e).GetProperty("skillGroupId").GetGuid()));
        var admin = await host.ClientForAsync("demo", "admin");
        var groups = await GroupsAsync(admin);
        Guid sales = groups["Sales"].GetProperty("skillGroupId").GetGuid(), support = groups["Support"].GetProperty("skillGroupId").GetGuid();

        var sessions = new Dictionary<string, SessionResponse>();
        foreach (var login in new[] { "admin", "super", "agent3" }) sessions[login] = await host.LoginAsync("demo", login);
        sessions["boss"] = await host.LoginAsync("other", "boss", CtiApiFactory.OtherTenantAdminPassword);
        var hubs = new Dictionary<string, TestHub>();
        foreach (var (login, s) in sessions) hubs[login] = await TestHub.ConnectAsync(host.Server, s.AccessToken);
        try
        {
            // The handshake answer can reach the client before the server's OnConnectedAsync has joined the groups; the
            // hub answers an invocation only after it (as a client's first Resume): one each before reading the server.
            foreach (var hub in hubs.Values) await hub.Connection.InvokeAsync<JsonElement>("Snapshot");
            IReadOnlySet<Guid> GroupsOf(string login) => subscriptions.GroupsOf(hubs[login].Connection.ConnectionId!);
            Assert.Equal(new HashSet<Guid> { sales, support }, GroupsOf("admin"));   // an admin: every group of the tenant
            Assert.Equal(new HashSet<Guid> { sales, support }, GroupsOf("super"));   // a supervisor: the groups of the team's agents
            Assert.Equal(new HashSet<Guid> { support }, GroupsOf("agent3"));          // an agent: their own groups
            Assert.Equal(new HashSet<Guid> { otherGroupId }, GroupsOf("boss"));      // another tenant's admin: that tenant's only
            foreach (var (login, s) in sessions)
                Assert.All(subscriptions.GroupNamesOf(hubs[login].Connection.ConnectionId!),
                    name => Assert.StartsWith($"skill-group:{s.User.TenantId:D}:", name));
            // The rule itself looks a user up in the tenant given only: the demo admin is nobody in the other tenant.
            Assert.Empty(directory.SkillGroupsVisibleTo(sessions["boss"].User.TenantId, sessions["admin"].User.UserId));

            var agent1 = await host.ClientForAsync("demo", "agent1");
            await agent1.LoginReadyAsync();
            await hubs["admin"].WaitForStatsAsync("Sales to the admin", e => StatsIn(e).GetProperty("skillGroupId").GetGuid() == sales);
            await hubs["super"].WaitForStatsAsync("Sales to the supervisor", e => StatsIn(e).GetProperty("skillGroupId").GetGuid() == sales);
            await Task.Delay(400);
            Assert.Empty(hubs["agent3"].StatsOf("Sales"));
            NothingButItsOwnTenant(hubs["boss"]);

            // Membership changes move connections at once: agent3 joins Sales and receives its statistics from then on.
            var agent3Id = sessions["agent3"].User.UserId;
            await admin.PutAsJsonAsync($"/api/v1/admin/skill-groups/{sales}/members/{agent3Id}", new { priority = 1 }).OkAsync(HttpStatusCode.OK);
            Assert.Equal(new HashSet<Guid> { sales, support }, GroupsOf("agent3"));
            await agent1.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Break" });
            await hubs["agent3"].WaitForStatsAsync("Sales after joining it", e => StatsIn(e).GetProperty("skillGroupId").GetGuid() == sales);
            await admin.DeleteAsync($"/api/v1/admin/skill-groups/{sales}/members/{agent3Id}").OkAsync();
            Assert.Equal(new HashSet<Guid> { support }, GroupsOf("agent3"));
            NothingButItsOwnTenant(hubs["boss"]);
        }
        finally
        {
            foreach (var hub in hubs.Values) await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_api_key_follows_the_agent_it_names_and_is_refused_without_one_for_another_tenants_agent_or_without_scope()
    {
        using var host = new CtiApiFactory();
        var agent1Id = await host.UserIdAsync("agent1");
        var keyClient = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read | ApiKeyScopes.CallControl);
        var key = keyClient.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var agent1 = await host.ClientForAsync("demo", "agent1");

        await using (var hub = await TestHub.ConnectWithApiKeyAsync(host.Server, key, agent1Id))
        {
            var first = await hub.Connection.InvokeAsync<JsonElement>("Resume", null, 0L);
            Assert.Equal(agent1Id, first.GetProperty("snapshot").GetProperty("agent").GetProperty("agentId").GetGuid());
            await agent1.LoginReadyAsync();
            await hub.WaitForStateAsync("Ready");
            await hub.WaitForStatsAsync("Sales", e => StatsIn(e).GetProperty("name").GetString() == "Sales");
        }
        // An integrator's connection is not the agent's toolbar: closing it starts no grace period.
        Assert.False(host.Services.GetRequiredService<ToolbarPresence>().InGracePeriod((await host.LoginAsync("demo", "agent1")).User.TenantId, agent1Id));

        async Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string query) =>
            await client.PostAsync("/hubs/agent/negotiate?negotiateVersion=1" + query, null);
        await Problem.AssertAsync(await NegotiateAsync(keyClient, ""), 400, "agent_id_required");
        await Problem.AssertAsync(await NegotiateAsync(keyClient, "&agentId=not-a-guid"), 400, "agent_id_required");
        var otherAdmin = await host.CreateTenantAsync("other");
        var boss = (await host.LoginAsync("other", "boss", CtiApiFactory.OtherTenantAdminPassword)).User.UserId;
        await Problem.AssertAsync(await NegotiateAsync(keyClient, $"&agentId={boss}"), 404, "agent_not_found");
        await Problem.AssertAsync(await NegotiateAsync(keyClient, $"&agentId={Guid.NewGuid()}"), 404, "agent_not_found");
        var adminOnly = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Admin);
        await Problem.AssertAsync(await NegotiateAsync(adminOnly, $"&agentId={agent1Id}"), 403, "insufficient_scope");
        var wrongKey = host.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "ctk_00000000_" + new string('x', 43));
        await Problem.AssertAsync(await NegotiateAsync(wrongKey, $"&agentId={agent1Id}"), 401, "unauthenticated");
        _ = otherAdmin;
    }

    [Fact]
    public async Task The_sample_integrator_loop_answers_the_call_offered_to_its_agent_and_keeps_its_groups_statistics()
    {
        using var host = new CtiApiFactory();
        var agent1Id = await host.UserIdAsync("agent1");
        var keyClient = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read | ApiKeyScopes.CallControl);
        var key = keyClient.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        await using var connection = CtiHub.Build(new Uri($"http://localhost/hubs/agent?agentId={agent1Id:D}"),
            TestHub.Over(host.Server, o => o.Headers["X-Api-Key"] = key));
        var loop = new IntegratorLoop(connection, keyClient, agent1Id, TextWriter.Null);
        await loop.StartAsync(CancellationToken.None);

        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        await agent1.PlaceCallAsync("Sales");
        var call = await agent1.WaitForCallAsync(c => c.State == CtiBridge.Domain.Calls.CallState.Connected);
        Assert.Contains(call.CallId.ToString(), loop.Answered);
        Assert.Equal("OnCall", (await agent1.StateAsync()).Status.ToString());
        // The statistics follow within 250 ms: agent1 logged in and on the call, so none Ready.
        bool OnCallFigures() => loop.Stream.SkillGroups.Values.Any(g => g.GetProperty("agentsLoggedIn").GetInt32() == 1 && Ready(g) == 0);
        for (var i = 0; i < 100 && !OnCallFigures(); i++) await Task.Delay(20);
        var sales = Assert.Single(loop.Stream.SkillGroups.Values);
        Assert.Equal("Sales", sales.GetProperty("name").GetString());
        Assert.Equal(1, sales.GetProperty("agentsLoggedIn").GetInt32());
        Assert.Equal(0, Ready(sales)); // on the call
    }

    [Fact]
    public async Task The_sample_integrator_loop_resumes_after_a_disconnect_and_answers_the_call_offered_meanwhile()
    {
        using var host = new CtiApiFactory();
        var agent1Id = await host.UserIdAsync("agent1");
        var keyClient = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read | ApiKeyScopes.CallControl);
        var key = keyClient.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        await using var connection = CtiHub.Build(new Uri($"http://localhost/hubs/agent?agentId={agent1Id:D}"),
            TestHub.Over(host.Server, o => o.Headers["X-Api-Key"] = key));
        var loop = new IntegratorLoop(connection, keyClient, agent1Id, TextWriter.Null);
        await loop.StartAsync(CancellationToken.None);
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        for (var i = 0; i < 100 && loop.Stream.Agent?.GetProperty("status").GetString() != "Ready"; i++) await Task.Delay(20);
        var seenBefore = loop.Stream.LastSeq;

        // The connection drops; meanwhile a call is offered to the agent and rings.
        await connection.StopAsync();
        await agent1.PlaceCallAsync("Sales");
        var offered = await agent1.WaitForCallAsync(c => c.State == CtiBridge.Domain.Calls.CallState.Ringing);
        Assert.Empty(loop.Answered);

        // Connected again, the loop resumes from where it was, finds the offer in what it missed and answers it.
        await loop.StartAsync(CancellationToken.None);
        var call = await agent1.WaitForCallAsync(c => c.State == CtiBridge.Domain.Calls.CallState.Connected);
        Assert.Equal(offered.CallId, call.CallId);
        Assert.Equal([call.CallId.ToString()], loop.Answered);
        Assert.True(loop.Stream.LastSeq > seenBefore);
        Assert.Equal("OnCall", (await agent1.StateAsync()).Status.ToString());
    }
}

