using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Records;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using CtiBridge.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Tests.Records;

public class CallRecordsTests
{
    private static async Task<(Guid CallId, HttpClient Agent)> AnsweredHeldAndHungUpAsync(CtiApiFactory host, string number = "+4930555123",
        object? data = null)
    {
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales", number, data);
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hold").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/resume").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hangup").OkAsync();
        await host.FlushJournalAsync();
        return (offered.CallId, agent);
    }

    [Fact]
    public async Task After_hang_up_the_agent_finds_the_call_in_recent_calls_with_its_journey_and_a_colleague_does_not()
    {
        using var host = new CtiApiFactory();
        var (callId, agent) = await AnsweredHeldAndHungUpAsync(host, data: new { orderId = "A-17" });
        var agent1 = await host.UserIdAsync("agent1");

        Assert.Empty(await (await agent.GetAsync("/api/v1/agent/calls")).ReadAsync<List<System.Text.Json.JsonElement>>()); // live calls: none
        var recent = await (await agent.GetAsync("/api/v1/agent/calls/recent")).ReadAsync<CallRecordPage>();
        var row = Assert.Single(recent.Items);
        Assert.Equal(callId, row.Id);
        Assert.Equal(CallOutcome.Answered, row.Outcome);
        Assert.Equal(CallKind.Queue, row.Kind);
        Assert.Equal("Sales", row.SkillGroupName);
        Assert.Equal(agent1, row.AnsweredById);
        Assert.Equal(1, row.HoldCount);
        Assert.False(row.InProgress);
        Assert.Null(recent.NextCursor);

        var detail = await (await agent.GetAsync($"/api/v1/call-records/{callId}")).ReadAsync<CallRecordDetail>();
        Assert.Contains(detail.Legs, l => l.Role == CallLegRole.Customer && l.Number == "+4930555123");
        Assert.Contains(detail.Legs, l => l.Role == CallLegRole.Agent && l.AgentId == agent1 && l.AnsweredAt is not null);
        Assert.Equal("A-17", detail.AttachedData["orderId"]);
        // Where the caller waited: Sales, from the queueing to the answer.
        var wait = Assert.Single(detail.Waits);
        Assert.Equal("Sales", wait.SkillGroupName);
        var answered = detail.Legs.Single(l => l.Role == CallLegRole.Agent).AnsweredAt!.Value;
        Assert.Equal(answered, wait.LeftAt!.Value, TimeSpan.FromSeconds(1));
        Assert.True(wait.EnteredAt <= wait.LeftAt && wait.Seconds >= 0);

        // A colleague in the same team: not a party, so neither in lists nor by id.
        var colleague = await host.ClientForAsync("demo", "agent2");
        Assert.Empty((await (await colleague.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        await Problem.AssertAsync(await colleague.GetAsync($"/api/v1/call-records/{callId}"), 404, "call_record_not_found");
        await Problem.AssertAsync(await colleague.GetAsync($"/api/v1/agents/{agent1}/calls/recent"), 403, "not_your_agent");

        // The team's supervisor and the admin see it; so does an API key with scope read, not one without.
        var super = await host.ClientForAsync("demo", "super");
        Assert.Single((await (await super.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        Assert.Single((await (await super.GetAsync($"/api/v1/agents/{agent1}/calls/recent")).ReadAsync<CallRecordPage>()).Items);
        var admin = await host.ClientForAsync("demo", "admin");
        Assert.Equal(callId, (await (await admin.GetAsync($"/api/v1/call-records/{callId}")).ReadAsync<CallRecordDetail>()).Summary.Id);
        var reader = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read);
        Assert.Single((await (await reader.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        Assert.Single((await (await reader.GetAsync($"/api/v1/agents/{agent1}/calls/recent")).ReadAsync<CallRecordPage>()).Items);
        await Problem.AssertAsync(await reader.GetAsync("/api/v1/agent/calls/recent"), 400, "agent_id_required");
        var adminKey = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Admin);
        await Problem.AssertAsync(await adminKey.GetAsync("/api/v1/call-records"), 403, "insufficient_scope");
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/call-records")).StatusCode);

        // Another tenant's admin sees nothing of it.
        var other = await host.CreateTenantAsync("other");
        Assert.Empty((await (await other.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        await Problem.AssertAsync(await other.GetAsync($"/api/v1/call-records/{callId}"), 404, "call_record_not_found");
    }

    [Fact]
    public async Task A_supervisor_of_another_team_does_not_see_the_call()
    {
        using var host = new CtiApiFactory();
        var (callId, _) = await AnsweredHeldAndHungUpAsync(host);
        await host.DbAsync(async db =>
        {
            var super = await db.Users.SingleAsync(u => u.Username == "super");
            var other = new User
            {
                TenantId = super.TenantId, Username = "super2", DisplayName = "Other Supervisor", Roles = UserRoles.Supervisor,
                PasswordHash = super.PasswordHash, CreatedAt = DateTimeOffset.UtcNow,
            };
            var team = new Team { TenantId = super.TenantId, Name = "Team B" };
            team.Supervisors.Add(new TeamSupervisor { TenantId = super.TenantId, TeamId = team.Id, UserId = other.Id });
            db.Users.Add(other);
            db.Teams.Add(team);
            return await db.SaveChangesAsync();
        });
        var super2 = await host.ClientForAsync("demo", "super2");
        Assert.Empty((await (await super2.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        await Problem.AssertAsync(await super2.GetAsync($"/api/v1/call-records/{callId}"), 404, "call_record_not_found");
    }

    [Fact]
    public async Task A_call_to_a_group_with_no_agent_logged_in_that_the_caller_hangs_up_is_recorded_abandoned_and_its_groups_supervisor_sees_it()
    {
        using var host = new CtiApiFactory();
        var super = await host.ClientForAsync("demo", "super");
        // Nobody is logged in: the caller waits in Sales and hangs up.
        var legId = await super.PlaceCallAsync("Sales", "+4930444000");
        await super.PostAsync($"/api/v1/sandbox/legs/{legId}/hangup").OkAsync();
        await host.FlushJournalAsync();

        // The supervisor of the team whose agents serve Sales finds it, abandoned while waiting.
        var row = Assert.Single((await (await super.GetAsync("/api/v1/call-records?search=4930444000")).ReadAsync<CallRecordPage>()).Items);
        Assert.Equal(CallOutcome.Abandoned, row.Outcome);
        Assert.Equal(CallEndReason.AbandonedWhileWaiting, row.EndReason);
        Assert.Equal("Sales", row.SkillGroupName);
        Assert.Equal(0, row.OfferCount);
        Assert.Equal(row.Id, (await (await super.GetAsync($"/api/v1/call-records/{row.Id}")).ReadAsync<CallRecordDetail>()).Summary.Id);
        var admin = await host.ClientForAsync("demo", "admin");
        Assert.Single((await (await admin.GetAsync("/api/v1/call-records?outcome=Abandoned")).ReadAsync<CallRecordPage>()).Items);

        // No agent had a leg in it: the agents of the group do not see it; a supervisor whose team serves no group does not either.
        var agent = await host.ClientForAsync("demo", "agent1");
        Assert.Empty((await (await agent.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        await host.DbAsync(async db =>
        {
            var s = await db.Users.SingleAsync(u => u.Username == "super");
            var other = new User
            {
                TenantId = s.TenantId, Username = "super2", DisplayName = "Other Supervisor", Roles = UserRoles.Supervisor,
                PasswordHash = s.PasswordHash, CreatedAt = DateTimeOffset.UtcNow,
            };
            var team = new Team { TenantId = s.TenantId, Name = "Team B" };
            team.Supervisors.Add(new TeamSupervisor { TenantId = s.TenantId, TeamId = team.Id, UserId = other.Id });
            db.Users.Add(other);
            db.Teams.Add(team);
            return await db.SaveChangesAsync();
        });
        var super2 = await host.ClientForAsync("demo", "super2");
        Assert.Empty((await (await super2.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        await Problem.AssertAsync(await super2.GetAsync($"/api/v1/call-records/{row.Id}"), 404, "call_record_not_found");
    }

    /// <summary>The demo tenant masks customer numbers for agents, all but the last four digits.</summary>
    private static Task<int> MaskNumbersForAgentsAsync(CtiApiFactory host) => host.DbAsync(async db =>
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Domain == "demo");
        tenant.Settings.NumberMaskingRule = "keep-last:4";
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Agents_see_customer_numbers_masked_by_the_tenant_rule_and_search_names_only_supervisors_see_them_whole()
    {
        using var host = new CtiApiFactory();
        await MaskNumbersForAgentsAsync(host);
        var (callId, agent) = await AnsweredHeldAndHungUpAsync(host, "+4930555123");
        var mine = await (await agent.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>();
        Assert.Equal("*******5123", Assert.Single(mine.Items).CustomerNumber);
        var detail = await (await agent.GetAsync($"/api/v1/call-records/{callId}")).ReadAsync<CallRecordDetail>();
        Assert.Equal("*******5123", detail.Legs.Single(l => l.Role == CallLegRole.Customer).Number);
        // Searching digits would reveal masked ones: an agent's search matches names only.
        Assert.Empty((await (await agent.GetAsync("/api/v1/call-records?search=30555")).ReadAsync<CallRecordPage>()).Items);

        var super = await host.ClientForAsync("demo", "super");
        Assert.Equal("+4930555123", Assert.Single((await (await super.GetAsync("/api/v1/call-records?search=30555")).ReadAsync<CallRecordPage>()).Items).CustomerNumber);
    }

    [Fact]
    public async Task An_agent_calls_back_from_a_record_whose_number_is_masked_for_her_and_the_refusals_carry_their_codes()
    {
        using var host = new CtiApiFactory();
        await MaskNumbersForAgentsAsync(host);
        var (callId, agent) = await AnsweredHeldAndHungUpAsync(host, "+4930555123");
        var url = $"/api/v1/call-records/{callId}/call-back";
        await agent.PostAsync("/api/v1/agent/wrap-up/end").OkAsync(HttpStatusCode.OK);
        await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Break" }).OkAsync(HttpStatusCode.OK);

        // A colleague who was not on the call does not find it; an API key names no agent here; a caller ID nobody listed.
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await agent2.LoginReadyAsync();
        await Problem.AssertAsync(await agent2.PostAsJsonAsync(url, new { }), 404, RecordErrors.RecordNotFound);
        var key = await host.ApiKeyClientAsync("demo", ApiKeyScopes.CallControl);
        await Problem.AssertAsync(await key.PostAsJsonAsync(url, new { }), 400, "agent_id_required");
        await Problem.AssertAsync(await agent.PostAsJsonAsync(url, new { callerId = "+15550001" }), 403, "caller_id_not_allowed");
        await Problem.AssertAsync(await agent.PostAsJsonAsync($"/api/v1/call-records/{Guid.NewGuid()}/call-back", new { }), 404, RecordErrors.RecordNotFound);

        // She sees the number masked, and the call goes to the whole number (as her supervisor sees it).
        Assert.Equal("*******5123", (await (await agent.GetAsync($"/api/v1/call-records/{callId}")).ReadAsync<CallRecordDetail>()).Summary.CustomerNumber);
        var response = await agent.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dialled = (await response.ReadAsync<System.Text.Json.JsonElement>()).GetProperty("callId").GetGuid();
        var super = await host.ClientForAsync("demo", "super");
        var agent1 = await host.UserIdAsync("agent1");
        var call = await super.WaitForCallAsync(c => c.CallId == dialled, $"/api/v1/agents/{agent1}");
        Assert.Equal((CallDirection.Outbound, "+4930555123"), (call.Direction, call.CustomerNumber));
        await agent.PostAsync($"/api/v1/calls/{dialled}/hangup").OkAsync();

        // The state rules of click-to-dial apply (logged out); a record without a number that can be dialled is refused.
        if ((await agent.StateAsync()).Status == Domain.Agents.AgentStatus.WrapUp) await agent.PostAsync("/api/v1/agent/wrap-up/end").OkAsync(HttpStatusCode.OK);
        await agent.PostAsync("/api/v1/agent/logout").OkAsync(HttpStatusCode.OK);
        await Problem.AssertAsync(await agent.PostAsJsonAsync(url, new { }), 409, "agent_not_logged_in");
        await host.DbAsync(async db =>
        {
            var record = await db.CallRecords.SingleAsync(c => c.Id == callId);
            record.CustomerNumber = "anonymous";
            return await db.SaveChangesAsync();
        });
        await agent.LoginReadyAsync();
        await Problem.AssertAsync(await agent.PostAsJsonAsync(url, new { }), 409, RecordErrors.NoNumberToCall);
    }

    [Fact]
    public async Task Bad_filters_and_cursors_are_refused_with_their_codes()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?pageSize=0"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?pageSize=201"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?cursor=bm9wZQ"), 400, "invalid_cursor");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?cursor=%%%"), 400, "invalid_cursor");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?outcome=Maybe"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?minTalkSeconds=-1"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?search=" + new string('x', 101)), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records/export?outcome=Maybe"), 400, "validation_failed");
    }

    /// <summary>Seeds records of the demo tenant at fixed times; returns their ids in the order given.</summary>
    private static async Task<List<Guid>> SeedAsync(CtiApiFactory host, params Func<Ids, CallRecord>[] make)
    {
        return await host.DbAsync(async db =>
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Domain == "demo");
            db.ScopeToTenant(tenant.Id);
            var ids = new Ids(
                tenant.Id,
                (await db.Users.SingleAsync(u => u.Username == "agent1")).Id,
                (await db.Users.SingleAsync(u => u.Username == "agent2")).Id,
                (await db.SkillGroups.SingleAsync(g => g.Name == "Sales")).Id,
                (await db.SkillGroups.SingleAsync(g => g.Name == "Support")).Id);
            var records = make.Select(m => m(ids)).ToList();
            foreach (var r in records)
            {
                r.TenantId = tenant.Id;
                foreach (var l in r.Legs) { l.TenantId = tenant.Id; l.CallId = r.Id; }
                foreach (var w in r.GroupWaits) { w.TenantId = tenant.Id; w.CallId = r.Id; }
            }
            db.CallRecords.AddRange(records);
            await db.SaveChangesAsync();
            return records.Select(r => r.Id).ToList();
        });
    }

    private sealed record Ids(Guid Tenant, Guid Agent1, Guid Agent2, Guid Sales, Guid Support);

    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static CallRecord Rec(Ids ids, int minute, Guid? agent, Guid? group, CallOutcome outcome, string number = "+4930111222",
        string? name = null, int talk = 0, CallDirection direction = CallDirection.Inbound, CallKind kind = CallKind.Queue,
        CallEndReason reason = CallEndReason.Normal, bool recording = false)
    {
        var at = Day.AddMinutes(minute);
        var r = new CallRecord
        {
            Direction = direction, Kind = kind, SkillGroupId = group, CustomerNumber = number, CustomerName = name, OfferedAt = at,
            AnsweredAt = outcome == CallOutcome.Answered ? at.AddSeconds(5) : null, EndedAt = at.AddSeconds(5 + talk), TalkSeconds = talk,
            Outcome = outcome, EndReason = reason, AnsweredByUserId = outcome == CallOutcome.Answered ? agent : null, HasRecording = recording,
        };
        r.Legs.Add(new CallLeg { Role = CallLegRole.Customer, Endpoint = number, StartedAt = at });
        if (agent is { } a)
            r.Legs.Add(new CallLeg { Role = CallLegRole.Agent, UserId = a, StartedAt = at, AnsweredAt = r.AnsweredAt });
        return r;
    }

    [Fact]
    public async Task Each_filter_narrows_the_search_and_they_combine()
    {
        using var host = new CtiApiFactory();
        var ids = await SeedAsync(host,
            i => Rec(i, 0, i.Agent1, i.Sales, CallOutcome.Answered, name: "Erika Mustermann", talk: 120, recording: true),
            i => Rec(i, 10, i.Agent2, i.Support, CallOutcome.Answered, "+4940999888", talk: 30),
            i => Rec(i, 20, null, i.Sales, CallOutcome.Abandoned, reason: CallEndReason.AbandonedWhileWaiting),
            i => Rec(i, 30, i.Agent1, null, CallOutcome.Busy, "+4989777666", direction: CallDirection.Outbound, kind: CallKind.Outbound,
                reason: CallEndReason.Busy),
            i => Rec(i, 40, i.Agent2, i.Support, CallOutcome.NotAnswered, reason: CallEndReason.NoAnswer));
        var admin = await host.ClientForAsync("demo", "admin");
        var agent1 = await host.UserIdAsync("agent1");
        var sales = (await host.DbAsync(db => db.SkillGroups.SingleAsync(g => g.Name == "Sales"))).Id;
        var range = $"from={Day:O}&to={Day.AddDays(1):O}".Replace("+", "%2B");

        async Task<List<Guid>> Find(string query) =>
            (await (await admin.GetAsync($"/api/v1/call-records?{range}&{query}")).ReadAsync<CallRecordPage>()).Items.Select(r => r.Id).ToList();

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], await Find("")); // newest first
        Assert.Equal([ids[0], ids[1], ids[2], ids[3], ids[4]], await Find("sort=OldestFirst"));
        Assert.Equal([ids[3]], await Find("direction=Outbound"));
        Assert.Equal([ids[3]], await Find("kind=Outbound"));
        Assert.Equal([ids[2], ids[0]], await Find($"skillGroupId={sales}"));
        Assert.Equal([ids[3], ids[0]], await Find($"agentId={agent1}"));
        Assert.Equal([ids[2]], await Find("outcome=Abandoned"));
        Assert.Equal([ids[3]], await Find("outcome=Busy"));
        Assert.Equal([ids[4]], await Find("endReason=NoAnswer"));
        Assert.Equal([ids[1], ids[0]], await Find("minTalkSeconds=30"));
        Assert.Equal([ids[0]], await Find("hasRecording=true"));
        Assert.Equal([ids[0]], await Find("search=mustermann"));         // name, any case (trigram index)
        Assert.Equal([ids[1]], await Find("search=40999"));              // number substring
        Assert.Equal([ids[3]], await Find("search=89"));                 // shorter than a trigram
        Assert.Equal([ids[0]], await Find($"agentId={agent1}&outcome=Answered&skillGroupId={sales}"));
        Assert.Empty(await Find("search=nobody-by-that-name"));
        // Without a range: today only (these are in the past).
        Assert.Empty((await (await admin.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
    }

    [Fact]
    public async Task The_type_filter_finds_each_way_a_call_came_and_transfers_and_consultations_the_disposition_filter_its_calls()
    {
        using var host = new CtiApiFactory();
        var wonId = await host.DbAsync(async db =>
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Domain == "demo");
            var won = new Disposition { TenantId = tenant.Id, Code = "WON", Name = "Sale won" };
            db.Dispositions.Add(won);
            await db.SaveChangesAsync();
            return won.Id;
        });
        var ids = await SeedAsync(host,
            i => Rec(i, 0, i.Agent1, i.Sales, CallOutcome.Answered, talk: 60),
            i => Rec(i, 10, i.Agent1, null, CallOutcome.Answered, kind: CallKind.Direct, talk: 5),
            i => Rec(i, 20, i.Agent1, null, CallOutcome.Answered, direction: CallDirection.Outbound, kind: CallKind.Outbound, talk: 9),
            i => Rec(i, 30, i.Agent2, null, CallOutcome.Answered, direction: CallDirection.Internal, kind: CallKind.Internal, talk: 3),
            i =>
            {   // Agent 1 answered, then transferred the call to agent 2.
                var r = Rec(i, 40, i.Agent1, i.Sales, CallOutcome.Answered, talk: 40);
                r.Legs.Single(l => l.Role == CallLegRole.Agent).EndReason = CallEndReason.AgentTransfer;
                r.Legs.Add(new CallLeg { Role = CallLegRole.Consult, UserId = i.Agent2, StartedAt = r.OfferedAt.AddSeconds(20), AnsweredAt = r.OfferedAt.AddSeconds(22) });
                return r;
            },
            i =>
            {   // Agent 2 consulted agent 1 and kept the call; a disposition was set.
                var r = Rec(i, 50, i.Agent2, i.Support, CallOutcome.Answered, talk: 100);
                r.Legs.Add(new CallLeg { Role = CallLegRole.Consult, UserId = i.Agent1, StartedAt = r.OfferedAt.AddSeconds(30), AnsweredAt = r.OfferedAt.AddSeconds(31),
                    EndReason = CallEndReason.Normal });
                r.DispositionId = wonId;
                return r;
            },
            i =>
            {   // Dialled by agent 1 for a dial task (records keep the task's id, with no foreign key).
                var r = Rec(i, 60, i.Agent1, null, CallOutcome.Answered, direction: CallDirection.Outbound, kind: CallKind.Outbound, talk: 12);
                r.DialTaskId = Guid.NewGuid();
                return r;
            });
        var admin = await host.ClientForAsync("demo", "admin");
        var range = $"from={Day:O}&to={Day.AddDays(1):O}".Replace("+", "%2B");
        async Task<List<Guid>> Find(string query) =>
            (await (await admin.GetAsync($"/api/v1/call-records?{range}&{query}")).ReadAsync<CallRecordPage>()).Items.Select(r => r.Id).ToList();

        Assert.Equal([ids[5], ids[4], ids[0]], await Find("type=InboundQueue"));
        Assert.Equal([ids[1]], await Find("type=DirectInbound"));
        Assert.Equal([ids[2]], await Find("type=ManualOutbound"));
        Assert.Equal([ids[6]], await Find("type=TaskDialled"));
        Assert.Equal([ids[6], ids[2]], await Find("kind=Outbound"));
        Assert.Equal([ids[3]], await Find("type=Internal"));
        Assert.Equal([ids[4]], await Find("type=Transferred"));
        Assert.Equal([ids[5], ids[4]], await Find("type=Consulted"));
        Assert.Equal([ids[5]], await Find($"dispositionId={wonId}"));
        Assert.Equal([ids[5], ids[4], ids[0]], await Find("minTalkSeconds=40"));
        Assert.Equal([ids[4]], await Find("type=Transferred&minTalkSeconds=40&skillGroupId=" +
            (await host.DbAsync(db => db.SkillGroups.SingleAsync(g => g.Name == "Sales"))).Id));
        Assert.Empty(await Find($"type=Consulted&dispositionId={Guid.NewGuid()}"));
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/call-records?type=Predictive"), 400, "validation_failed");

        // The dispositions to choose from: the tenant's, for everyone who reads records; another tenant's admin sees none of them.
        var agent = await host.ClientForAsync("demo", "agent1");
        var choices = await (await agent.GetAsync("/api/v1/call-records/dispositions")).ReadAsync<List<DispositionChoice>>();
        Assert.Contains(choices, d => d.Id == wonId && d.Code == "WON" && d.Name == "Sale won");
        var other = await host.CreateTenantAsync("other");
        Assert.DoesNotContain((await (await other.GetAsync("/api/v1/call-records/dispositions")).ReadAsync<List<DispositionChoice>>()), d => d.Id == wonId);
        var adminKey = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Admin);
        await Problem.AssertAsync(await adminKey.GetAsync("/api/v1/call-records/dispositions"), 403, "insufficient_scope");
    }

    [Fact]
    public async Task Who_hung_up_is_an_end_reason_to_filter_by_shown_in_the_journey_and_the_call_stays_answered()
    {
        using var host = new CtiApiFactory();
        static CallRecord HungUp(Ids i, int minute, CallEndReason reason)
        {   // As the call center stores it: the call's reason on the record and on the leg that did not hang up itself.
            var r = Rec(i, minute, i.Agent1, i.Sales, CallOutcome.Answered, talk: 30, reason: reason);
            var other = reason == CallEndReason.AgentHungUp ? CallLegRole.Customer : CallLegRole.Agent;
            r.Legs.Single(l => l.Role == other).EndReason = reason;
            return r;
        }
        var ids = await SeedAsync(host,
            i => HungUp(i, 0, CallEndReason.CustomerHungUp),
            i => HungUp(i, 10, CallEndReason.AgentHungUp),
            i => Rec(i, 20, i.Agent1, i.Sales, CallOutcome.Answered, talk: 30)); // recorded before who hung up was kept: Normal
        var admin = await host.ClientForAsync("demo", "admin");
        var range = $"from={Day:O}&to={Day.AddDays(1):O}".Replace("+", "%2B");
        async Task<List<Guid>> Find(string query) =>
            (await (await admin.GetAsync($"/api/v1/call-records?{range}&{query}")).ReadAsync<CallRecordPage>()).Items.Select(r => r.Id).ToList();

        Assert.Equal([ids[0]], await Find("endReason=CustomerHungUp"));
        Assert.Equal([ids[1]], await Find("endReason=AgentHungUp"));
        Assert.Equal([ids[2]], await Find("endReason=Normal"));
        Assert.Equal([ids[2], ids[1], ids[0]], await Find("outcome=Answered"));

        var journey = await (await admin.GetAsync($"/api/v1/call-records/{ids[1]}")).ReadAsync<CallRecordDetail>();
        Assert.Equal(CallEndReason.AgentHungUp, journey.Summary.EndReason);
        Assert.Equal(CallEndReason.AgentHungUp, journey.Legs.Single(l => l.Role == CallLegRole.Customer).EndReason);
        var csv = await (await admin.GetAsync($"/api/v1/call-records/export?{range}&endReason=CustomerHungUp")).Content.ReadAsStringAsync();
        Assert.Contains("CustomerHungUp", csv);
        Assert.DoesNotContain("AgentHungUp", csv);
    }

    [Fact]
    public async Task The_skill_group_filter_finds_an_overflowed_call_in_every_group_the_caller_waited_in()
    {
        using var host = new CtiApiFactory();
        var ids = await SeedAsync(host,
            i =>
            {   // Waited in Sales, overflowed to Support, answered there: the record names Support, the waits both.
                var r = Rec(i, 0, i.Agent2, i.Support, CallOutcome.Answered, talk: 30);
                r.GroupWaits.Add(new CallGroupWait { Seq = 0, SkillGroupId = i.Sales, SkillGroupName = "Sales", EnteredAt = r.OfferedAt, LeftAt = r.OfferedAt.AddSeconds(2),
                    MovedOn = true });
                r.GroupWaits.Add(new CallGroupWait { Seq = 1, SkillGroupId = i.Support, SkillGroupName = "Support", EnteredAt = r.OfferedAt.AddSeconds(2), LeftAt = r.AnsweredAt });
                return r;
            },
            i => Rec(i, 10, i.Agent1, i.Sales, CallOutcome.Answered, talk: 30),      // Sales only (no waits stored: an older record)
            i => Rec(i, 20, i.Agent2, i.Support, CallOutcome.Answered, talk: 30));   // Support only
        var admin = await host.ClientForAsync("demo", "admin");
        var (sales, support) = await host.DbAsync(async db =>
            ((await db.SkillGroups.SingleAsync(g => g.Name == "Sales")).Id, (await db.SkillGroups.SingleAsync(g => g.Name == "Support")).Id));
        var range = $"from={Day:O}&to={Day.AddDays(1):O}".Replace("+", "%2B");
        async Task<List<Guid>> Find(string query) =>
            (await (await admin.GetAsync($"/api/v1/call-records?{range}&{query}")).ReadAsync<CallRecordPage>()).Items.Select(r => r.Id).ToList();

        Assert.Equal([ids[1], ids[0]], await Find($"skillGroupId={sales}"));
        Assert.Equal([ids[2], ids[0]], await Find($"skillGroupId={support}"));
        Assert.Equal([ids[0]], await Find($"skillGroupId={sales}&agentId={await host.UserIdAsync("agent2")}"));
        // Keyset pages through the union: one row a page, none repeated or skipped.
        var page = await (await admin.GetAsync($"/api/v1/call-records?{range}&skillGroupId={sales}&pageSize=1")).ReadAsync<CallRecordPage>();
        Assert.Equal([ids[1]], page.Items.Select(r => r.Id));
        var next = await (await admin.GetAsync($"/api/v1/call-records?{range}&skillGroupId={sales}&pageSize=1&cursor={page.NextCursor}")).ReadAsync<CallRecordPage>();
        Assert.Equal([ids[0]], next.Items.Select(r => r.Id));
        Assert.Null(next.NextCursor);
        // The waits do not reach back before the range: a later range does not find the call.
        var later = $"from={Day.AddMinutes(5):O}&to={Day.AddDays(1):O}".Replace("+", "%2B");
        Assert.Equal([ids[1]], (await (await admin.GetAsync($"/api/v1/call-records?{later}&skillGroupId={sales}")).ReadAsync<CallRecordPage>()).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Keyset_pages_neither_repeat_nor_skip_rows_while_calls_are_added()
    {
        using var host = new CtiApiFactory();
        var ids = await SeedAsync(host, Enumerable.Range(0, 7).Select(m => (Func<Ids, CallRecord>)(i => Rec(i, m, i.Agent1, i.Sales, CallOutcome.Answered))).ToArray());
        // Two calls at the same instant: the id breaks the tie.
        ids.AddRange(await SeedAsync(host, i => Rec(i, 3, i.Agent2, i.Sales, CallOutcome.Answered)));
        var admin = await host.ClientForAsync("demo", "admin");
        var range = $"from={Day:O}&to={Day.AddDays(1):O}".Replace("+", "%2B");
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await admin.GetAsync($"/api/v1/call-records?{range}&pageSize=3" + (cursor is null ? "" : "&cursor=" + cursor))).ReadAsync<CallRecordPage>();
            seen.AddRange(page.Items.Select(r => r.Id));
            cursor = page.NextCursor;
            if (pages++ == 0)
                await SeedAsync(host, i => Rec(i, 59, i.Agent1, i.Sales, CallOutcome.Answered)); // a newer call arrives meanwhile
        } while (cursor is not null);
        Assert.Equal(8, seen.Count);
        Assert.Equal(ids.ToHashSet(), seen.ToHashSet());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task The_export_streams_the_search_as_csv()
    {
        using var host = new CtiApiFactory();
        var ids = await SeedAsync(host,
            i => Rec(i, 0, i.Agent1, i.Sales, CallOutcome.Answered, name: "=HYPERLINK(\"x\")", talk: 61),
            i => Rec(i, 5, i.Agent2, i.Support, CallOutcome.Abandoned, reason: CallEndReason.AbandonedWhileWaiting));
        var admin = await host.ClientForAsync("demo", "admin");
        var range = $"from={Day:O}&to={Day.AddDays(1):O}".Replace("+", "%2B");
        var response = await admin.GetAsync($"/api/v1/call-records/export?{range}&sort=OldestFirst");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Join(",", CallRecordCsv.Header), lines[0]);
        Assert.StartsWith(ids[0] + ",", lines[1]);
        Assert.Contains(",Sales,", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", lines[1]); // a formula is neutralised
        Assert.Contains(",Answered,Normal,", lines[1]);
        Assert.Contains(",61,", lines[1]);
        Assert.StartsWith(ids[1] + ",", lines[2]);
        Assert.Contains(",Abandoned,AbandonedWhileWaiting,", lines[2]);

        // The agent's export holds only their calls.
        var agent = await host.ClientForAsync("demo", "agent1");
        var own = (await (await agent.GetAsync($"/api/v1/call-records/export?{range}")).Content.ReadAsStringAsync())
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, own.Length);
        Assert.StartsWith(ids[0] + ",", own[1]);
    }

}
