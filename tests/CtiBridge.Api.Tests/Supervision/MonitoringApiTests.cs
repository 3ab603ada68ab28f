using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtiBridge.Data.Entities;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Tests.Supervision;

/// <summary>Monitoring through the REST API on the sandbox demo tenant (super leads Team A: agent1–agent3).</summary>
public class MonitoringApiTests
{
    private const string Url = "/api/v1/supervision/monitoring";

    private static async Task<(CtiApiFactory Host, HttpClient Admin, HttpClient Super, HttpClient Agent, Guid AgentId, Guid CallId)> AgentOnACallAsync(
        CtiApiFactory host, bool giveDevice = true)
    {
        var admin = await host.ClientForAsync("demo", "admin");
        var super = await host.ClientForAsync("demo", "super");
        if (giveDevice)
        {
            var superId = await host.UserIdAsync("super");
            var user = await (await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1901", extensionKind = "Sip" }))
                .ReadAsync<JsonElement>();
            Assert.Equal("1901", user.GetProperty("supervisorDevice").GetProperty("extension").GetString());
        }
        var agent = await host.ClientForAsync("demo", "agent1");
        var me = await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales");
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        return (host, admin, super, agent, me.AgentId, offered.CallId);
    }

    [Fact]
    public async Task A_supervisor_monitors_switches_mode_and_stops_and_the_session_is_audited()
    {
        using var host = new CtiApiFactory();
        var (_, _, super, _, agentId, callId) = await AgentOnACallAsync(host);

        var start = await super.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.ReadAsync<MonitoringView>();
        Assert.Equal(callId, started.CallId);
        Assert.Equal(MonitoringMode.Monitor, started.Mode);
        // The sandbox's device answers at once (auto-answer).
        Assert.Equal(MonitoringState.Active, (await (await super.GetAsync(Url)).ReadAsync<MonitoringView>()).State);

        var barge = await (await super.PutAsJsonAsync(Url + "/mode", new { mode = "barge" })).ReadAsync<MonitoringView>();
        Assert.Equal(MonitoringMode.Barge, barge.Mode);
        Assert.Equal(2, barge.Periods.Count);

        await super.DeleteAsync(Url).OkAsync();
        await Problem.AssertAsync(await super.GetAsync(Url), 404, "not_monitoring");

        var superId = await host.UserIdAsync("super");
        string? after = null;
        for (var i = 0; i < 100 && after is null; i++)
        {
            after = await host.DbAsync(db => db.AuditEntries.Where(a => a.Action == DatabaseMonitoringAuditLog.Action && a.ActorId == superId)
                .Select(a => a.After).FirstOrDefaultAsync());
            if (after is null) await Task.Delay(20);
        }
        Assert.NotNull(after);
        var entry = JsonDocument.Parse(after!).RootElement;
        Assert.Equal(agentId, entry.GetProperty("agentId").GetGuid());
        Assert.Equal(callId, entry.GetProperty("callId").GetGuid());
        Assert.Equal("stopped", entry.GetProperty("endReason").GetString());
        Assert.Equal(["monitor", "barge"], entry.GetProperty("modes").EnumerateArray().Select(m => m.GetProperty("mode").GetString()));
    }

    [Fact]
    public async Task Take_over_through_the_api_puts_the_agent_in_wrap_up_and_the_call_record_shows_it()
    {
        using var host = new CtiApiFactory();
        var (_, _, super, agent, agentId, callId) = await AgentOnACallAsync(host);
        var admin = await host.ClientForAsync("demo", "admin");
        var teams = await (await admin.GetAsync("/api/v1/admin/teams")).ReadAsync<JsonElement>();
        var team = teams.EnumerateArray().Single();
        Assert.Equal(["Monitor", "Whisper", "Barge"], team.GetProperty("monitoringModes").EnumerateArray().Select(m => m.GetString()));

        // Take over is not in a team's default permission.
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId, mode = "TakeOver" }), 403, "monitoring_mode_not_allowed");
        await admin.PutAsJsonAsync($"/api/v1/admin/teams/{team.GetProperty("id").GetGuid()}", new
        {
            name = team.GetProperty("name").GetString(),
            supervisorIds = team.GetProperty("supervisorIds").EnumerateArray().Select(x => x.GetGuid()),
            memberIds = team.GetProperty("memberIds").EnumerateArray().Select(x => x.GetGuid()),
            monitoringModes = new[] { "Monitor", "TakeOver" },
        }).OkAsync(HttpStatusCode.OK);

        await super.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" }).OkAsync(HttpStatusCode.Created);
        await Problem.AssertAsync(await super.PutAsJsonAsync(Url + "/mode", new { mode = "Whisper" }), 403, "monitoring_mode_not_allowed");
        var taken = await (await super.PutAsJsonAsync(Url + "/mode", new { mode = "TakeOver" })).ReadAsync<MonitoringView>();

        Assert.Equal(MonitoringMode.TakeOver, taken.Mode);
        Assert.Equal(Domain.Agents.AgentStatus.WrapUp, (await agent.StateAsync()).Status);
        await host.FlushJournalAsync();
        var record = await host.DbAsync(db => db.CallRecords.SingleAsync(c => c.Id == callId));
        Assert.Equal(CallEndReason.TakenOver, record.EndReason);
        await super.DeleteAsync(Url).OkAsync();
    }

    [Fact]
    public async Task A_supervisor_of_two_teams_of_the_agent_may_use_the_modes_either_team_allows()
    {
        using var host = new CtiApiFactory();
        var (_, admin, super, _, agentId, _) = await AgentOnACallAsync(host);
        var teamA = (await (await admin.GetAsync("/api/v1/admin/teams")).ReadAsync<JsonElement>()).EnumerateArray().Single();
        object TeamA(string[] modes) => new
        {
            name = teamA.GetProperty("name").GetString(),
            supervisorIds = teamA.GetProperty("supervisorIds").EnumerateArray().Select(x => x.GetGuid()),
            memberIds = teamA.GetProperty("memberIds").EnumerateArray().Select(x => x.GetGuid()),
            monitoringModes = modes,
        };
        // Team A (agent1, agent2, agent3) allows monitoring only; team Coaching (agent1 only, also led by super) whisper only.
        await admin.PutAsJsonAsync($"/api/v1/admin/teams/{teamA.GetProperty("id").GetGuid()}", TeamA(["Monitor"])).OkAsync(HttpStatusCode.OK);
        await admin.PostAsJsonAsync("/api/v1/admin/teams", new
        {
            name = "Coaching", supervisorIds = new[] { await host.UserIdAsync("super") }, memberIds = new[] { agentId }, monitoringModes = new[] { "Whisper" },
        }).OkAsync(HttpStatusCode.Created);

        // On agent1 (in both): monitor and whisper, not barge or take over. On agent2 (Team A only): monitor only.
        var agent2 = await host.UserIdAsync("agent2");
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId = agent2, mode = "Whisper" }), 403, "monitoring_mode_not_allowed");
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId, mode = "Barge" }), 403, "monitoring_mode_not_allowed");
        await super.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" }).OkAsync(HttpStatusCode.Created);
        Assert.Equal(MonitoringMode.Whisper, (await (await super.PutAsJsonAsync(Url + "/mode", new { mode = "Whisper" })).ReadAsync<MonitoringView>()).Mode);
        await Problem.AssertAsync(await super.PutAsJsonAsync(Url + "/mode", new { mode = "Barge" }), 403, "monitoring_mode_not_allowed");
        await Problem.AssertAsync(await super.PutAsJsonAsync(Url + "/mode", new { mode = "TakeOver" }), 403, "monitoring_mode_not_allowed");
        await super.DeleteAsync(Url).OkAsync();
    }

    [Fact]
    public async Task Refusals_carry_stable_codes()
    {
        using var host = new CtiApiFactory();
        var (_, admin, super, agent, agentId, _) = await AgentOnACallAsync(host, giveDevice: false);

        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" }), 409, "no_supervisor_device");
        var superId = await host.UserIdAsync("super");
        await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1901", extensionKind = "Sip" }).OkAsync(HttpStatusCode.OK);
        // An agent's extension is not free for a supervisor's device; agents have no supervisor device.
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1002" }), 409, "conflict");
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{agentId}/supervisor-device", new { extension = "1902" }), 409, "conflict");
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "x" }), 400, "validation_failed");

        await Problem.AssertAsync(await agent.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" }), 403, "forbidden");
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId, mode = "Listen" }), 400, "validation_failed");
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { mode = "Monitor" }), 400, "validation_failed");
        var agent2 = await host.UserIdAsync("agent2");
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId = agent2, mode = "Monitor" }), 409, "agent_not_on_call");
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId = Guid.NewGuid(), mode = "Monitor" }), 403, "not_your_agent");
        await Problem.AssertAsync(await super.PutAsJsonAsync(Url + "/mode", new { mode = "Barge" }), 404, "not_monitoring");
        await Problem.AssertAsync(await super.DeleteAsync(Url), 404, "not_monitoring");

        // A real agent of the tenant in none of super's teams; an integrator's API key (a session needs a person with a device).
        var outsider = (await (await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = "dora", displayName = "Dora", roles = new[] { "agent" }, password = "nine quiet herons at dusk 7!" })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId = outsider, mode = "Monitor" }), 403, "not_your_agent");
        var key = await host.ApiKeyClientAsync("demo", ApiKeyScopes.CallControl);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" })).StatusCode);

        await super.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" }).OkAsync(HttpStatusCode.Created);
        await Problem.AssertAsync(await super.PostAsJsonAsync(Url, new { agentId, mode = "Whisper" }), 409, "already_monitoring");
    }

    [Fact]
    public async Task The_supervisor_receives_the_sessions_events_and_the_agent_only_when_the_tenant_tells_monitored_parties()
    {
        using var host = new CtiApiFactory();
        var (_, admin, super, _, agentId, callId) = await AgentOnACallAsync(host);
        string[] events = ["monitoringStarted", "monitoringModeChanged", "monitoringEnded"];
        await using var superHub = (await TestHub.ConnectAsync(host.Server, (await host.LoginAsync("demo", "super")).AccessToken)).Listen(events);
        await using var agentHub = (await TestHub.ConnectAsync(host.Server, (await host.LoginAsync("demo", "agent1")).AccessToken)).Listen(events);
        static bool Is(JsonElement e, string name, string? reason = null) => e.GetProperty("name").GetString() == name
            && (reason is null || e.GetProperty("data").GetProperty("session").GetProperty("endReason").GetString() == reason);

        // Not told (the tenant's default): the supervisor gets started, mode changed and ended; the agent nothing.
        await super.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" }).OkAsync(HttpStatusCode.Created);
        var started = (await superHub.WaitForAsync(e => Is(e, "monitoringStarted"), "monitoringStarted")).GetProperty("data").GetProperty("session");
        Assert.Equal((callId, agentId, "Monitor", false), (started.GetProperty("callId").GetGuid(), started.GetProperty("agentId").GetGuid(),
            started.GetProperty("mode").GetString(), started.GetProperty("partiesTold").GetBoolean()));
        await super.PutAsJsonAsync(Url + "/mode", new { mode = "Whisper" }).OkAsync(HttpStatusCode.OK);
        var changed = (await superHub.WaitForAsync(e => Is(e, "monitoringModeChanged"), "monitoringModeChanged")).GetProperty("data");
        Assert.Equal(("Monitor", "Whisper"), (changed.GetProperty("previousMode").GetString(), changed.GetProperty("session").GetProperty("mode").GetString()));
        await super.DeleteAsync(Url).OkAsync();
        await superHub.WaitForAsync(e => Is(e, "monitoringEnded", "Stopped"), "monitoringEnded");

        // Told: the agent gets the session's events too.
        var tenant = JsonNode.Parse(await (await admin.GetAsync("/api/v1/admin/tenant")).Content.ReadAsStringAsync())!.AsObject();
        tenant["settings"]!["tellMonitoredParties"] = true;
        await admin.PutAsJsonAsync("/api/v1/admin/tenant", new JsonObject { ["name"] = tenant["name"]!.GetValue<string>(), ["settings"] = JsonNode.Parse(tenant["settings"]!.ToJsonString()) })
            .OkAsync(HttpStatusCode.OK);
        await super.PostAsJsonAsync(Url, new { agentId, mode = "Barge" }).OkAsync(HttpStatusCode.Created);
        var told = (await agentHub.WaitForAsync(e => Is(e, "monitoringStarted"), "monitoringStarted at the agent")).GetProperty("data").GetProperty("session");
        Assert.Equal(("Barge", true), (told.GetProperty("mode").GetString(), told.GetProperty("partiesTold").GetBoolean()));
        await super.DeleteAsync(Url).OkAsync();
        await agentHub.WaitForAsync(e => Is(e, "monitoringEnded", "Stopped"), "monitoringEnded at the agent");
        // Of the first session, not told, the agent received nothing.
        Assert.Equal(["monitoringStarted", "monitoringEnded"], agentHub.Names(e => e.GetProperty("name").GetString()!.StartsWith("monitoring", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_listening_line_carries_the_next_session_without_a_new_call_and_stays_after_it()
    {
        using var host = new CtiApiFactory();
        var (_, admin, super, agent, agentId, callId) = await AgentOnACallAsync(host, giveDevice: false);
        var superId = await host.UserIdAsync("super");
        await Problem.AssertAsync(await super.PutAsync(Url + "/line", null), 409, "no_supervisor_device");
        await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1901", extensionKind = "Sip" }).OkAsync(HttpStatusCode.OK);
        await Problem.AssertAsync(await super.PutAsync(Url + "/line", null), 409, "listening_line_needs_web_device");
        await Problem.AssertAsync(await agent.PutAsync(Url + "/line", null), 403, "forbidden");
        await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1901", extensionKind = "Web" }).OkAsync(HttpStatusCode.OK);
        await Problem.AssertAsync(await super.GetAsync(Url + "/line"), 404, "not_found");

        var line = await (await super.PutAsync(Url + "/line", null)).ReadAsync<MonitoringLineView>();
        // The sandbox's device answers at once (auto-answer).
        Assert.Equal(MonitoringLineState.Open, (await (await super.GetAsync(Url + "/line")).ReadAsync<MonitoringLineView>()).State);
        Assert.Equal(line.LineId, (await (await super.PutAsync(Url + "/line", null)).ReadAsync<MonitoringLineView>()).LineId);

        var started = await (await super.PostAsJsonAsync(Url, new { agentId, mode = "Monitor" })).ReadAsync<MonitoringView>();
        Assert.Equal(MonitoringState.Active, started.State); // on the line: active from the answer, nothing rang
        Assert.Equal(callId, started.CallId);
        var inUse = await (await super.GetAsync(Url + "/line")).ReadAsync<MonitoringLineView>();
        Assert.Equal((MonitoringLineState.InUse, started.SessionId), (inUse.State, inUse.SessionId));

        await super.DeleteAsync(Url).OkAsync();
        Assert.Equal(MonitoringLineState.Open, (await (await super.GetAsync(Url + "/line")).ReadAsync<MonitoringLineView>()).State);

        await super.DeleteAsync(Url + "/line").OkAsync();
        await Problem.AssertAsync(await super.GetAsync(Url + "/line"), 404, "not_found");
        await super.DeleteAsync(Url + "/line").OkAsync(); // no line: nothing to do
    }
}
