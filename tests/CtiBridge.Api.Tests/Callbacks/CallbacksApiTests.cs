using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Events;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Callbacks;
using CtiBridge.Application.Contacts;
using CtiBridge.Application.Events;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using CtiBridge.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Callbacks;

/// <summary>
/// /api/v1/callbacks on the Simulator (demo tenant: agent1..3 in Team A led by super; Sales = agent1, agent2). The reminder
/// job is run by hand on a manual clock (the scheduler is off in these hosts), so every step is deterministic.
/// </summary>
public class CallbacksApiTests
{
    // Now (the tokens are checked against the real clock), to the minute.
    private static readonly DateTimeOffset Start = new(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Start + <paramref name="t"/> as a Berlin wall-clock time without offset.</summary>
    private static string BerlinWall(TimeSpan t) => TimeZoneInfo.ConvertTime(Start + t, Berlin).ToString("yyyy-MM-dd'T'HH:mm");

    private sealed class Rig : IDisposable
    {
        public readonly ManualTimeProvider Clock = new(Start);
        public readonly CtiApiFactory Host;
        public readonly ConcurrentQueue<CallCenterEvent> Events = new();

        public Rig()
        {
            Host = new CtiApiFactory(new() { ["Scheduling:Enabled"] = "false" }, Clock);
            _ = Host.Services; // start the host
            Host.Services.GetRequiredService<AgentEventStreams>().Dispatched += (e, _) => { if (e is CallbackEvent) Events.Enqueue(e); };
        }

        public async Task<CallbackReminderRun> RunRemindersAsync()
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<CallbackReminders>().RunAsync();
            await Task.Delay(50); // let the dispatcher hand the events out
            return run;
        }

        /// <summary>The callback events dispatched so far (waits briefly for the dispatcher), then forgets them.</summary>
        public async Task<List<CallbackEvent>> TakeEventsAsync(int atLeast = 0)
        {
            for (var i = 0; i < 100 && Events.Count < atLeast; i++) await Task.Delay(20);
            var list = new List<CallbackEvent>();
            while (Events.TryDequeue(out var e)) list.Add((CallbackEvent)e);
            return list;
        }

        public void Dispose() => Host.Dispose();
    }

    private static Task<HttpResponseMessage> ScheduleAsync(HttpClient c, object body) => c.PostAsJsonAsync("/api/v1/callbacks", body);

    private static async Task<CallbackView> ScheduledAsync(HttpClient c, object body)
    {
        var r = await ScheduleAsync(c, body);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.ReadAsync<CallbackView>();
    }

    private static async Task<List<CallbackView>> ListAsync(HttpClient c, string scope = "Mine", bool closed = false) =>
        await (await c.GetAsync($"/api/v1/callbacks?scope={scope}&includeClosed={closed}")).ReadAsync<List<CallbackView>>();

    private static async Task SetTenantAsync(HttpClient admin, object settings) =>
        (await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings })).EnsureSuccessStatusCode();

    private static async Task<Guid> GroupIdAsync(CtiApiFactory host, string name) =>
        await host.DbAsync(db => Task.FromResult(db.SkillGroups.Single(g => g.Name == name).Id));

    private static string In(TimeSpan t) => (Start + t).ToString("O");

    private static DateOnly LastSundayOfMarch(int year)
    {
        var d = new DateOnly(year, 3, 31);
        while (d.DayOfWeek != DayOfWeek.Sunday) d = d.AddDays(-1);
        return d;
    }

    [Fact]
    public async Task An_agent_schedules_for_themself_a_teammate_and_a_skill_group_with_times_shown_in_the_tenant_zone()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var admin = await host.ClientForAsync("demo", "admin");
        await SetTenantAsync(admin, new { country = "DE", timeZone = "Europe/Berlin" });
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        var agent3 = await host.ClientForAsync("demo", "agent3");
        var agent2Id = await host.UserIdAsync("agent2");
        var sales = await GroupIdAsync(host, "Sales");
        var contact = await (await agent1.PostAsJsonAsync("/api/v1/contacts",
            new { name = "Erika Mustermann", numbers = new[] { new { number = "030 1234567" } } })).ReadAsync<ContactResponse>();

        // For herself, from the contact (its first number, read with the tenant's country), at a Berlin wall-clock time.
        var own = await ScheduledAsync(agent1, new { contactId = contact.Id, dueAtLocal = BerlinWall(TimeSpan.FromMinutes(90)), note = "Wants the new offer" });
        Assert.Equal("+49301234567", own.Number);
        Assert.Equal("Erika Mustermann", own.ContactName);
        Assert.Equal(Start.AddMinutes(90), own.DueAt); // stored in UTC
        Assert.Equal(BerlinWall(TimeSpan.FromMinutes(90)) + ":00" + (Berlin.IsDaylightSavingTime(Start.AddMinutes(90)) ? "+02:00" : "+01:00"), own.DueAtLocal);
        Assert.Equal("Europe/Berlin", own.TimeZone);
        Assert.Equal((CallbackStatus.Scheduled, "Agent 1", "Wants the new offer"), (own.Status, own.AgentName, own.Note));
        Assert.NotNull(own.TeamId);

        // For a teammate, with an instant given with its offset; in summer Berlin is UTC+2.
        var forMate = await ScheduledAsync(agent1, new { number = "+1 (415) 555-0134", dueAt = $"{Start.Year + 1}-07-01T08:00:00Z", agentId = agent2Id });
        Assert.Equal(("+14155550134", agent2Id, $"{Start.Year + 1}-07-01T10:00:00+02:00"), (forMate.Number, forMate.AgentId!.Value, forMate.DueAtLocal));
        var winter = await ScheduledAsync(agent1, new { number = "+4930555111", dueAt = $"{Start.Year + 1}-01-15T08:00:00Z" });
        Assert.Equal($"{Start.Year + 1}-01-15T09:00:00+01:00", winter.DueAtLocal);

        // For a skill group: no agent; every agent of the group sees it, others do not.
        var forGroup = await ScheduledAsync(agent1, new { number = "0301112223", dueAt = In(TimeSpan.FromHours(1)), skillGroupId = sales });
        Assert.Equal((null, sales, "Sales"), (forGroup.AgentId, forGroup.SkillGroupId!.Value, forGroup.SkillGroupName));

        Assert.Equal([forGroup.Id, own.Id, winter.Id], (await ListAsync(agent1)).Select(c => c.Id)); // by due time
        Assert.Equal([forGroup.Id, forMate.Id], (await ListAsync(agent2)).Select(c => c.Id));
        Assert.Empty(await ListAsync(agent3));
        await Problem.AssertAsync(await agent3.GetAsync($"/api/v1/callbacks/{own.Id}"), 404, CallbackErrors.NotFound);
        Assert.Equal(4, (await ListAsync(await host.ClientForAsync("demo", "super"), "Team")).Count);
    }

    [Fact]
    public async Task Refusals_another_tenants_contact_an_agent_of_another_team_a_time_in_the_past_and_bad_numbers()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var later = In(TimeSpan.FromHours(2));

        // A contact of another tenant is not found (as if it did not exist).
        var other = await host.CreateTenantAsync("other");
        var foreign = await (await other.PostAsJsonAsync("/api/v1/contacts", new { name = "Foreign", numbers = new[] { new { number = "+4930999888" } } }))
            .ReadAsync<ContactResponse>();
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { contactId = foreign.Id, dueAt = later }), 404, ContactErrors.NotFound);

        // An agent of another team (an agent of Team B, which agent1 is not in; super does not lead it).
        var outsider = await host.DbAsync(async db =>
        {
            var tenant = db.Tenants.Single(t => t.Domain == "demo");
            var user = new User { TenantId = tenant.Id, Username = "bagent", DisplayName = "B Agent", Roles = UserRoles.Agent, PasswordHash = "x", CreatedAt = Start };
            user.AgentProfile = new AgentProfile { UserId = user.Id, TenantId = tenant.Id, Extension = "2001" };
            var team = new Team { TenantId = tenant.Id, Name = "Team B" };
            team.Members.Add(new TeamMember { TenantId = tenant.Id, TeamId = team.Id, UserId = user.Id });
            db.Users.Add(user);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return user.Id;
        });
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAt = later, agentId = outsider }), 403, CallbackErrors.AssigneeForbidden);
        var super = await host.ClientForAsync("demo", "super");
        await Problem.AssertAsync(await ScheduleAsync(super, new { number = "+4930555000", dueAt = later, agentId = outsider }), 403, CallbackErrors.AssigneeForbidden);
        // Not an agent at all (the supervisor), and no user of this tenant.
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAt = later, agentId = await host.UserIdAsync("super") }), 403,
            CallbackErrors.AssigneeForbidden);
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAt = later, agentId = Guid.NewGuid() }), 403,
            CallbackErrors.AssigneeForbidden);
        // The admin may give it to any agent of the tenant.
        var admin = await host.ClientForAsync("demo", "admin");
        Assert.Equal(outsider, (await ScheduledAsync(admin, new { number = "+4930555000", dueAt = later, agentId = outsider })).AgentId);

        // A time in the past, or now.
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAt = In(TimeSpan.FromMinutes(-1)) }), 400, CallbackErrors.DueInPast);
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAt = In(TimeSpan.Zero) }), 400, CallbackErrors.DueInPast);
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAtLocal = "2020-01-01T10:00" }), 400, CallbackErrors.DueInPast);
        // A local time that is not one, or that the tenant's zone skips (Berlin, last Sunday of March, 02:00-03:00).
        await SetTenantAsync(admin, new { timeZone = "Europe/Berlin" });
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAtLocal = "tomorrow" }), 400, CallbackErrors.DueTimeInvalid);
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAtLocal = $"{LastSundayOfMarch(Start.Year + 1):yyyy-MM-dd}T02:30" }), 400, CallbackErrors.DueTimeInvalid);
        // Neither or both of dueAt and dueAtLocal; neither number nor contact.
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000" }), 400, "validation_failed");
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAt = later, dueAtLocal = BerlinWall(TimeSpan.FromDays(1)) }), 400, "validation_failed");
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { dueAt = later }), 400, "validation_failed");

        // Bad numbers: letters, too few or too many digits, a + inside, and a contact without numbers.
        foreach (var bad in new[] { "call me", "12", "+49 30 1234 5678 9012 3456 7", "030+123456", "030#1234" })
            await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = bad, dueAt = later }), 400, CallbackErrors.NumberInvalid);
        var bare = await (await agent1.PostAsJsonAsync("/api/v1/contacts", new { name = "No number" })).ReadAsync<ContactResponse>();
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { contactId = bare.Id, dueAt = later }), 400, CallbackErrors.NumberInvalid);

        // An unknown skill group; an invalid time zone setting.
        await Problem.AssertAsync(await ScheduleAsync(agent1, new { number = "+4930555000", dueAt = later, skillGroupId = Guid.NewGuid() }), 404,
            CallbackErrors.SkillGroupNotFound);
        foreach (var zone in new[] { "Mars/Olympus", "W. Europe Standard Time", "+01:00" })
            await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { timeZone = zone } }),
                400, "validation_failed");

        // Nothing above was stored except the admin's callback.
        Assert.Single(await ListAsync(admin, "Team"));
    }

    [Fact]
    public async Task A_due_reminder_goes_to_its_agent_once_an_offline_agent_and_a_reminder_nobody_acts_on_escalate_to_the_supervisor()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var admin = await host.ClientForAsync("demo", "admin");
        await SetTenantAsync(admin, new { callbackReminderTimeoutSeconds = 60 });
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        var agent1Id = await host.UserIdAsync("agent1");
        var agent3Id = await host.UserIdAsync("agent3");
        var superId = await host.UserIdAsync("super");
        var mine = await ScheduledAsync(agent1, new { number = "+4930555001", dueAt = In(TimeSpan.FromMinutes(10)) });
        var offline = await ScheduledAsync(agent1, new { number = "+4930555002", dueAt = In(TimeSpan.FromMinutes(10)), agentId = agent3Id });
        await rig.TakeEventsAsync(2); // the callbackUpdated of the two new ones

        rig.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(new CallbackReminderRun(0, 0), await rig.RunRemindersAsync()); // not due yet
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new CallbackReminderRun(2, 1), await rig.RunRemindersAsync());
        var events = await rig.TakeEventsAsync(3);
        var due = events.OfType<CallbackDueEvent>().ToList();
        Assert.Equal([(mine.Id, agent1Id), (offline.Id, agent3Id)], due.Select(e => (e.Callback.Id, e.Recipients.Single())).OrderBy(x => x.Item1 == offline.Id));
        var escalated = Assert.Single(events.OfType<CallbackEscalatedEvent>());
        Assert.Equal((offline.Id, CallbackEscalationReason.AgentOffline, superId), (escalated.Callback.Id, escalated.Reason, escalated.Recipients.Single()));

        // Once: a second run (another node, a restart) sends nothing again.
        Assert.Equal(new CallbackReminderRun(0, 0), await rig.RunRemindersAsync());
        Assert.Empty(await rig.TakeEventsAsync());

        // agent1 does not act on hers within the tenant's 60 s: her supervisor is told, once.
        rig.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new CallbackReminderRun(0, 0), await rig.RunRemindersAsync());
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new CallbackReminderRun(0, 1), await rig.RunRemindersAsync());
        var noAction = Assert.Single((await rig.TakeEventsAsync(1)).OfType<CallbackEscalatedEvent>());
        Assert.Equal((mine.Id, CallbackEscalationReason.NoAction, superId), (noAction.Callback.Id, noAction.Reason, noAction.Recipients.Single()));
        Assert.Equal(new CallbackReminderRun(0, 0), await rig.RunRemindersAsync());
        var stored = await (await agent1.GetAsync($"/api/v1/callbacks/{mine.Id}")).ReadAsync<CallbackView>();
        Assert.Equal((Start.AddMinutes(10), Start.AddMinutes(11)), (stored.ReminderSentAt!.Value, stored.EscalatedAt!.Value));
    }

    [Fact]
    public async Task With_offer_to_group_an_unanswered_reminder_is_offered_to_the_groups_logged_in_agents_and_a_group_without_anyone_goes_to_the_supervisor()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var admin = await host.ClientForAsync("demo", "admin");
        await SetTenantAsync(admin, new { callbackReminderTimeoutSeconds = 30, callbackEscalation = "OfferToGroup" });
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await agent1.LoginReadyAsync();
        await agent2.LoginReadyAsync();
        var agent2Id = await host.UserIdAsync("agent2");
        var sales = await GroupIdAsync(host, "Sales");
        var support = await GroupIdAsync(host, "Support");
        var cb = await ScheduledAsync(agent1, new { number = "+4930555003", dueAt = In(TimeSpan.FromMinutes(5)), skillGroupId = sales, agentId = await host.UserIdAsync("agent1") });
        var nobody = await ScheduledAsync(agent1, new { number = "+4930555004", dueAt = In(TimeSpan.FromMinutes(5)), skillGroupId = support }); // agent3 and agent2: agent2 is in
        await rig.TakeEventsAsync(2);

        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await rig.RunRemindersAsync();
        var first = await rig.TakeEventsAsync(2);
        Assert.Contains(first.OfType<CallbackDueEvent>(), e => e.Callback.Id == cb.Id && !e.OfferedToGroup);
        var groupDue = Assert.Single(first.OfType<CallbackDueEvent>(), e => e.Callback.Id == nobody.Id);
        Assert.Equal([agent2Id], groupDue.Recipients); // Support's logged-in agent
        Assert.True(groupDue.OfferedToGroup);

        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        await rig.RunRemindersAsync();
        var second = await rig.TakeEventsAsync(2);
        var offered = Assert.Single(second.OfType<CallbackDueEvent>(), e => e.Callback.Id == cb.Id);
        Assert.Equal([agent2Id], offered.Recipients); // not agent1 again
        Assert.Equal((true, (Guid?)null), (offered.OfferedToGroup, offered.Callback.AgentId));
        // The group's callback nobody took: with nobody else in the group, the supervisor is told.
        Assert.Contains(second.OfType<CallbackEscalatedEvent>(), e => e.Callback.Id == nobody.Id && e.Reason == CallbackEscalationReason.NoAction);
        // agent2 now has it and dials it with one click.
        Assert.Contains((await ListAsync(agent2)).Select(c => c.Id), id => id == cb.Id);
        var dialled = await (await agent2.PostAsync($"/api/v1/callbacks/{cb.Id}/dial")).ReadAsync<CallbackDialResponse>();
        Assert.Equal((CallbackStatus.InProgress, agent2Id), (dialled.Callback.Status, dialled.Callback.AgentId!.Value));

        // Nobody of the group logged in at the due time: the supervisor at once.
        await agent2.PostAsync("/api/v1/agent/logout").OkAsync(HttpStatusCode.OK);
        var late = await ScheduledAsync(agent1, new { number = "+4930555005", dueAt = In(TimeSpan.FromMinutes(10)), skillGroupId = support });
        await rig.TakeEventsAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await rig.RunRemindersAsync();
        Assert.Contains((await rig.TakeEventsAsync(1)).OfType<CallbackEscalatedEvent>(),
            e => e.Callback.Id == late.Id && e.Reason == CallbackEscalationReason.NobodyInGroup);
    }

    [Fact]
    public async Task Snooze_reschedule_complete_with_a_result_and_cancel_and_a_closed_callback_does_not_change_any_more()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent3 = await host.ClientForAsync("demo", "agent3"); // signed in now: tokens are checked against the real clock
        await agent1.LoginReadyAsync();
        var cb = await ScheduledAsync(agent1, new { number = "+4930555006", dueAt = In(TimeSpan.FromMinutes(1)) });
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await rig.RunRemindersAsync();

        // Snooze: due again later, the reminder fires again then (and not before).
        var snoozed = await (await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/snooze", new { minutes = 10 })).ReadAsync<CallbackView>();
        Assert.Equal((Start.AddMinutes(11), (DateTimeOffset?)null), (snoozed.DueAt, snoozed.ReminderSentAt));
        await rig.TakeEventsAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, (await rig.RunRemindersAsync()).Reminded);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await rig.RunRemindersAsync()).Reminded);
        foreach (var minutes in new[] { 0, 1441 })
            await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/snooze", new { minutes }), 400, "validation_failed");

        // Reschedule: to the future only; the note changes when given.
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/reschedule", new { dueAt = In(TimeSpan.FromMinutes(5)) }), 400,
            CallbackErrors.DueInPast);
        var moved = await (await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/reschedule", new { dueAtLocal = Start.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm"), note = "After the meeting" }))
            .ReadAsync<CallbackView>();
        Assert.Equal((Start.AddDays(1), "After the meeting", (DateTimeOffset?)null), (moved.DueAt, moved.Note, moved.ReminderSentAt)); // the tenant's zone: UTC

        // Complete with a result (required); then it is closed.
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/complete", new { result = " " }), 400, "validation_failed");
        var done = await (await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/complete", new { result = "Reached, order placed" })).ReadAsync<CallbackView>();
        Assert.Equal((CallbackStatus.Completed, "Reached, order placed", Start.AddMinutes(11)), (done.Status, done.Result, done.CompletedAt!.Value));
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/snooze", new { minutes = 5 }), 409, CallbackErrors.Closed);
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/cancel", new { }), 409, CallbackErrors.Closed);
        await Problem.AssertAsync(await agent1.PostAsync($"/api/v1/callbacks/{cb.Id}/dial"), 409, CallbackErrors.Closed);

        // Cancel with a reason; closed ones leave the open list and stay in the full one.
        var other = await ScheduledAsync(agent1, new { number = "+4930555007", dueAt = In(TimeSpan.FromHours(3)) });
        var cancelled = await (await agent1.PostAsJsonAsync($"/api/v1/callbacks/{other.Id}/cancel", new { reason = "Customer called in" })).ReadAsync<CallbackView>();
        Assert.Equal((CallbackStatus.Cancelled, "Customer called in"), (cancelled.Status, cancelled.Result));
        Assert.Empty(await ListAsync(agent1));
        Assert.Equal(2, (await ListAsync(agent1, closed: true)).Count);
        // Another agent cannot touch it (not found, as in another tenant).
        await Problem.AssertAsync(await agent3.PostAsJsonAsync($"/api/v1/callbacks/{other.Id}/snooze", new { minutes = 5 }),
            404, CallbackErrors.NotFound);
        // A closed callback is never reminded.
        rig.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(new CallbackReminderRun(0, 0), await rig.RunRemindersAsync());
    }

    [Fact]
    public async Task Supervisors_see_and_reassign_their_teams_callbacks_agents_do_not_reassign()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent3 = await host.ClientForAsync("demo", "agent3");
        var super = await host.ClientForAsync("demo", "super");
        var agent1Id = await host.UserIdAsync("agent1");
        var agent3Id = await host.UserIdAsync("agent3");
        var cb = await ScheduledAsync(agent1, new { number = "+4930555008", dueAt = In(TimeSpan.FromMinutes(30)) });

        Assert.Contains((await ListAsync(super, "Team")).Select(c => c.Id), id => id == cb.Id);
        Assert.Empty(await ListAsync(super)); // none of her own
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/reassign", new { agentId = agent3Id }), 403,
            CallbackErrors.ReassignForbidden);
        await Problem.AssertAsync(await super.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/reassign", new { }), 400, "validation_failed");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/reassign", new { agentId = Guid.NewGuid() }), 403,
            CallbackErrors.AssigneeForbidden);
        await rig.TakeEventsAsync();

        var moved = await (await super.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/reassign", new { agentId = agent3Id })).ReadAsync<CallbackView>();
        Assert.Equal((agent3Id, "Agent 3"), (moved.AgentId!.Value, moved.AgentName));
        Assert.Equal([cb.Id], (await ListAsync(agent3)).Select(c => c.Id));
        await Problem.AssertAsync(await agent1.GetAsync($"/api/v1/callbacks/{cb.Id}"), 404, CallbackErrors.NotFound);
        // Both the new and the former agent hear of it (the former's reminder goes away).
        var updated = Assert.Single((await rig.TakeEventsAsync(1)).OfType<CallbackUpdatedEvent>());
        Assert.Equal(new[] { agent1Id, agent3Id }.Order(), updated.Recipients.Order());

        // To a skill group: no agent any more.
        var sales = await GroupIdAsync(host, "Sales");
        var toGroup = await (await super.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/reassign", new { skillGroupId = sales })).ReadAsync<CallbackView>();
        Assert.Equal(((Guid?)null, (Guid?)sales), (toGroup.AgentId, toGroup.SkillGroupId));

        // The supervisor of another tenant sees none of it.
        var other = await host.CreateTenantAsync("other");
        await Problem.AssertAsync(await other.GetAsync($"/api/v1/callbacks/{cb.Id}"), 404, CallbackErrors.NotFound);
        Assert.Empty(await ListAsync(other, "Team"));
    }

    [Fact]
    public async Task One_click_dial_places_the_outbound_call_through_the_dial_use_case_and_keeps_its_refusals()
    {
        using var rig = new Rig();
        var host = rig.Host;
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var cb = await ScheduledAsync(agent1, new { number = "030 5550009", dueAt = In(TimeSpan.FromMinutes(1)) });

        // Not logged in: the dial use case's refusal, and the callback is unchanged.
        await Problem.AssertAsync(await agent1.PostAsync($"/api/v1/callbacks/{cb.Id}/dial"), 409, "agent_not_logged_in");
        Assert.Equal(CallbackStatus.Scheduled, (await (await agent1.GetAsync($"/api/v1/callbacks/{cb.Id}")).ReadAsync<CallbackView>()).Status);
        // A supervisor is not an agent of the call center; an API key does not dial.
        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "super")).PostAsync($"/api/v1/callbacks/{cb.Id}/dial"), 403, CallbackErrors.DialForbidden);
        var key = await host.ApiKeyClientAsync("demo", ApiKeyScopes.CallControl);
        await Problem.AssertAsync(await key.PostAsync($"/api/v1/callbacks/{cb.Id}/dial"), 403, CallbackErrors.DialForbidden);

        await agent1.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
        var response = await agent1.PostAsync($"/api/v1/callbacks/{cb.Id}/dial");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dialled = await response.ReadAsync<CallbackDialResponse>();
        Assert.Equal((CallbackStatus.InProgress, (Guid?)dialled.CallId), (dialled.Callback.Status, dialled.Callback.CallId));
        var call = await agent1.WaitForCallAsync(c => c.CallId == dialled.CallId);
        Assert.Equal(CallDirection.Outbound, call.Direction);
        Assert.Equal("0305550009", call.CustomerNumber); // no country set: the digits as written
        // In progress, it is not reminded; completing it closes it.
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new CallbackReminderRun(0, 0), await rig.RunRemindersAsync());
        var done = await (await agent1.PostAsJsonAsync($"/api/v1/callbacks/{cb.Id}/complete", new { result = "Reached" })).ReadAsync<CallbackView>();
        Assert.Equal(CallbackStatus.Completed, done.Status);

        // An API key schedules and reads (naming the agent), with its scopes.
        var reader = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read);
        await Problem.AssertAsync(await ScheduleAsync(reader, new { number = "+4930555010", dueAt = In(TimeSpan.FromHours(1)), agentId = await host.UserIdAsync("agent1") }),
            403, "insufficient_scope");
        await Problem.AssertAsync(await ScheduleAsync(key, new { number = "+4930555010", dueAt = In(TimeSpan.FromHours(1)) }), 400, "validation_failed");
        var viaApi = await ScheduledAsync(key, new { number = "+4930555010", dueAt = In(TimeSpan.FromHours(1)), agentId = await host.UserIdAsync("agent1") });
        Assert.Null(viaApi.CreatedById);
        Assert.Contains((await ListAsync(reader, "Team")).Select(c => c.Id), id => id == viaApi.Id);
    }
}
