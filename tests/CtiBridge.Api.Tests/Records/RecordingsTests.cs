using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Auth;
using CtiBridge.Api.Records;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Audit;
using CtiBridge.Application.Pbx;
using CtiBridge.Application.Records;
using CtiBridge.Data;
using CtiBridge.Data.Audit;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Records;

public class RecordingsTests
{
    private static async Task<(Guid CallId, HttpClient Agent)> ConnectedCallAsync(CtiApiFactory host)
    {
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales", "+4930555123");
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        return (offered.CallId, agent);
    }

    [Fact]
    public async Task A_recording_is_listed_while_the_call_is_live_and_a_recording_stopped_after_2_s_of_a_37_s_call_lasts_2_s()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var host = new CtiApiFactory(clock: clock);
        var (callId, agent) = await ConnectedCallAsync(host);
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/start").OkAsync();
        await host.FlushJournalAsync();

        var live = Assert.Single(await (await agent.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());
        Assert.True(live.InProgress);
        Assert.Equal(callId, live.CallId);
        var inProgressCall = Assert.Single((await (await agent.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items);
        Assert.True(inProgressCall.InProgress);
        Assert.True(inProgressCall.HasRecording);

        clock.Advance(TimeSpan.FromSeconds(2));
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/stop").OkAsync();
        clock.Advance(TimeSpan.FromSeconds(35));
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        await host.FlushJournalAsync();

        var stored = Assert.Single(await (await agent.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());
        Assert.False(stored.InProgress);
        Assert.Equal(2, stored.DurationSeconds);
        var record = await (await agent.GetAsync($"/api/v1/call-records/{callId}")).ReadAsync<CallRecordDetail>();
        Assert.Equal(37, record.Summary.TalkSeconds);
        Assert.False(record.Summary.InProgress);
        Assert.Equal(CallOutcome.Answered, record.Summary.Outcome);
        Assert.Equal(2, Assert.Single(record.Recordings).DurationSeconds);
        Assert.Single(record.Legs, l => l.Role == CallLegRole.Agent); // the provisional leg was replaced by the call's own
    }

    [Fact]
    public async Task A_recording_the_PBX_ends_on_its_own_ends_its_row_and_the_call_shows_not_recording_and_refusals_are_clear()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var host = new CtiApiFactory(clock: clock);
        var (callId, agent) = await ConnectedCallAsync(host);
        await Problem.AssertAsync(await agent.PostAsync($"/api/v1/sandbox/calls/{callId}/recording/end"), 409, "not_recording");
        await Problem.AssertAsync(await agent.PostAsync($"/api/v1/sandbox/calls/{Guid.NewGuid()}/recording/end"), 404, "call_not_found");
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/start").OkAsync();
        clock.Advance(TimeSpan.FromSeconds(3));

        await agent.PostAsync($"/api/v1/sandbox/calls/{callId}/recording/end").OkAsync();

        Assert.False((await agent.WaitForCallAsync(c => c.CallId == callId && !c.Recording)).Recording);
        await Problem.AssertAsync(await agent.PostAsync($"/api/v1/calls/{callId}/recording/stop"), 409, "not_recording");
        clock.Advance(TimeSpan.FromSeconds(10));
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        await host.FlushJournalAsync();
        var stored = Assert.Single(await (await agent.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());
        Assert.False(stored.InProgress);
        Assert.Equal(3, stored.DurationSeconds); // ended when the PBX ended it, not with the call
    }

    [Fact]
    public async Task A_recording_plays_with_range_requests_for_its_agent_and_supervisor_every_play_and_download_is_audited_and_others_are_refused()
    {
        using var host = new CtiApiFactory();
        var (callId, agent) = await ConnectedCallAsync(host);
        await Problem.AssertAsync(await agent.PostAsync($"/api/v1/calls/{callId}/recording/pause"), 409, "not_recording");
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/start").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/pause").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/unpause").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        await host.FlushJournalAsync();

        var rec = Assert.Single(await (await agent.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());
        Assert.Equal(callId, rec.CallId);
        Assert.Equal("+4930555123", rec.CustomerNumber);
        Assert.Equal(RecordingType.Inbound, rec.Type);
        var audio = await agent.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio");
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", audio.Headers.AcceptRanges.Single());
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 44 && bytes[..4].SequenceEqual("RIFF"u8.ToArray()));

        // Seeking: a range request gets 206 and exactly those bytes (and no second audit entry).
        var seek = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{rec.RecordingId}/audio");
        seek.Headers.Range = new RangeHeaderValue(8, 11);
        var part = await agent.SendAsync(seek);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[8..12], await part.Content.ReadAsByteArrayAsync());
        var outside = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{rec.RecordingId}/audio");
        outside.Headers.Range = new RangeHeaderValue(bytes.Length + 10, bytes.Length + 20);
        await Problem.AssertAsync(await agent.SendAsync(outside), 416, "range_not_satisfiable");

        var supervisor = await host.ClientForAsync("demo", "super");
        Assert.Single(await (await supervisor.GetAsync($"/api/v1/recordings?callId={callId}")).ReadAsync<List<RecordingView>>());
        var download = await supervisor.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio?download=true");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        var colleague = await host.ClientForAsync("demo", "agent2");
        Assert.Empty(await (await colleague.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());
        await Problem.AssertAsync(await colleague.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio"), 404, "not_found");
        await Problem.AssertAsync(await agent.GetAsync("/api/v1/recordings?limit=0"), 400, "validation_failed");
        await Problem.AssertAsync(await agent.GetAsync($"/api/v1/recordings/{Guid.NewGuid()}/audio"), 404, "not_found");
        var other = await host.CreateTenantAsync("other");
        await Problem.AssertAsync(await other.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio"), 404, "not_found");
        var noScope = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Admin);
        await Problem.AssertAsync(await noScope.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio"), 403, "insufficient_scope");
        // An integration's API key downloads it too: the entry names the key.
        var reader = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio?download=true")).StatusCode);

        var admin = await host.ClientForAsync("demo", "admin");
        var log = await (await admin.GetAsync($"/api/v1/admin/audit?targetType=recording&targetId={rec.RecordingId}")).ReadAsync<AuditLogPage>();
        Assert.Equal(["recording.downloaded", "recording.downloaded", "recording.played"], log.Items.Select(e => e.Action).ToArray());
        Assert.Equal(new[] { "api-key:test", "super", "agent1" }, log.Items.Select(e => e.ActorName ?? "").ToArray());
        Assert.Equal([AuditActorType.ApiKey, AuditActorType.User, AuditActorType.User], log.Items.Select(e => e.ActorType).ToArray());
    }

    [Fact]
    public async Task A_play_url_streams_one_recording_by_ranges_without_a_header_is_audited_once_as_its_user_and_refuses_the_rest()
    {
        using var host = new CtiApiFactory();
        var (callId, agent) = await ConnectedCallAsync(host);
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/start").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/stop").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/start").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        await host.FlushJournalAsync();
        var recs = await (await agent.GetAsync($"/api/v1/recordings?callId={callId}")).ReadAsync<List<RecordingView>>();
        Assert.Equal(2, recs.Count);
        var (rec, otherRec) = (recs[0].RecordingId, recs[1].RecordingId);
        var whole = await (await agent.GetAsync($"/api/v1/recordings/{rec}/audio")).Content.ReadAsByteArrayAsync();
        var admin = await host.ClientForAsync("demo", "admin");
        async Task<List<AuditEntryResponse>> Entries(Guid recording) =>
            (await (await admin.GetAsync($"/api/v1/admin/audit?targetType=recording&targetId={recording}")).ReadAsync<AuditLogPage>()).Items.ToList();
        Assert.Single(await Entries(rec)); // that whole read was a play

        var play = await (await agent.PostAsync($"/api/v1/recordings/{rec}/play-url")).ReadAsync<RecordingPlayUrl>();
        Assert.StartsWith($"/api/v1/recordings/{rec}/audio/play?token=", play.Url);
        Assert.InRange(play.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        var browser = host.CreateClient(); // no Authorization header, as an <audio> element
        async Task<HttpResponseMessage> Range(string url, long from, long? to, HttpClient? client = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Range = new RangeHeaderValue(from, to);
            return await (client ?? browser).SendAsync(request);
        }
        // A player that begins with a seek (its start cached): the play is logged on that first request, once.
        var middle = await Range(play.Url, 20, 29);
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal(whole[20..30], await middle.Content.ReadAsByteArrayAsync());
        var start = await Range(play.Url, 0, null);
        Assert.Equal(HttpStatusCode.PartialContent, start.StatusCode);
        Assert.Equal(whole, await start.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, (await Range(play.Url, 8, 11)).StatusCode);
        var entries = await Entries(rec);
        Assert.Equal(2, entries.Count);
        Assert.Equal(("recording.played", AuditActorType.User, "agent1"), (entries[0].Action, entries[0].ActorType, entries[0].ActorName));

        // A download URL: an attachment, audited as a download.
        var save = await (await agent.PostAsync($"/api/v1/recordings/{rec}/play-url?download=true")).ReadAsync<RecordingPlayUrl>();
        var file = await browser.GetAsync(save.Url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(whole, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("recording.downloaded", (await Entries(rec))[0].Action);

        // Refusals: another recording's path, a changed token, none, an expired one, another signed-in user.
        var token = play.Url[(play.Url.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        await Problem.AssertAsync(await browser.GetAsync($"/api/v1/recordings/{otherRec}/audio/play?token={token}"), 401, "play_token_invalid");
        await Problem.AssertAsync(await browser.GetAsync(play.Url[..^4] + (play.Url[^4..] == "AAAA" ? "BBBB" : "AAAA")), 401, "play_token_invalid");
        await Problem.AssertAsync(await browser.GetAsync($"/api/v1/recordings/{rec}/audio/play"), 401, "play_token_invalid");
        var past = new ManualTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var agentId = await host.UserIdAsync("agent1");
        var tenantId = (await host.DbAsync(db => db.Tenants.SingleAsync(t => t.Domain == "demo"))).Id;
        var expired = new RecordingPlayTokens(host.Services.GetRequiredService<IDataProtectionProvider>(), past, host.Services.GetRequiredService<AccessTokenGate>())
            .Issue(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(CtiClaims.UserId, agentId.ToString()), new(CtiClaims.TenantId, tenantId.ToString()), new(CtiClaims.Role, "agent")], "test")), rec, download: false);
        await Problem.AssertAsync(await browser.GetAsync(expired.Url), 401, "play_token_invalid");
        var colleague = await host.ClientForAsync("demo", "agent2");
        await Problem.AssertAsync(await colleague.GetAsync(play.Url), 401, "play_token_not_yours");
        await Problem.AssertAsync(await colleague.PostAsync($"/api/v1/recordings/{rec}/play-url"), 404, "not_found");
        await Problem.AssertAsync(await (await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read)).PostAsync($"/api/v1/recordings/{rec}/play-url"), 403, "forbidden");
        Assert.Equal(3, (await Entries(rec)).Count); // no refusal was logged as a play

        // With a bearer token, a request that begins with a seek is a play too; the ranges after it are not.
        var supervisor = await host.ClientForAsync("demo", "super");
        Assert.Equal(HttpStatusCode.PartialContent, (await Range($"/api/v1/recordings/{otherRec}/audio", 20, 29, supervisor)).StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, (await Range($"/api/v1/recordings/{otherRec}/audio", 40, 49, supervisor)).StatusCode);
        var other = Assert.Single(await Entries(otherRec));
        Assert.Equal(("recording.played", "super"), (other.Action, other.ActorName));
    }

    [Fact]
    public async Task Supervisors_set_a_legal_hold_agents_may_not()
    {
        using var host = new CtiApiFactory();
        var (callId, agent) = await ConnectedCallAsync(host);
        await agent.PostAsync($"/api/v1/calls/{callId}/recording/start").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{callId}/hangup").OkAsync();
        await host.FlushJournalAsync();
        var rec = Assert.Single(await (await agent.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());

        await Problem.AssertAsync(await agent.PutAsJsonAsync($"/api/v1/recordings/{rec.RecordingId}/legal-hold", new { hold = true }), 403, "forbidden");
        var super = await host.ClientForAsync("demo", "super");
        var held = await (await super.PutAsJsonAsync($"/api/v1/recordings/{rec.RecordingId}/legal-hold", new { hold = true })).ReadAsync<RecordingView>();
        Assert.True(held.LegalHold);
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/recordings/{Guid.NewGuid()}/legal-hold", new { hold = true }), 404, "not_found");
        var reader = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read);
        await Problem.AssertAsync(await reader.PutAsJsonAsync($"/api/v1/recordings/{rec.RecordingId}/legal-hold", new { hold = false }), 403, "insufficient_scope");
    }

    [Fact]
    public async Task The_retention_purge_deletes_old_recordings_files_and_records_but_keeps_those_under_legal_hold()
    {
        using var host = new CtiApiFactory();
        // Two recorded calls.
        var recordings = new List<RecordingView>();
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        for (var i = 0; i < 2; i++)
        {
            await agent.PlaceCallAsync("Sales", "+4930555123");
            var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
            await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
            await agent.WaitForCallAsync(c => c.State == CallState.Connected);
            await agent.PostAsync($"/api/v1/calls/{offered.CallId}/recording/start").OkAsync();
            await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hangup").OkAsync();
            await agent.PostAsync("/api/v1/agent/wrap-up/end").OkAsync(HttpStatusCode.OK);
        }
        await host.FlushJournalAsync();
        recordings.AddRange(await (await agent.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());
        Assert.Equal(2, recordings.Count);
        var super = await host.ClientForAsync("demo", "super");
        await super.PutAsJsonAsync($"/api/v1/recordings/{recordings[0].RecordingId}/legal-hold", new { hold = true });

        var tenantId = (await host.DbAsync(db => db.Tenants.SingleAsync(t => t.Domain == "demo"))).Id;
        var names = await host.DbAsync(db => db.Recordings.ToDictionaryAsync(r => r.Id, r => r.Name));
        var pbx = host.Services.GetRequiredService<IPbx>();
        Assert.NotNull(await pbx.OpenRecordingAsync(names[recordings[1].RecordingId]));
        await using var scope = host.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<RecordingRetentionJob>(scope.ServiceProvider);
        var result = await job.PurgeTenantAsync(tenantId, DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(1, result.RecordingsDeleted);
        Assert.Equal(1, result.FilesDeleted);
        Assert.Equal(1, result.RecordingsHeld);
        Assert.Equal(1, result.CallRecordsDeleted);
        var left = await (await super.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>();
        Assert.Equal(recordings[0].RecordingId, Assert.Single(left).RecordingId);
        Assert.Equal(recordings[0].CallId, Assert.Single((await (await super.GetAsync("/api/v1/call-records")).ReadAsync<CallRecordPage>()).Items).Id);
        Assert.Null(await pbx.OpenRecordingAsync(names[recordings[1].RecordingId]));   // the file is gone from the PBX
        Assert.NotNull(await pbx.OpenRecordingAsync(names[recordings[0].RecordingId])); // the held one is not

        // The purge is in the tenant's audit log: one entry, by the system, with what it removed and the cutoff.
        var admin = await host.ClientForAsync("demo", "admin");
        async Task<AuditLogPage> Purges() =>
            await (await admin.GetAsync($"/api/v1/admin/audit?action={RecordingRetentionJob.AuditAction}")).ReadAsync<AuditLogPage>();
        var entry = Assert.Single((await Purges()).Items);
        Assert.Equal((AuditActorType.System, "tenant", tenantId.ToString()), (entry.ActorType, entry.TargetType, entry.TargetId));
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal((1, 1, 0, 0, 1, 1), (after.GetProperty("recordingsDeleted").GetInt32(), after.GetProperty("filesDeleted").GetInt32(),
            after.GetProperty("filesAlreadyGone").GetInt32(), after.GetProperty("filesFailed").GetInt32(), after.GetProperty("callRecordsDeleted").GetInt32(),
            after.GetProperty("recordingsHeld").GetInt32()));
        Assert.True(after.TryGetProperty("cutoff", out _));

        // Nothing is older than a day ago: a run with that cutoff deletes nothing, and adds no entry.
        var again = await ActivatorUtilities.CreateInstance<RecordingRetentionJob>(scope.ServiceProvider)
            .PurgeTenantAsync(tenantId, DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(0, again.RecordingsDeleted + again.CallRecordsDeleted);
        Assert.Single((await Purges()).Items);
    }
}
