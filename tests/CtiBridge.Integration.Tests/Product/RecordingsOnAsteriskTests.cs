using System.Net;
using System.Text.Json;
using CtiBridge.Application.Records;
using CtiBridge.Data;
using CtiBridge.Integration.Tests.Asterisk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// Recordings on a real Asterisk: a recording stopped early stores its own length, not the call's; the retention purge
/// deletes the file on Asterisk (ARI <c>DELETE /recordings/stored/{name}</c>), not only the row; a recorded call held for
/// longer than Asterisk's recorder waits for sound (4 s) while no one sends any is still recorded after the resume.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class RecordingsOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    [AsteriskAndSippFact]
    public async Task A_recording_stopped_after_two_seconds_of_a_longer_call_stores_its_own_length_and_the_purge_deletes_its_file_on_Asterisk()
    {
        var (ann, _, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        Track(SippParties.Customer(AsteriskServer, "5551001", "5550601"));
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected", "the call connected", diagnostics: Diagnostics);
        var callId = call.Str("callId");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/start", expect: HttpStatusCode.NoContent);
        await Wait.UntilAsync(async () => (await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("recording").GetBoolean(),
            "the call shown as recording");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/stop", expect: HttpStatusCode.NoContent);
        await Wait.UntilAsync(async () => !(await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("recording").GetBoolean(),
            "the call no longer recording");
        await Task.Delay(TimeSpan.FromSeconds(5)); // the call goes on, unrecorded
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(ann, "WrapUp");

        var recording = await Wait.ForAsync<JsonElement>(async () =>
        {
            var list = await ann.GetJsonAsync($"/api/v1/recordings?callId={callId}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("inProgress").GetBoolean() is false ? list[0] : null;
        }, "the recording listed, finished");
        // The recording's row is final once it stopped, before the hang-up; the call's record is final once the journal
        // wrote the call's end (until then it is the call's live record).
        var record = await Wait.ForAsync<JsonElement>(async () =>
        {
            var r = await ann.GetJsonAsync($"/api/v1/call-records/{callId}");
            return r.GetProperty("summary").GetProperty("endedAt").ValueKind != JsonValueKind.Null ? r : null;
        }, "the call's record, ended");
        var talk = record.GetProperty("summary").GetProperty("talkSeconds").GetInt32();
        var own = recording.GetProperty("durationSeconds").GetInt32();
        Assert.True(talk >= 7, $"the call talked {talk} s");
        Assert.InRange(own, 1, 4); // about 2 s (the API's requests take their time on a busy machine), never the call's 7+
        // Retention: the purge (as the nightly job runs it) deletes the file on Asterisk, then the row.
        string name, file;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
            var tenantId = (await db.ScopeToSystem().Tenants.SingleAsync(t => t.Domain == ProductTenant.Domain)).Id;
            var recordingId = Guid.Parse(recording.Str("recordingId"));
            name = (await db.ScopeToTenant(tenantId).Recordings.SingleAsync(r => r.Id == recordingId)).Name;
            file = Path.Combine(AsteriskServer.Root, "spool", "recording", name + "." + recording.Str("format"));
            Assert.True(File.Exists(file), $"the recording's file on Asterisk: {file}");
            var job = scope.ServiceProvider.GetRequiredService<RecordingRetentionJob>();
            var result = await job.PurgeTenantAsync(tenantId, DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Equal(1, result.RecordingsDeleted);
            Assert.Equal(1, result.FilesDeleted);
            Assert.Equal(0, result.FilesFailed);
        }
        Assert.False(File.Exists(file), "the file is gone from Asterisk's recording spool");
        using (var stored = await AsteriskServer.Http.GetAsync("recordings/stored/" + Uri.EscapeDataString(name)))
            Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        Assert.Equal(0, (await ann.GetJsonAsync($"/api/v1/recordings?callId={callId}")).GetArrayLength());
        await AsteriskServer.AssertNothingLeftAsync();
    }

    /// <summary>
    /// Asterisk's bridge recorder ends a recording that gets no frame for 4 s ("No audio available"). A held caller is out
    /// of the call's bridge; an agent whose phone sends no sound then (this sipp phone sends no RTP at all; a real phone
    /// muted by CtiBridge neither) would leave it silent, and the recording would end a few seconds into the hold.
    /// </summary>
    [AsteriskAndSippFact]
    public async Task A_recorded_call_held_and_muted_longer_than_the_recorder_waits_for_sound_is_still_recorded_after_the_resume()
    {
        var (ann, _, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        Track(SippParties.Customer(AsteriskServer, "5551001", "5550602"));
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected", "the call connected", diagnostics: Diagnostics);
        var callId = call.Str("callId");
        var name = $"{ProductTenant.Domain}-{Guid.Parse(callId):N}-1";

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/start", expect: HttpStatusCode.NoContent);
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hold", expect: HttpStatusCode.NoContent);
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/mute", expect: HttpStatusCode.NoContent);
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal("recording", await LiveStateAsync(name));
        Assert.True((await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("recording").GetBoolean(), "the API shows the call recording");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/resume", expect: HttpStatusCode.NoContent);
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/unmute", expect: HttpStatusCode.NoContent);
        await Task.Delay(TimeSpan.FromSeconds(5)); // talking again: customer and agent in the bridge, still no sound from either
        Assert.Equal("recording", await LiveStateAsync(name));
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/stop", expect: HttpStatusCode.NoContent);
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(ann, "WrapUp");
        var recording = await Wait.ForAsync<JsonElement>(async () =>
        {
            var list = await ann.GetJsonAsync($"/api/v1/recordings?callId={callId}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("inProgress").GetBoolean() is false ? list[0] : null;
        }, "the recording listed, finished");
        Assert.True(recording.GetProperty("durationSeconds").GetInt32() >= 11, $"recorded {recording.GetProperty("durationSeconds").GetInt32()} s of the 12 s");
        await AsteriskServer.AssertNothingLeftAsync();
    }

    /// <summary>
    /// The caller goes through a self-service flow (out of the call's bridge, like a hold) while the agent, muted, sends
    /// nothing: the bridge plays silence meanwhile, so the recording goes on past Asterisk's 4 s without sound and the
    /// caller comes back to a call still recorded.
    /// </summary>
    [AsteriskAndSippFact]
    public async Task A_recorded_call_whose_caller_is_in_self_service_longer_than_the_recorder_waits_for_sound_is_still_recorded()
    {
        await Tenant.Admin.PostJsonAsync("/api/v1/admin/self-service-flows", new
        {
            name = "account", prompt = "conf-getpin", maxDigits = 8, terminator = "#", timeoutSeconds = 7, dataKey = "account_typed",
        }, HttpStatusCode.Created);
        var (ann, _, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        Track(SippParties.Customer(AsteriskServer, "5551001", "5550604"));
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected", "the call connected", diagnostics: Diagnostics);
        var callId = call.Str("callId");
        var name = $"{ProductTenant.Domain}-{Guid.Parse(callId):N}-1";

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/start", expect: HttpStatusCode.NoContent);
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/mute", expect: HttpStatusCode.NoContent);
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/self-service", new { flow = "account" }, HttpStatusCode.NoContent);
        await Task.Delay(TimeSpan.FromSeconds(6)); // the caller hears the prompt and types nothing; the agent is alone in the bridge
        Assert.Equal("recording", await LiveStateAsync(name));
        // The flow times out (7 s): the caller is back with the agent, the call still recorded.
        Assert.Equal("account", (await ann.GetJsonAsync($"/api/v1/calls/{callId}")).Str("selfService"));
        await Wait.UntilAsync(async () => (await ann.GetJsonAsync($"/api/v1/calls/{callId}")).TryGetProperty("selfService", out var flow) is false
            || flow.ValueKind == System.Text.Json.JsonValueKind.Null, "the caller back from self-service");
        Assert.Equal("recording", await LiveStateAsync(name));
        Assert.True((await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("recording").GetBoolean(), "the API shows the call recording");
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(ann, "WrapUp");
        await AsteriskServer.AssertNothingLeftAsync();
    }

    /// <summary>
    /// A recording that Asterisk ends while the call goes on (here another ARI client stops it; Asterisk does the same when
    /// its recorder fails): the API and the toolbar's event say the call is no longer recorded, and the agent can record again.
    /// </summary>
    [AsteriskAndSippFact]
    public async Task A_recording_Asterisk_ends_on_its_own_is_shown_stopped_and_the_agent_can_record_again()
    {
        var (ann, _, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        Track(SippParties.Customer(AsteriskServer, "5551001", "5550603"));
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected", "the call connected", diagnostics: Diagnostics);
        var callId = call.Str("callId");
        var name = $"{ProductTenant.Domain}-{Guid.Parse(callId):N}-1";
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/start", expect: HttpStatusCode.NoContent);
        Assert.Equal("recording", await StartedStateAsync(name));

        using (var stop = await AsteriskServer.Http.PostAsync($"recordings/live/{Uri.EscapeDataString(name)}/stop", null))
            Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);

        await Wait.UntilAsync(async () => !(await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("recording").GetBoolean(),
            "the call shown as no longer recording");
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/start", expect: HttpStatusCode.NoContent);
        Assert.Equal("recording", await StartedStateAsync($"{ProductTenant.Domain}-{Guid.Parse(callId):N}-2"));
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(ann, "WrapUp");
        var recordings = await Wait.ForAsync<JsonElement>(async () =>
        {
            var list = await ann.GetJsonAsync($"/api/v1/recordings?callId={callId}");
            return list.GetArrayLength() == 2 && list.EnumerateArray().All(r => !r.GetProperty("inProgress").GetBoolean()) ? list : null;
        }, "both recordings listed, finished");
        Assert.Equal(2, recordings.GetArrayLength());
        await AsteriskServer.AssertNothingLeftAsync();
    }

    /// <summary>The live recording's state once Asterisk has begun it: right after the start it may still say "queued".</summary>
    private async Task<string> StartedStateAsync(string name)
    {
        var state = await LiveStateAsync(name);
        for (var i = 0; i < 50 && state == "queued"; i++)
        {
            await Task.Delay(100);
            state = await LiveStateAsync(name);
        }
        return state;
    }

    private async Task<string> LiveStateAsync(string name)
    {
        using var r = await AsteriskServer.Http.GetAsync("recordings/live/" + Uri.EscapeDataString(name));
        return r.StatusCode == HttpStatusCode.NotFound ? "not live" : JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Str("state");
    }
}
