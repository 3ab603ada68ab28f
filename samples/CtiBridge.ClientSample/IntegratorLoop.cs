using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CtiBridge.ClientSample;

/// <summary>
/// Follows one agent's events on a hub connection and acts on them: applies every message to an
/// <see cref="AgentEventStream"/>, calls <c>Resume</c> after every (re)connect (automatic reconnect, and a fresh start
/// when it gives up), and answers each call offered to the agent through the REST API
/// (<c>POST /api/v1/agents/{agentId}/calls/{callId}/answer</c>, which the key's scope call-control allows).
/// </summary>
public sealed class IntegratorLoop
{
    private readonly HubConnection _connection;
    private readonly HttpClient _api;
    private readonly Guid _agentId;
    private readonly TextWriter _log;
    private readonly SemaphoreSlim _gate = new(1, 1); // live messages and Resume answers arrive on SignalR's threads: one at a time
    private CancellationToken _stopping;

    public IntegratorLoop(HubConnection connection, HttpClient api, Guid agentId, TextWriter log)
    {
        _connection = connection;
        _api = api;
        _agentId = agentId;
        _log = log;
        foreach (var name in CtiHub.EventNames)
            connection.On<JsonElement>(name, e => OnMessageAsync(name, e));
        connection.Reconnected += _ => ResumeAsync();
        connection.Closed += async error =>
        {
            if (error is null) return; // stopped on purpose
            // Automatic reconnect gave up (or the server closed the connection): start again until stopped.
            while (!_stopping.IsCancellationRequested)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(5), _stopping); await StartAsync(_stopping); return; }
                catch (OperationCanceledException) { return; }
                catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException)
                {
                    _log.WriteLine($"reconnect failed: {ex.Message}");
                }
            }
        };
    }

    public AgentEventStream Stream { get; } = new();

    /// <summary>The calls answered so far (call ids).</summary>
    public IReadOnlyCollection<string> Answered => _answered.Keys.ToList();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _answered = new();

    public async Task StartAsync(CancellationToken ct)
    {
        _stopping = ct;
        await _connection.StartAsync(ct);
        await ResumeAsync();
    }

    /// <summary>Asks for what was missed since the last applied event (the first time: a snapshot) and the current statistics.</summary>
    public async Task ResumeAsync()
    {
        var result = await _connection.InvokeAsync<JsonElement>("Resume", Stream.Epoch, Stream.LastSeq);
        await _gate.WaitAsync();
        try { Stream.ApplyResume(result); }
        finally { _gate.Release(); }
        _log.WriteLine($"resumed at {Stream.Epoch}/{Stream.LastSeq}: agent {Stream.Agent?.GetProperty("status")}, {Stream.Calls.Count} live call(s), {Stream.SkillGroups.Count} skill group(s)");
        // An offer that arrived while disconnected is in the replayed events or the snapshot: act on it too.
        foreach (var call in Stream.Calls.Values.ToList()) await AnswerIfOfferedAsync(call);
    }

    private async Task OnMessageAsync(string name, JsonElement e)
    {
        bool applied;
        await _gate.WaitAsync();
        try { applied = Stream.Apply(e); }
        finally { _gate.Release(); }
        if (!applied) return;
        var seq = e.TryGetProperty("seq", out var s) ? s.GetInt64().ToString() : "group";
        _log.WriteLine($"{seq,5} {name}: {e.GetProperty("data")}");
        if (name == "callOffered") await AnswerIfOfferedAsync(e.GetProperty("data").GetProperty("call"));
    }

    private async Task AnswerIfOfferedAsync(JsonElement call)
    {
        if (call.GetProperty("state").GetString() != "Ringing") return;
        var callId = call.GetProperty("callId").GetString()!;
        if (!_answered.TryAdd(callId, true)) return; // once per call, whether it came live or in a Resume answer
        var response = await _api.PostAsync($"/api/v1/agents/{_agentId:D}/calls/{callId}/answer", null);
        _log.WriteLine(response.IsSuccessStatusCode
            ? $"answered {callId}"
            : $"answer {callId} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
