using System.Net.Http.Json;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Api.Tests.CallCenter;

public class RecordingsTests
{
    [Fact]
    public async Task A_recorded_call_is_listed_for_its_agent_and_supervisor_and_its_audio_downloads_but_not_for_a_colleague()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales", "+4930555123");
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        await Problem.AssertAsync(await agent.PostAsync($"/api/v1/calls/{offered.CallId}/recording/pause"), 409, "not_recording");
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/recording/start").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/recording/pause").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/recording/unpause").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hangup").OkAsync();
        await host.FlushJournalAsync();

        var mine = await (await agent.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>();
        var rec = Assert.Single(mine);
        Assert.Equal(offered.CallId, rec.CallId);
        Assert.Equal("+4930555123", rec.CustomerNumber);
        Assert.Equal(RecordingType.Inbound, rec.Type);
        var audio = await agent.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio");
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 44 && bytes[..4].SequenceEqual("RIFF"u8.ToArray()));

        var supervisor = await host.ClientForAsync("demo", "super");
        Assert.Single(await (await supervisor.GetAsync($"/api/v1/recordings?callId={offered.CallId}")).ReadAsync<List<RecordingView>>());

        var colleague = await host.ClientForAsync("demo", "agent2");
        Assert.Empty(await (await colleague.GetAsync("/api/v1/recordings")).ReadAsync<List<RecordingView>>());
        await Problem.AssertAsync(await colleague.GetAsync($"/api/v1/recordings/{rec.RecordingId}/audio"), 404, "not_found");
        await Problem.AssertAsync(await agent.GetAsync("/api/v1/recordings?limit=0"), 400, "validation_failed");
        await Problem.AssertAsync(await agent.GetAsync($"/api/v1/recordings/{Guid.NewGuid()}/audio"), 404, "not_found");
    }
}
