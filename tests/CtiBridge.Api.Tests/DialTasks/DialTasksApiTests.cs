using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Events;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.CallerIds;
using CtiBridge.Application.Contacts;
using CtiBridge.Application.DialTasks;
using CtiBridge.Application.Events;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.DialTasks;

/// <summary>
/// /api/v1/dial-tasks on the Simulator (demo tenant: agent1..3 in Team A led by super). The tenant's zone is chosen so that
/// its wall clock reads about noon at the test's start, and the task's window is 08:00–16:00 of that day: the window is
/// open until the manual clock is moved on by four hours (and again the next day, the task's last). The window job is run by hand (the scheduler is off).
/// </summary>
public class DialTasksApiTests
{
    private static readonly DateTimeOffset Start = new(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
    /// <summary>An Etc/GMT zone whose local time is 12:xx at <see cref="Start"/> (Etc/GMT-N is UTC+N).</summary>
    private static readonly int Offset = 12 - Start.Hour;
    private static readonly string Zone = Offset == 0 ? "Etc/GMT" : Offset > 0 ? $"Etc/GMT-{Offset}" : $"Etc/GMT+{-Offset}";
    private static readonly string Today = Start.ToOffset(TimeSpan.FromHours(Offset)).ToString("yyyy-MM-dd");
    private static readonly string Tomorrow = Start.ToOffset(TimeSpan.FromHours(Offset)).AddDays(1).ToString("yyyy-MM-dd");

    private sealed class Rig : IDisposable
    {
        public readonly ManualTimeProvider Clock;
        public readonly CtiApiFactory Host;
        public readonly ConcurrentQueue<DialTaskEvent> Events = new();

        /// <param name="clock">Shared by hosts that follow one another.</param>
        /// <param name="database">A SQLite file kept across hosts (a restart); null: the host's own.</param>
        public Rig(ManualTimeProvider? clock = null, string? database = null)
        {
            Clock = clock ?? new ManualTimeProvider(Start);
            var settings = new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" };
            if (database is not null) settings["Database:ConnectionString"] = $"Data Source={database}";
            Host = new CtiApiFactory(settings, Clock);
            _ = Host.Services;
            Host.Services.GetRequiredService<AgentEventStreams>().Dispatched += (e, _) => { if (e is DialTaskEvent d) Events.Enqueue(d); };
        }

        public SimulatedPbx Pbx => Host.Services.GetRequiredService<SimulatedPbx>();

        public async Task<DialTaskWindowRun> RunJobAsync()
        {
            await Host.FlushJournalAsync();
            await using var scope = Host.Services.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<DialTaskWindows>().RunAsync();
            await Task.Delay(50);
            return run;
        }

        public async Task<List<DialTaskEvent>> TakeEventsAsync(Func<List<DialTaskEvent>, bool>? until = null)
        {
            var list = new List<DialTaskEvent>();
            for (var i = 0; i < 100; i++)
            {
                while (Events.TryDequeue(out var e)) list.Add(e);
                if (until is null ? i >= 3 : until(list)) break;
                await Task.Delay(20);
            }
            return list;
        }

        public void Dispose() => Host.Dispose();
    }

    private static object NewTask(string name, object contacts, Guid? teamId = null, Guid[]? agentIds = null, string? callerId = null,
        int busyRetries = 1, int noAnswerRetries = 0) => new Dictionary<string, object?>
    {
        ["name"] = name, ["teamId"] = teamId, ["agentIds"] = agentIds, ["firstDay"] = Today, ["lastDay"] = Tomorrow,
        ["dailyStart"] = "08:00", ["dailyEnd"] = "16:00", ["busyRetries"] = busyRetries, ["busyRetryMinutes"] = 10,
        ["noAnswerRetries"] = noAnswerRetries, ["noAnswerRetryMinutes"] = 30, ["callerId"] = callerId,
        ["contactIds"] = contacts is Guid[] ids ? ids : null, ["contactSearch"] = contacts as string,
    };

    private static async Task<DialTaskView> CreatedAsync(HttpClient c, object body)
    {
        var r = await c.PostAsJsonAsync("/api/v1/dial-tasks", body);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<DialTaskView>();
    }

    private static async Task<Guid> ContactAsync(HttpClient c, string name, string? number) =>
        (await (await c.PostAsJsonAsync("/api/v1/contacts", new { name, numbers = number is null ? Array.Empty<object>() : new object[] { new { number } } }))
            .ReadAsync<ContactResponse>()).Id;

    private static async Task<DialTaskNextResponse> NextAsync(HttpClient agent, Guid task) =>
        await (await agent.PostAsync($"/api/v1/dial-tasks/{task}/next")).ReadAsync<DialTaskNextResponse>();

    private static async Task<DialTaskDialResponse> DialAsync(HttpClient agent, Guid task, Guid contact)
    {
        var r = await agent.PostAsync($"/api/v1/dial-tasks/{task}/contacts/{contact}/dial");
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<DialTaskDialResponse>();
    }

    private static async Task<SimLeg> CustomerLegAsync(SimulatedPbx pbx, string number)
    {
        for (var i = 0; i < 100; i++)
        {
            var leg = pbx.Legs.LastOrDefault(l => l.Endpoint.Contains(number, StringComparison.Ordinal) && l.InCall is null && !l.Answered);
            if (leg is not null) return leg;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"{number} was not dialled");
    }

    private static async Task WaitNoCallAsync(HttpClient agent)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await (await agent.GetAsync("/api/v1/agent/calls")).ReadAsync<List<CallView>>()).Count == 0) return;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException("the call did not end");
    }

    private static async Task<List<DialTaskContactView>> ContactsAsync(HttpClient c, Guid task) =>
        await (await c.GetAsync($"/api/v1/dial-tasks/{task}/contacts")).ReadAsync<List<DialTaskContactView>>();

    private static async Task SetupTenantAsync(HttpClient admin)
    {
        (await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { timeZone = Zone } })).EnsureSuccessStatusCode();
        await admin.PostAsJsonAsync("/api/v1/admin/caller-ids", new { number = "+4930100", label = "Main" }).OkAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync("/api/v1/admin/dispositions", new { code = "SALE", name = "Sale" }).OkAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync("/api/v1/admin/dispositions", new { code = "NOINT", name = "Not interested" }).OkAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+4940111003", direction = "Outbound" }).OkAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_supervisor_creates_a_task_its_agents_dial_with_one_click_set_results_and_busy_calls_are_retried()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var admin = await host.ClientForAsync("demo", "admin");
        await SetupTenantAsync(admin);
        var super = await host.ClientForAsync("demo", "super");
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        var agent3 = await host.ClientForAsync("demo", "agent3");
        var (agent1Id, agent2Id, superId) = (await host.UserIdAsync("agent1"), await host.UserIdAsync("agent2"), await host.UserIdAsync("super"));
        var anna = await ContactAsync(super, "Anna Winter", "+49 40 111001");
        await ContactAsync(super, "Bert Winter", "+4940111002");
        await ContactAsync(super, "Carl Winter (blocked)", "+4940111003");
        await ContactAsync(super, "Dora Winter (no number)", null);
        await ContactAsync(super, "Else Summer", "+4940111009"); // not found by the search

        // Picked (Anna, again through the search: once) and searched, plus one imported from CSV.
        var body = (Dictionary<string, object?>)NewTask("Winter offer", "Winter", agentIds: [agent1Id, agent2Id], callerId: "+4930100");
        body["contactIds"] = new[] { anna };
        body["csv"] = "name,numbers\nFritz Import,work: +49 40 111004\n";
        var task = await CreatedAsync(super, body);
        Assert.Equal((DialTaskStatus.Running, true, Zone, "+4930100"), (task.Status, task.WindowOpen, task.TimeZone, task.CallerId));
        Assert.Equal(new[] { agent1Id, agent2Id }.Order(), task.AgentIds.Order());
        Assert.Equal((4, 1, 3, 1), (task.Progress.Total, task.Progress.Done, task.Progress.Remaining, task.Progress.Blocked));
        var contacts = await ContactsAsync(super, task.Id);
        Assert.Equal(4, contacts.Count);
        Assert.Equal(DialTaskItemStatus.Blocked, contacts.Single(c => c.Number == "+4940111003").Status);
        Assert.Contains(contacts, c => c.ContactName == "Fritz Import" && c.Number == "+4940111004");

        // Agents see their tasks; agent3 (Team A, not named) does not work it; the supervisor is not an agent of it.
        Assert.Equal([task.Id], (await (await agent1.GetAsync("/api/v1/dial-tasks")).ReadAsync<List<DialTaskView>>()).Select(t => t.Id));
        Assert.Empty(await (await agent3.GetAsync("/api/v1/dial-tasks")).ReadAsync<List<DialTaskView>>());
        await Problem.AssertAsync(await agent3.PostAsync($"/api/v1/dial-tasks/{task.Id}/next"), 403, DialTaskErrors.Forbidden);
        await Problem.AssertAsync(await agent1.GetAsync($"/api/v1/dial-tasks/{task.Id}/contacts"), 403, DialTaskErrors.Forbidden);

        // Each agent gets her own contact; asking again gives the same one until its result is set.
        var first = (await NextAsync(agent1, task.Id)).Contact!;
        var second = (await NextAsync(agent2, task.Id)).Contact!;
        Assert.NotEqual(first.Number, second.Number);
        Assert.Equal(first.Id, (await NextAsync(agent1, task.Id)).Contact!.Id);
        Assert.Equal(("Anna Winter", agent1Id), (first.ContactName, first.ClaimedById!.Value));

        // agent1: one click dials Anna presenting the task's caller ID; she answers; the result is stored.
        rig.Events.Clear();
        await agent1.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
        var dialled = await DialAsync(agent1, task.Id, first.Id);
        var annaLeg = await CustomerLegAsync(rig.Pbx, first.Number);
        Assert.Equal("+4930100", annaLeg.CallerIdNumber);
        await Problem.AssertAsync(await agent1.PostAsync($"/api/v1/dial-tasks/{task.Id}/contacts/{first.Id}/dial"), 409, DialTaskErrors.CallInProgress);
        rig.Pbx.Answer(annaLeg.Id);
        await agent1.WaitForCallAsync(c => c.CallId == dialled.CallId && c.State == CallState.Connected);
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/dial-tasks/{task.Id}/contacts/{first.Id}/result", new { disposition = "SALE" }),
            409, DialTaskErrors.CallInProgress);
        await agent1.PostAsync($"/api/v1/calls/{dialled.CallId}/hangup").OkAsync();
        await WaitNoCallAsync(agent1);
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/dial-tasks/{task.Id}/contacts/{first.Id}/result", new { disposition = "NOPE" }),
            400, "disposition_unknown");
        var done = await (await agent1.PostAsJsonAsync($"/api/v1/dial-tasks/{task.Id}/contacts/{first.Id}/result",
            new { disposition = "SALE", remark = "Ordered 3 units" })).ReadAsync<DialTaskContactView>();
        Assert.Equal((DialTaskItemStatus.Done, "Sale", "Ordered 3 units", DialAttemptOutcome.Answered, 1),
            (done.Status, done.Result, done.Remark, done.LastOutcome!.Value, done.Attempts));
        // The call record carries the task.
        await host.FlushJournalAsync();
        Assert.Equal(task.Id, await host.DbAsync(db => db.CallRecords.Where(r => r.Id == dialled.CallId).Select(r => r.DialTaskId).SingleAsync()));
        // It carries the result too, as her disposition and remarks on the call.
        Assert.Equal(("Ordered 3 units", done.DispositionId), await host.DbAsync(async db =>
            await db.CallRecords.Where(r => r.Id == dialled.CallId).Select(r => new ValueTuple<string?, Guid?>(r.Remarks, r.DispositionId)).SingleAsync()));
        // The supervisor saw the progress live.
        var events = await rig.TakeEventsAsync(l => l.OfType<DialTaskProgressEvent>().Any(e => e.Progress.Completed == 1));
        Assert.All(events.OfType<DialTaskProgressEvent>(), e => Assert.Contains(superId, e.Recipients));
        Assert.Contains(events.OfType<DialTaskProgressEvent>(), e => e.Progress.ByResult.SequenceEqual([new DialTaskResultCount("Sale", 1)]));

        // agent2: busy. Asking for the next contact settles it (a retry in 10 minutes) and offers the next one.
        await agent2.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
        var busyCall = await DialAsync(agent2, task.Id, second.Id);
        rig.Pbx.HangupFromDevice((await CustomerLegAsync(rig.Pbx, second.Number)).Id, CallEndReason.Busy);
        await WaitNoCallAsync(agent2);
        await host.FlushJournalAsync();
        Assert.Equal(CallOutcome.Busy, await host.DbAsync(db => db.CallRecords.Where(r => r.Id == busyCall.CallId).Select(r => r.Outcome).SingleAsync()));
        var third = (await NextAsync(agent2, task.Id)).Contact!;
        Assert.NotEqual(second.Id, third.Id);
        var retried = (await ContactsAsync(super, task.Id)).Single(c => c.Id == second.Id);
        Assert.Equal((DialTaskItemStatus.Pending, 1, DialAttemptOutcome.Busy, Start.AddMinutes(10)),
            (retried.Status, retried.BusyCount, retried.LastOutcome!.Value, retried.NextAttemptAt!.Value));
        // Nothing else is due for agent1 now; the retry's time is given.
        var nothing = await NextAsync(agent1, task.Id);
        Assert.Null(nothing.Contact);
        Assert.Equal((2, (DateTimeOffset?)Start.AddMinutes(10)), (nothing.Remaining, nothing.NextRetryAt));

        // Ten minutes on, the retry is offered; busy again, the one busy retry is used up: the job settles it (no agent asks).
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var again = (await NextAsync(agent1, task.Id)).Contact!;
        Assert.Equal(second.Id, again.Id);
        var secondBusy = await DialAsync(agent1, task.Id, again.Id);
        rig.Pbx.HangupFromDevice((await CustomerLegAsync(rig.Pbx, second.Number)).Id, CallEndReason.Busy);
        await WaitNoCallAsync(agent1);
        Assert.True((await rig.RunJobAsync()).Settled >= 1);
        var exhausted = (await ContactsAsync(super, task.Id)).Single(c => c.Id == second.Id);
        Assert.Equal((DialTaskItemStatus.Exhausted, 2, 2, secondBusy.CallId), (exhausted.Status, exhausted.BusyCount, exhausted.Attempts, exhausted.CallId!.Value));

        var progress = await (await super.GetAsync($"/api/v1/dial-tasks/{task.Id}/progress")).ReadAsync<DialTaskProgress>();
        Assert.Equal((4, 3, 1, 1, 1, 1), (progress.Total, progress.Done, progress.Remaining, progress.Completed, progress.Exhausted, progress.Blocked));
    }

    [Fact]
    public async Task Refusals_outside_the_window_a_blocklisted_number_another_teams_task_another_tenants_contact_and_a_caller_id_not_listed()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var admin = await host.ClientForAsync("demo", "admin");
        await SetupTenantAsync(admin);
        var super = await host.ClientForAsync("demo", "super");
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent3 = await host.ClientForAsync("demo", "agent3");
        var other = await host.CreateTenantAsync("dialtask-other");
        var teamA = await host.DbAsync(db => db.Teams.Where(t => t.Name == "Team A").Select(t => t.Id).SingleAsync());
        // Team B: agent3 only, led by the admin (super does not lead it); it has its own caller ID.
        var teamB = (await (await admin.PostAsJsonAsync("/api/v1/admin/teams",
            new { name = "Team B", supervisorIds = new[] { await host.UserIdAsync("admin") }, memberIds = new[] { await host.UserIdAsync("agent3") } }))
            .ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync("/api/v1/admin/caller-ids", new { number = "+4930900", teamId = teamB }).OkAsync(HttpStatusCode.Created);
        var ours = await ContactAsync(super, "Gina Closed", "+4940222001");
        var late = await ContactAsync(super, "Hans Blocked Later", "+4940222002");
        var foreign = await ContactAsync(other, "Ida Elsewhere", "+4940222003");

        // The new task form's caller IDs: the tenant's and the task's team's (hers by default), never another team's.
        static async Task<List<string>> CallerIds(HttpClient c, Guid? team = null) =>
            (await (await c.GetAsync($"/api/v1/dial-tasks/caller-ids{(team is null ? "" : $"?teamId={team}")}")).ReadAsync<List<CallerIdView>>()).Select(x => x.Number).ToList();
        Assert.Equal(["+4930100"], await CallerIds(super));
        Assert.Equal(["+4930100"], await CallerIds(super, teamA));
        Assert.Equal(["+4930100", "+4930900"], await CallerIds(admin, teamB));
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/dial-tasks/caller-ids?teamId={teamB}"), 403, DialTaskErrors.Forbidden);
        await Problem.AssertAsync(await agent1.GetAsync("/api/v1/dial-tasks/caller-ids"), 403, DialTaskErrors.Forbidden);
        await Problem.AssertAsync(await admin.GetAsync($"/api/v1/dial-tasks/caller-ids?teamId={Guid.NewGuid()}"), 400, "validation_failed");
        Assert.Empty(await CallerIds(other)); // another tenant's admin: none of these

        // Another tenant's contact; a caller ID nobody listed, or another team's; a team she does not lead; agents not hers; bad windows.
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/dial-tasks", NewTask("x", new[] { ours, foreign })), 404, ContactErrors.NotFound);
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/dial-tasks", NewTask("x", new[] { ours }, callerId: "+15550001")), 403, "caller_id_not_allowed");
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/dial-tasks", NewTask("x", new[] { ours }, teamId: teamA, callerId: "+4930900")), 403, "caller_id_not_allowed");
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/dial-tasks", NewTask("x", new[] { ours }, teamId: teamB)), 403, DialTaskErrors.Forbidden);
        await Problem.AssertAsync(await agent1.PostAsJsonAsync("/api/v1/dial-tasks", NewTask("x", new[] { ours })), 403, DialTaskErrors.Forbidden);
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/dial-tasks", NewTask("x", new[] { ours }, agentIds: [await host.UserIdAsync("admin")])),
            403, DialTaskErrors.Forbidden);
        var backwards = (Dictionary<string, object?>)NewTask("x", new[] { ours });
        backwards["dailyStart"] = "16:00";
        backwards["dailyEnd"] = "08:00";
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/dial-tasks", backwards), 400, "validation_failed");
        Assert.Equal(0, await host.DbAsync(db => db.DialTasks.CountAsync()));

        // An agent acting on another team's task: Team B's task (the admin's), worked by agent3, not by agent1; super does not manage it.
        var teamBTask = await CreatedAsync(admin, NewTask("Team B list", new[] { ours }, teamId: teamB, callerId: "+4930900"));
        await Problem.AssertAsync(await agent1.PostAsync($"/api/v1/dial-tasks/{teamBTask.Id}/next"), 403, DialTaskErrors.Forbidden);
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/dial-tasks/{teamBTask.Id}"), 403, DialTaskErrors.Forbidden);
        await Problem.AssertAsync(await super.PostAsJsonAsync($"/api/v1/dial-tasks/{teamBTask.Id}/status", new { status = "Paused" }), 403, DialTaskErrors.Forbidden);
        Assert.DoesNotContain(teamBTask.Id, (await (await super.GetAsync("/api/v1/dial-tasks")).ReadAsync<List<DialTaskView>>()).Select(t => t.Id));
        // Another tenant's admin does not find it at all.
        await Problem.AssertAsync(await other.GetAsync($"/api/v1/dial-tasks/{teamBTask.Id}"), 404, DialTaskErrors.NotFound);
        await Problem.AssertAsync(await other.PostAsync($"/api/v1/dial-tasks/{teamBTask.Id}/next"), 404, DialTaskErrors.NotFound);
        // agent3 works it (a Team B member): the same number is not offered in another task while she holds it.
        var held = (await NextAsync(agent3, teamBTask.Id)).Contact!;
        var task = await CreatedAsync(super, NewTask("Team A list", new[] { ours, late }, callerId: "+4930100"));
        var offered = (await NextAsync(agent1, task.Id)).Contact!;
        Assert.Equal("+4940222002", offered.Number); // Gina's number is claimed in Team B's task
        Assert.Equal("+4940222001", held.Number);

        // A number put on the blocklist after it was offered: not dialled, the contact is Blocked.
        await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+4940222002", direction = "Both" }).OkAsync(HttpStatusCode.Created);
        await agent1.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
        var legsBefore = rig.Pbx.Legs.Count;
        await Problem.AssertAsync(await agent1.PostAsync($"/api/v1/dial-tasks/{task.Id}/contacts/{offered.Id}/dial"), 409, "number_blocked");
        Assert.Equal(legsBefore, rig.Pbx.Legs.Count);
        Assert.Equal(DialTaskItemStatus.Blocked, (await ContactsAsync(super, task.Id)).Single(c => c.Id == offered.Id).Status);
        // Inbound-only entries do not block dialling; acting on a contact not offered to her is refused.
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/dial-tasks/{task.Id}/contacts/{offered.Id}/result", new { disposition = "SALE" }),
            409, DialTaskErrors.NotClaimed);

        // Outside the window: nothing is offered, nothing dialled; the job tells the agents the window closed.
        var held3 = (await NextAsync(agent3, teamBTask.Id)).Contact!;
        rig.Events.Clear();
        rig.Clock.Advance(TimeSpan.FromHours(5)); // 17:xx in the tenant's zone
        await Problem.AssertAsync(await agent1.PostAsync($"/api/v1/dial-tasks/{task.Id}/next"), 409, DialTaskErrors.WindowClosed);
        await Problem.AssertAsync(await agent3.PostAsync($"/api/v1/dial-tasks/{teamBTask.Id}/contacts/{held3.Id}/dial"), 409, DialTaskErrors.WindowClosed);
        Assert.Equal(legsBefore, rig.Pbx.Legs.Count);
        // Two firings at once (two nodes): each window closes once.
        var runs = await Task.WhenAll(rig.RunJobAsync(), rig.RunJobAsync());
        Assert.Equal(2, runs.Sum(r => r.Closed));
        var changed = await rig.TakeEventsAsync(l => l.OfType<DialTaskChangedEvent>().Count() >= 2);
        await Task.Delay(200);
        changed.AddRange(await rig.TakeEventsAsync());
        Assert.Single(changed.OfType<DialTaskChangedEvent>(), e => e.Task.Id == task.Id);
        Assert.Contains(changed.OfType<DialTaskChangedEvent>(), e => e.Task.Id == task.Id && !e.Task.WindowOpen && e.Recipients.Contains(offered.ClaimedById!.Value));
        Assert.False((await (await agent1.GetAsync($"/api/v1/dial-tasks/{task.Id}")).ReadAsync<DialTaskView>()).WindowOpen);
        Assert.Equal(0, (await rig.RunJobAsync()).Closed); // once
        // After the last day's window the job completes the task.
        rig.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, (await rig.RunJobAsync()).Completed);
        Assert.Equal(DialTaskStatus.Completed, (await (await admin.GetAsync($"/api/v1/dial-tasks/{task.Id}")).ReadAsync<DialTaskView>()).Status);
        Assert.Empty(await (await agent1.GetAsync("/api/v1/dial-tasks")).ReadAsync<List<DialTaskView>>());
        await Problem.AssertAsync(await super.PostAsJsonAsync($"/api/v1/dial-tasks/{task.Id}/status", new { status = "Running" }), 409, DialTaskErrors.NotRunning);
    }

    [Fact]
    public async Task Two_agents_asking_at_once_never_get_the_same_contact()
    {
        using var rig = new Rig();
        var host = rig.Host;
        await SetupTenantAsync(await host.ClientForAsync("demo", "admin"));
        var super = await host.ClientForAsync("demo", "super");
        var agents = new[] { await host.ClientForAsync("demo", "agent1"), await host.ClientForAsync("demo", "agent2"), await host.ClientForAsync("demo", "agent3") };
        for (var round = 0; round < 5; round++)
        {
            // One contact, three agents asking at the same moment: exactly one gets it.
            var contact = await ContactAsync(super, $"Solo {round}", $"+494033300{round}");
            var task = await CreatedAsync(super, NewTask($"Solo {round}", new[] { contact }));
            var answers = await Task.WhenAll(agents.Select(a => NextAsync(a, task.Id)));
            Assert.Single(answers, a => a.Contact is not null);
        }
        // Twelve contacts, three agents asking four times each at once (after setting a result): twelve different contacts.
        var many = new List<Guid>();
        for (var i = 0; i < 12; i++) many.Add(await ContactAsync(super, $"Many {i}", $"+49403334{i:00}"));
        var big = await CreatedAsync(super, NewTask("Many", many.ToArray()));
        var seen = new ConcurrentBag<Guid>();
        await Task.WhenAll(agents.Select(async a =>
        {
            for (var i = 0; i < 4; i++)
            {
                var c = (await NextAsync(a, big.Id)).Contact!;
                seen.Add(c.Id);
                await a.PostAsJsonAsync($"/api/v1/dial-tasks/{big.Id}/contacts/{c.Id}/result", new { disposition = "NOINT" }).OkAsync(HttpStatusCode.OK);
            }
        }));
        Assert.Equal(12, seen.Distinct().Count());
        Assert.Equal(12, (await (await super.GetAsync($"/api/v1/dial-tasks/{big.Id}/progress")).ReadAsync<DialTaskProgress>()).Completed);
        // A paused task offers nothing; resumed, it has nothing left.
        await super.PostAsJsonAsync($"/api/v1/dial-tasks/{big.Id}/status", new { status = "Paused" }).OkAsync(HttpStatusCode.OK);
        await Problem.AssertAsync(await agents[0].PostAsync($"/api/v1/dial-tasks/{big.Id}/next"), 409, DialTaskErrors.NotRunning);
        await super.PostAsJsonAsync($"/api/v1/dial-tasks/{big.Id}/status", new { status = "Running" }).OkAsync(HttpStatusCode.OK);
        Assert.Equal(new DialTaskNextResponse(null, 0, null), await NextAsync(agents[0], big.Id));
    }

    [Fact]
    public async Task A_contact_left_without_a_result_goes_back_or_is_closed_by_the_job_also_after_a_restart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ctibridge-dtrelease-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var database = Path.Combine(dir, "cti.db");
        var clock = new ManualTimeProvider(Start);
        try
        {
            Guid taskId, answeredId;
            using (var rig = new Rig(clock, database))
            {
                var host = rig.Host;
                await SetupTenantAsync(await host.ClientForAsync("demo", "admin"));
                var super = await host.ClientForAsync("demo", "super");
                var agent1 = await host.ClientForAsync("demo", "agent1");
                var agent2 = await host.ClientForAsync("demo", "agent2");
                var (agent1Id, agent2Id) = (await host.UserIdAsync("agent1"), await host.UserIdAsync("agent2"));
                for (var i = 1; i <= 3; i++) await ContactAsync(super, $"Release {i}", $"+494022200{i}");
                var task = await CreatedAsync(super, NewTask("Release", "Release", agentIds: [agent1Id, agent2Id], noAnswerRetries: 1));
                taskId = task.Id;

                // agent1: the customer answers, the call ends, she sets no result (and stays logged in).
                await agent1.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
                var answered = (await NextAsync(agent1, task.Id)).Contact!;
                answeredId = answered.Id;
                var call = await DialAsync(agent1, task.Id, answered.Id);
                rig.Pbx.Answer((await CustomerLegAsync(rig.Pbx, answered.Number)).Id);
                await agent1.WaitForCallAsync(c => c.CallId == call.CallId && c.State == CallState.Connected);
                await agent1.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
                await WaitNoCallAsync(agent1);
                Assert.Equal(0, (await rig.RunJobAsync()).ClosedWithoutResult);
                Assert.Equal((DialTaskItemStatus.Claimed, DialAttemptOutcome.Answered),
                    (await ContactsAsync(super, task.Id)).Single(c => c.Id == answered.Id) is var a1 ? (a1.Status, a1.LastOutcome!.Value) : default);

                // agent2 takes a contact, does not dial it, and logs out: a minute later it is back on the list, no attempt counted.
                await agent2.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
                var left = (await NextAsync(agent2, task.Id)).Contact!;
                await agent2.PostAsync("/api/v1/agent/logout").OkAsync(HttpStatusCode.OK);
                Assert.Equal(0, (await rig.RunJobAsync()).Released); // within the grace: a page opened before logging in keeps it
                clock.Advance(TimeSpan.FromMinutes(2));
                Assert.Equal(1, (await rig.RunJobAsync()).Released);
                var back = (await ContactsAsync(super, task.Id)).Single(c => c.Id == left.Id);
                Assert.Equal((DialTaskItemStatus.Pending, 0, (Guid?)null), (back.Status, back.Attempts, back.ClaimedById));

                // agent2 again: answered, ended, no result, and she logs out: closed without a result at once.
                await agent2.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
                var second = (await NextAsync(agent2, task.Id)).Contact!;
                var call2 = await DialAsync(agent2, task.Id, second.Id);
                rig.Pbx.Answer((await CustomerLegAsync(rig.Pbx, second.Number)).Id);
                await agent2.WaitForCallAsync(c => c.CallId == call2.CallId && c.State == CallState.Connected);
                await agent2.PostAsync($"/api/v1/calls/{call2.CallId}/hangup").OkAsync();
                await WaitNoCallAsync(agent2);
                Assert.Equal(0, (await rig.RunJobAsync()).ClosedWithoutResult); // she is still logged in
                await agent2.PostAsync("/api/v1/agent/logout").OkAsync(HttpStatusCode.OK);
                Assert.Equal(1, (await rig.RunJobAsync()).ClosedWithoutResult);
                var closedAtOnce = (await ContactsAsync(super, task.Id)).Single(c => c.Id == second.Id);
                Assert.Equal((DialTaskItemStatus.Done, (string?)null, 1, agent2Id), (closedAtOnce.Status, closedAtOnce.Result, closedAtOnce.Attempts, closedAtOnce.ClaimedById!.Value));

                // agent1 is still logged in: 29 minutes after her call ended her contact is still hers.
                clock.Advance(TimeSpan.FromMinutes(27));
                Assert.Equal(0, (await rig.RunJobAsync()).ClosedWithoutResult);
                Assert.Equal(DialTaskItemStatus.Claimed, (await ContactsAsync(super, task.Id)).Single(c => c.Id == answered.Id).Status);
            }

            // Restart on the same database, 31 minutes after the call ended (due while the service was down): the new host's
            // job closes it, once. (Read from the database: a token signed on the moved clock is not valid yet in real time.)
            clock.Advance(TimeSpan.FromMinutes(2));
            using (var rig = new Rig(clock, database))
            {
                var run = await rig.RunJobAsync();
                Assert.Equal(1, run.ClosedWithoutResult);
                var closed = await rig.Host.DbAsync(db => db.DialTaskItems.SingleAsync(i => i.Id == answeredId));
                Assert.Equal((DialTaskItemStatus.Done, (string?)null, 1, DialAttemptOutcome.Answered), (closed.Status, closed.Result, closed.Attempts, closed.LastOutcome!.Value));
                await using var scope = rig.Host.Services.CreateAsyncScope();
                var views = scope.ServiceProvider.GetRequiredService<DialTaskViews>();
                var progress = await views.ProgressAsync(await views.FindAsync(closed.TenantId, taskId, CancellationToken.None), CancellationToken.None);
                Assert.Equal((2, 2, 1, 1), (progress.Completed, progress.NoResult, progress.Remaining, progress.Pending));
                Assert.Empty(progress.ByResult);
                Assert.Equal(0, (await rig.RunJobAsync()).ClosedWithoutResult);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
