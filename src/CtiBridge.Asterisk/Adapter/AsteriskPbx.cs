using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Asterisk.Adapter;

/// <summary>
/// The PBX port on a real Asterisk: ARI controls (answer, bridges, originate, hold, DTMF, prompts, recording), AMI observes
/// (device and registration states). A call is a mixing bridge with id <c>cti-&lt;callId:N&gt;</c>, made when the first leg
/// joins; a leg is the ARI channel whose id CtiBridge chose. Events of one channel are handled in order on the ARI event
/// stream's lanes; different channels in parallel. Commands never wait on each other unless one needs the other's result
/// (a leg is added to a bridge only once the bridge exists).
/// </summary>
public sealed partial class AsteriskPbx : IPbx, IAsyncDisposable
{
    private readonly AriClient _ari;
    private readonly AriEventStream _events;
    private readonly AmiClient? _ami;
    private readonly AsteriskPbxOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    /// <summary>Calls a leg left through <see cref="LeaveCallAsync"/> (their bridge plays silence until it joins again).</summary>
    private readonly ConcurrentDictionary<Guid, byte> _leftCalls = new();
    /// <summary>ARI connections made so far: a registration watch ends when a newer connection starts its own.</summary>
    private long _connections;
    private readonly ConcurrentDictionary<string, LegState> _legs = new(StringComparer.Ordinal);
    /// <summary>Asterisk's start time at the last resync: a different one means it restarted (every call it had is gone).</summary>
    private DateTimeOffset? _asteriskStartedAt;
    /// <summary>One resync at a time: a reconnection during a resync waits for it (two at once read Asterisk's start time out of order).</summary>
    private readonly SemaphoreSlim _resyncGate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, Lazy<Task<string>>> _bridges = new();
    private readonly ConcurrentDictionary<string, string> _playbacks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _finishing = new(StringComparer.Ordinal);
    /// <summary>
    /// Legs to hang up once the connection is back, because it broke under a request about them: an originate that got
    /// no answer (Asterisk may have made the channel, under the leg's id, and be ringing a phone for a leg the call center
    /// was told failed), or a hang-up that got none. The resync hangs up those still there.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _hangUpAtResync = new(StringComparer.Ordinal);
    /// <summary>Running recordings and their calls: an end Asterisk reports for one of them was not asked for.</summary>
    private readonly ConcurrentDictionary<string, Guid> _recordingCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceStatus> _devices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _snoopsStarting = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly CancellationTokenSource _lifetime = new();
    private IPbxEventHandler? _handler;
    private int _started;

    public AsteriskPbx(AriClient ari, AriEventStream events, AmiClient? ami, AsteriskPbxOptions? options = null,
        ILogger<AsteriskPbx>? logger = null, TimeProvider? time = null)
    {
        _ari = ari ?? throw new ArgumentNullException(nameof(ari));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _ami = ami;
        _options = options ?? new AsteriskPbxOptions();
        _log = (ILogger?)logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public PbxCapabilities Capabilities { get; } = new(CanAnswerForAgent: false, Name: "asterisk");

    /// <summary>The bridge id of a call.</summary>
    public static string BridgeIdOf(Guid callId) => "cti-" + callId.ToString("N");

    public void Subscribe(IPbxEventHandler handler) => _handler = handler;

    /// <summary>Legs the adapter currently tracks (diagnostics, tests).</summary>
    public IReadOnlyCollection<string> TrackedLegs => _legs.Keys.ToList();

    /// <summary>Whether the ARI event WebSocket is open.</summary>
    public bool IsConnected => _events.IsConnected;

    /// <summary>
    /// The long-lived connections the adapter needs to place and follow calls: the ARI event WebSocket and, when AMI is
    /// configured, the AMI session (readiness reports each).
    /// </summary>
    public IReadOnlyList<IConnectionStateSource> Connections => _ami is null ? [_events] : [_events, _ami];

    // ------------------------------------------------------------------ lifetime

    /// <summary>
    /// The AMI events the adapter observes (device states and registrations). Give them to the AMI client as
    /// <see cref="AmiOptions.IncludeEvents"/> so Asterisk sends only these: every other event would be formatted by
    /// Asterisk, sent and parsed here for nothing (about 40 per queue call).
    /// </summary>
    public static IReadOnlyList<string> AmiEventsUsed { get; } = ["DeviceStateChange", "ContactStatus"];

    /// <summary>
    /// The ARI events the adapter acts on (<see cref="OnAriEventAsync"/>, and ApplicationReplaced, which the event
    /// stream reports). Give them to the ARI client as <see cref="AriOptions.AllowedEvents"/>: the adapter sets the
    /// application's event filter after every (re)connect, and a queue call brings ~10 events instead of ~60.
    /// </summary>
    public static IReadOnlyList<string> AriEventsUsed { get; } =
    [
        "StasisStart", "StasisEnd", "ChannelHangupRequest", "Dial", "ChannelDestroyed", "ChannelDtmfReceived",
        "PlaybackFinished", "RecordingFinished", "RecordingFailed", "ApplicationReplaced",
    ];

    /// <summary>
    /// Subscribes to ARI (and AMI) events and starts the connections. Returns without waiting for Asterisk unless
    /// <paramref name="waitForConnection"/>; the connections keep retrying with backoff.
    /// </summary>
    public async Task StartAsync(bool waitForConnection = false, CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        _subscriptions.Add(_events.Subscribe(OnAriEventAsync));
        _events.StateChanged += OnAriStateChanged;
        _events.ResyncRequired += OnAriResync;
        if (_ami is not null)
        {
            _subscriptions.Add(_ami.Subscribe(OnAmiEventAsync, m => AmiEventsUsed.Any(m.IsEventNamed)));
            _ami.ResyncRequired += OnAmiResync;
            _ami.Start();
        }
        if (waitForConnection) await _events.ConnectAsync(ct).ConfigureAwait(false);
        else _events.Start();
    }

    public async ValueTask DisposeAsync()
    {
        if (_lifetime.IsCancellationRequested) return;
        _lifetime.Cancel();
        _events.StateChanged -= OnAriStateChanged;
        _events.ResyncRequired -= OnAriResync;
        if (_ami is not null) _ami.ResyncRequired -= OnAmiResync;
        foreach (var s in _subscriptions) s.Dispose();
        _subscriptions.Clear();
        await Task.CompletedTask.ConfigureAwait(false);
        _lifetime.Dispose();
    }

    // ------------------------------------------------------------------ IPbx: calls and legs

    public async Task AcceptCallAsync(Guid callId, string legId, CancellationToken ct = default)
    {
        var leg = Leg(legId);
        leg.CallId = callId;
        // Answer and build the bridge at the same time; the leg joins once both are done.
        var answer = _ari.Channels.AnswerAsync(legId, ct);
        var bridge = BridgeAsync(callId, ct);
        await Task.WhenAll(answer, bridge).ConfigureAwait(false);
        await AddToBridgeAsync(leg, callId, await bridge.ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    public async Task StartCallMusicAsync(Guid callId, string? mohClass, CancellationToken ct = default)
    {
        var bridgeId = await BridgeAsync(callId, ct).ConfigureAwait(false);
        await _ari.Bridges.StartMohAsync(bridgeId, NullIfEmpty(mohClass), ct).ConfigureAwait(false);
    }

    public async Task StopCallMusicAsync(Guid callId, CancellationToken ct = default)
    {
        if (!_bridges.ContainsKey(callId)) return;
        var bridgeId = await BridgeAsync(callId, ct).ConfigureAwait(false);
        try { await _ari.Bridges.StopMohAsync(bridgeId, ct).ConfigureAwait(false); }
        catch (AriException ex) when (IsGoneOrIdle(ex)) { }
        catch (AriException ex) when (ex.StatusCode is null)
        {
            // The answer was lost: asked again (stopping is idempotent, "not playing" is fine), as the agent's join that
            // goes with it would otherwise fail and hang up her answered leg.
            _log.LogInformation("Stopping the music of call {CallId} lost its answer ({Message}); asking again", callId, ex.Message);
            try { await _ari.Bridges.StopMohAsync(bridgeId, ct).ConfigureAwait(false); }
            catch (AriException again) when (IsGoneOrIdle(again)) { }
        }
    }

    public async Task DialAsync(Guid callId, string legId, DialTarget target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var leg = new LegState(legId, dialled: true) { CallId = callId, WatchedOn = CurrentEventWatch() };
        if (!_legs.TryAdd(legId, leg)) throw new InvalidOperationException($"Leg {legId} already exists.");
        var variables = new Dictionary<string, string>(target.Variables, StringComparer.Ordinal);
        if (target.AutoAnswer)
            foreach (var (k, v) in _options.AutoAnswerVariables) variables[k] = v;
        var seconds = (int)Math.Ceiling(Math.Max(1, target.Timeout.TotalSeconds));
        try
        {
            await _ari.Channels.OriginateAsync(new AriOriginateRequest
            {
                Endpoint = target.Endpoint,
                App = _ari.Options.Application,
                AppArgs = _options.DialledAppArg + "," + callId.ToString("N"),
                CallerId = CallerId(target.CallerIdName, target.CallerIdNumber),
                Timeout = seconds,
                ChannelId = legId,
                Variables = variables,
            }, ct).ConfigureAwait(false);
            leg.Originated = true;
        }
        catch (AriException ex)
        {
            if (ex.StatusCode is null && await MadeAfterAllAsync(leg, ex).ConfigureAwait(false)) return;
            // The PBX refused the dial (unknown endpoint, no route, Asterisk unreachable): the leg is over before it began.
            _log.LogWarning("Originate of leg {LegId} to {Endpoint} failed: {Message}", legId, target.Endpoint, ex.Message);
            if (ex.StatusCode is not null) ReportRefusedDevice(target.Endpoint);
            else if (_hangUpAtResync.TryAdd(legId, 0)) _ = HangUpInDoubtSoonAsync(legId); // no answer at all: it may have reached Asterisk
            EndLeg(leg, ex.StatusCode is null ? CallEndReason.Failed : CallEndReason.Unreachable);
        }
    }

    /// <summary>
    /// An originate whose answer was lost (a timeout, a broken connection) may still have made the channel — and the
    /// phone may have answered it meanwhile. Made after all when its events already came (answered, or ended: they
    /// carry it on) or when Asterisk has the channel now; then the dial goes on as if answered. Only a channel Asterisk
    /// does not have (or a question that fails too) leaves the leg failed. Before this, a leg the phone answered before
    /// its originate's answer was lost was hung up a second later, with the agent already talking.
    /// </summary>
    private async Task<bool> MadeAfterAllAsync(LegState leg, AriException failure)
    {
        if (!leg.Answered && !leg.IsEnded)
        {
            try { await _ari.Channels.GetAsync(leg.Id, _lifetime.Token).ConfigureAwait(false); }
            catch (AriException) { return false; } // not there (yet), or no answer again: failed, and hung up if it appears
            catch (OperationCanceledException) { return false; }
        }
        leg.Originated = true;
        _log.LogWarning("Originate of leg {LegId} lost its answer ({Message}) but Asterisk made the channel; the dial goes on", leg.Id, failure.Message);
        return true;
    }

    /// <summary>
    /// One try, a second after the failed originate, to hang up the channel it may have made: enough when only that
    /// request failed and the connection stayed; otherwise the resync after the reconnect does it.
    /// </summary>
    private async Task HangUpInDoubtSoonAsync(string legId)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _time, _lifetime.Token).ConfigureAwait(false);
            await _ari.Channels.HangupAsync(legId, "normal", _lifetime.Token).ConfigureAwait(false);
            _log.LogInformation("Leg {LegId} was made by an originate whose answer was lost (CtiBridge took it as failed); hung it up", legId);
            _hangUpAtResync.TryRemove(legId, out _);
        }
        catch (AriException ex) when (ex.IsNotFound) { _hangUpAtResync.TryRemove(legId, out _); } // never made, or gone
        catch (AriException ex) { _log.LogDebug("Hanging up in-doubt leg {LegId} failed ({Message}); the resync will", legId, ex.Message); }
        catch (OperationCanceledException) { }
    }

    public async Task JoinCallAsync(Guid callId, string legId, CancellationToken ct = default)
    {
        var leg = Leg(legId);
        leg.CallId = callId;
        var bridgeId = await BridgeAsync(callId, ct).ConfigureAwait(false);
        await AddToBridgeAsync(leg, callId, bridgeId, ct).ConfigureAwait(false);
        if (_leftCalls.TryRemove(callId, out _)) await StopHoldSilenceAsync(callId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The leg leaves the call's bridge (self-service: the caller goes through a flow and comes back with
    /// <see cref="JoinCallAsync"/>). Meanwhile the bridge plays silence, as during a hold, so that a recording of the
    /// call does not end for want of sound while the agent is alone in it.
    /// </summary>
    public async Task LeaveCallAsync(Guid callId, string legId, CancellationToken ct = default)
    {
        if (!_bridges.ContainsKey(callId)) return;
        var leg = _legs.GetValueOrDefault(legId);
        if (leg is not null) { leg.BridgeId = null; leg.HeldFromBridge = null; }
        try { await _ari.Bridges.RemoveChannelAsync(BridgeIdOf(callId), legId, ct).ConfigureAwait(false); }
        catch (AriException ex) when (IsGoneOrIdle(ex)) { }
        if (_leftCalls.TryAdd(callId, 0)) await StartHoldSilenceAsync(callId, BridgeIdOf(callId), ct).ConfigureAwait(false);
    }

    public async Task HangupAsync(string legId, CallEndReason reason, CancellationToken ct = default)
    {
        var leg = _legs.GetValueOrDefault(legId);
        if (leg is not null) leg.RequestedReason ??= reason;
        try
        {
            await _ari.Channels.HangupAsync(legId, HangupCauses.ToAriReason(reason), ct).ConfigureAwait(false);
        }
        catch (AriException ex) when (ex.IsNotFound)
        {
            // Already gone: not an error. If its end event was lost, report it now (exactly once).
            if (leg is not null) EndLeg(leg, reason);
        }
        catch (AriException ex) when (ex.StatusCode is null)
        {
            _hangUpAtResync.TryAdd(legId, 0); // the connection broke under it: the resync hangs it up if it is still there
            throw;
        }
    }

    public async Task EndCallAsync(Guid callId, CancellationToken ct = default)
    {
        _leftCalls.TryRemove(callId, out _);
        // The bridge's recording ends with it: that end was asked for.
        foreach (var (name, _) in _recordingCalls.Where(r => r.Value == callId)) _recordingCalls.TryRemove(name, out _);
        if (!_bridges.TryRemove(callId, out var lazy)) return;
        string bridgeId;
        try { bridgeId = await lazy.Value.ConfigureAwait(false); }
        catch (Exception) { return; } // never created
        try { await _ari.Bridges.DestroyAsync(bridgeId, ct).ConfigureAwait(false); }
        catch (AriException ex) when (ex.IsNotFound) { }
    }

    /// <summary>
    /// Hold = the leg leaves the call's bridge (so nobody hears it, and it hears nobody) and hears music on hold on its
    /// own channel; resume puts it back. Verified on Asterisk 22: the held party hears MOH, the others hear silence.
    /// While it is held, the bridge plays silence (<see cref="StartHoldSilenceAsync"/>): Asterisk's bridge recorder ends a
    /// recording that gets no frame for 4 s, and an agent left alone in the bridge whose phone sends nothing (muted by us,
    /// or one that suppresses silence) would otherwise end the call's recording a few seconds into the hold.
    /// </summary>
    public async Task HoldAsync(string legId, string? mohClass, CancellationToken ct = default)
    {
        var leg = LegOrThrow(legId);
        var bridgeId = leg.BridgeId;
        if (bridgeId is not null)
        {
            leg.HeldFromBridge = bridgeId;
            leg.BridgeId = null;
            try { await _ari.Bridges.RemoveChannelAsync(bridgeId, legId, ct).ConfigureAwait(false); }
            catch (AriException ex) when (ex.StatusCode == HttpStatusCode.UnprocessableEntity) { } // not in it any more
            if (leg.CallId is { } callId) await StartHoldSilenceAsync(callId, bridgeId, ct).ConfigureAwait(false);
        }
        leg.Held = true;
        await Gone(legId, () => _ari.Channels.StartMohAsync(legId, NullIfEmpty(mohClass), ct)).ConfigureAwait(false);
    }

    public async Task ResumeAsync(string legId, CancellationToken ct = default)
    {
        var leg = LegOrThrow(legId);
        leg.Held = false;
        await Gone(legId, () => _ari.Channels.StopMohAsync(legId, ct)).ConfigureAwait(false);
        if (leg.HeldFromBridge is { } bridgeId && leg.CallId is { } callId && _bridges.ContainsKey(callId))
        {
            leg.HeldFromBridge = null;
            await AddToBridgeAsync(leg, callId, bridgeId, ct).ConfigureAwait(false);
            await StopHoldSilenceAsync(callId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The silence a call's bridge plays while its caller is held: an endless tone of frequency 0, under a playback id
    /// made of the call's id, so a process that takes the held call back after a restart stops it on the resume too.
    /// A failure costs at most the recording of the rest of the hold: it is logged, the hold goes on.
    /// </summary>
    private async Task StartHoldSilenceAsync(Guid callId, string bridgeId, CancellationToken ct)
    {
        try { await _ari.Bridges.PlayAsync(bridgeId, "tone:0/1000", playbackId: HoldSilenceId(callId), ct: ct).ConfigureAwait(false); }
        catch (AriException ex) { _log.LogWarning("Playing silence in the bridge of held call {CallId} failed: {Message}", callId, ex.Message); }
    }

    private async Task StopHoldSilenceAsync(Guid callId, CancellationToken ct)
    {
        try { await _ari.Playbacks.StopAsync(HoldSilenceId(callId), ct).ConfigureAwait(false); }
        catch (AriException ex) when (IsGoneOrIdle(ex)) { } // none (held before this version, or the bridge is gone)
        catch (AriException ex)
        {
            // The resume itself is done: a silence left playing is inaudible and ends with the call's bridge.
            _log.LogInformation("Stopping the hold silence of call {CallId} failed ({Message}); it plays on until the call ends", callId, ex.Message);
        }
    }

    private static string HoldSilenceId(Guid callId) => "cti-hold-" + callId.ToString("N");

    /// <summary>Mute stops what the leg says from reaching the others ("in" direction); the leg still hears them.</summary>
    public Task MuteAsync(string legId, bool muted, CancellationToken ct = default) =>
        Gone(legId, () => muted ? _ari.Channels.MuteAsync(legId, "in", ct) : _ari.Channels.UnmuteAsync(legId, "in", ct));

    public Task SendDtmfAsync(string legId, string digits, CancellationToken ct = default) =>
        Gone(legId, () => _ari.Channels.SendDtmfAsync(legId, digits, durationMs: 100, betweenMs: 100, ct: ct));

    public Task SetLegVariablesAsync(string legId, IReadOnlyDictionary<string, string> variables, CancellationToken ct = default) =>
        Gone(legId, () => Task.WhenAll(variables.Select(v => _ari.Channels.SetVariableAsync(legId, v.Key, v.Value, ct))));

    public async Task PlayAsync(string legId, IReadOnlyList<string> media, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.Count == 0) { _handler?.OnPlaybackFinished(legId); return; }
        var playbackId = "cti-pb-" + Guid.NewGuid().ToString("N")[..20];
        _playbacks[playbackId] = legId;
        try
        {
            await Gone(legId, () => _ari.Channels.PlayAsync(legId, string.Join(',', media), playbackId: playbackId, ct: ct)).ConfigureAwait(false);
        }
        catch
        {
            _playbacks.TryRemove(playbackId, out _);
            throw;
        }
    }

    public Task AnswerLegAsync(string legId, CancellationToken ct = default) =>
        throw new CtiException(ErrorCodes.AnswerOnDevice,
            "On Asterisk the call is answered on the phone or softphone (or by auto-answer); the API cannot answer it.");

    /// <summary>
    /// Sends a leg to a dialplan destination: <c>context,exten,priority</c>, <c>exten@context</c>, or <c>exten</c>
    /// (in <see cref="AsteriskPbxOptions.DefaultRedirectContext"/>). The leg leaves the app; no end is reported for it.
    /// </summary>
    public async Task RedirectAsync(string legId, string destination, CancellationToken ct = default)
    {
        var (context, exten, priority) = ParseDestination(destination, _options.DefaultRedirectContext);
        var leg = _legs.GetValueOrDefault(legId);
        if (leg is not null) leg.LeftApp = true;
        try
        {
            await _ari.Channels.ContinueInDialplanAsync(legId, context, exten, priority, ct: ct).ConfigureAwait(false);
            if (leg is not null) Forget(leg);
        }
        catch (AriException ex) when (ex.IsNotFound)
        {
            if (leg is not null) EndLeg(leg, CallEndReason.Normal);
        }
        catch
        {
            if (leg is not null) leg.LeftApp = false;
            throw;
        }
    }

    public static (string Context, string Exten, int Priority) ParseDestination(string destination, string defaultContext)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var parts = destination.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length >= 2)
        {
            var priority = parts.Length >= 3 && int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 1;
            return (parts[0], parts[1], priority);
        }
        var at = destination.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? (destination[(at + 1)..].Trim(), destination[..at].Trim(), 1) : (defaultContext, destination.Trim(), 1);
    }

    // ------------------------------------------------------------------ IPbx: recording

    public async Task StartRecordingAsync(Guid callId, string recordingName, CancellationToken ct = default)
    {
        var bridgeId = await BridgeAsync(callId, ct).ConfigureAwait(false);
        _recordingCalls[recordingName] = callId;
        try { await _ari.Bridges.RecordAsync(bridgeId, recordingName, _options.RecordingFormat, ifExists: "overwrite", ct: ct).ConfigureAwait(false); }
        catch { _recordingCalls.TryRemove(recordingName, out _); throw; }
    }

    /// <summary>
    /// Stops a recording and returns once Asterisk reports it finished (RecordingFinished), so the file is complete when
    /// <see cref="OpenRecordingAsync"/> is called next: the stop request itself is answered before the file is closed.
    /// </summary>
    public async Task StopRecordingAsync(string recordingName, CancellationToken ct = default)
    {
        var finished = _finishing.GetOrAdd(recordingName, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _recordingCalls.TryRemove(recordingName, out _);
        try
        {
            try { await _ari.Recordings.StopAsync(recordingName, ct).ConfigureAwait(false); }
            catch (AriException ex) when (ex.IsNotFound) { return; } // already finished (the bridge went away)
            try { await finished.Task.WaitAsync(_options.RecordingFinishTimeout, ct).ConfigureAwait(false); }
            catch (TimeoutException)
            {
                _log.LogWarning("Recording {Name} was stopped but Asterisk did not report it finished within {Timeout}", recordingName,
                    _options.RecordingFinishTimeout);
            }
        }
        finally { _finishing.TryRemove(new KeyValuePair<string, TaskCompletionSource>(recordingName, finished)); }
    }

    public Task PauseRecordingAsync(string recordingName, bool paused, CancellationToken ct = default) =>
        paused ? _ari.Recordings.PauseAsync(recordingName, ct) : _ari.Recordings.UnpauseAsync(recordingName, ct);

    /// <summary>Streams the stored recording's file from ARI (no shared filesystem needed); null when Asterisk has none.</summary>
    public async Task<bool> DeleteRecordingAsync(string recordingName, CancellationToken ct = default)
    {
        try { await _ari.Recordings.DeleteStoredAsync(recordingName, ct).ConfigureAwait(false); return true; }
        catch (AriException ex) when (ex.IsNotFound) { return false; }
    }

    public async Task<Stream?> OpenRecordingAsync(string recordingName, CancellationToken ct = default)
    {
        HttpResponseMessage response;
        try
        {
            response = await _ari.SendCoreAsync(HttpMethod.Get, "recordings/stored/" + AriClient.Seg(recordingName) + "/file", null, null,
                HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (AriException ex) when (ex.IsNotFound) { return null; }
        try
        {
            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return new ResponseStream(body, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    // ------------------------------------------------------------------ IPbx: supervision

    /// <summary>
    /// <c>POST /channels/{target}/snoop</c> with our channel id, into the app as a dialled leg of the owner (so its
    /// StasisStart reports it answered and its end is reported like any leg's), then into the owner's bridge once it is in
    /// the app. Asterisk ends a snoop channel when the channel it snoops on ends.
    /// </summary>
    public async Task SnoopAsync(Guid bridgeOwnerId, string snoopLegId, string targetLegId, SnoopAudio spy, SnoopAudio whisper,
        CancellationToken ct = default)
    {
        var leg = new LegState(snoopLegId, dialled: true) { CallId = bridgeOwnerId, WatchedOn = CurrentEventWatch() };
        if (!_legs.TryAdd(snoopLegId, leg)) throw new InvalidOperationException($"Leg {snoopLegId} already exists.");
        var started = _snoopsStarting.GetOrAdd(snoopLegId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            var bridge = BridgeAsync(bridgeOwnerId, ct);
            try
            {
                await Gone(targetLegId, () => _ari.Channels.SnoopAsync(targetLegId, SnoopDirection(spy), SnoopDirection(whisper),
                    appArgs: _options.DialledAppArg + "," + bridgeOwnerId.ToString("N"), snoopId: snoopLegId, ct: ct)).ConfigureAwait(false);
            }
            catch
            {
                _legs.TryRemove(snoopLegId, out _);
                throw;
            }
            leg.Originated = true;
            // The snoop channel can be bridged once it is in the app (its StasisStart).
            await started.Task.WaitAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
            await AddToBridgeAsync(leg, bridgeOwnerId, await bridge.ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        finally { _snoopsStarting.TryRemove(snoopLegId, out _); }
    }

    private static string SnoopDirection(SnoopAudio audio) => audio switch
    {
        SnoopAudio.In => "in",
        SnoopAudio.Out => "out",
        SnoopAudio.Both => "both",
        _ => "none",
    };

    // ------------------------------------------------------------------ helpers

    private Task<string> BridgeAsync(Guid callId, CancellationToken ct)
    {
        var lazy = _bridges.GetOrAdd(callId, id => new Lazy<Task<string>>(() => CreateBridgeAsync(id)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled) _bridges.TryRemove(new KeyValuePair<Guid, Lazy<Task<string>>>(callId, lazy));
        return task.WaitAsync(ct);
    }

    private async Task<string> CreateBridgeAsync(Guid callId)
    {
        var bridgeId = BridgeIdOf(callId);
        try
        {
            await _ari.Bridges.CreateAsync("mixing", name: bridgeId, bridgeId: bridgeId, ct: _lifetime.Token).ConfigureAwait(false);
            return bridgeId;
        }
        catch (AriException)
        {
            if (await BridgeExistsAsync(bridgeId).ConfigureAwait(false)) return bridgeId; // made before a restart of CtiBridge
            _bridges.TryRemove(callId, out _);
            throw;
        }
    }

    private async Task<bool> BridgeExistsAsync(string bridgeId)
    {
        try { await _ari.Bridges.GetAsync(bridgeId).ConfigureAwait(false); return true; }
        catch (AriException) { return false; }
    }

    private async Task AddToBridgeAsync(LegState leg, Guid callId, string bridgeId, CancellationToken ct)
    {
        leg.CallId = callId;
        leg.BridgeId = bridgeId;
        try { await _ari.Bridges.AddChannelAsync(bridgeId, leg.Id, ct: ct).ConfigureAwait(false); }
        catch (AriException ex) when (ex.StatusCode is null)
        {
            // The answer was lost, maybe not the join: a leg Asterisk put in the bridge is joined, not given up (a failed
            // join hangs the leg up).
            if (!await InBridgeAfterAllAsync(bridgeId, leg.Id, ct).ConfigureAwait(false)) throw;
            _log.LogWarning("Adding leg {LegId} to bridge {BridgeId} lost its answer ({Message}) but Asterisk has it in the bridge", leg.Id, bridgeId, ex.Message);
        }
    }

    /// <summary>Asked once; a question that fails too leaves the join failed.</summary>
    private async Task<bool> InBridgeAfterAllAsync(string bridgeId, string legId, CancellationToken ct)
    {
        try { return (await _ari.Bridges.GetAsync(bridgeId, ct).ConfigureAwait(false)).Channels.Contains(legId); }
        catch (AriException) { return false; }
    }

    private LegState Leg(string legId) => _legs.GetOrAdd(legId, id => new LegState(id, dialled: false));

    private LegState LegOrThrow(string legId) =>
        _legs.TryGetValue(legId, out var leg) && !leg.IsEnded
            ? leg
            : throw new CtiException(ErrorCodes.CallNotFound, $"The leg {legId} is gone.", ErrorKind.Conflict);

    /// <summary>Runs a channel command; a 404 (the channel hung up meanwhile) becomes the port's "leg is gone".</summary>
    private static async Task Gone(string legId, Func<Task> command)
    {
        try { await command().ConfigureAwait(false); }
        catch (AriException ex) when (ex.IsNotFound)
        {
            throw new CtiException(ErrorCodes.CallNotFound, $"The leg {legId} is gone.", ErrorKind.Conflict);
        }
    }

    private static bool IsGoneOrIdle(AriException ex) =>
        ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string CallerId(string? name, string number) =>
        string.IsNullOrWhiteSpace(name) ? $"<{number}>" : $"\"{name.Replace("\"", "", StringComparison.Ordinal)}\" <{number}>";

    /// <summary>One unbroken stretch of the ARI event connection: its number and the events dropped so far.</summary>
    internal readonly record struct EventWatch(long Connection, long DroppedEvents);

    /// <summary>The event connection now, or null while it is down (events may be missed from here on).</summary>
    private EventWatch? CurrentEventWatch() =>
        _events.IsConnected ? new EventWatch(_events.Connections, _events.DroppedEvents) : null;

    /// <summary>
    /// True when every event of the leg is certain to reach the adapter: it was tracked from its start on the connection
    /// that is still up and none was dropped since. Such a leg missing from a channel list is ending, not vanished: its
    /// ChannelDestroyed (with the real cause: busy, rejected …) is on its way.
    /// </summary>
    private bool EndIsOnItsWay(LegState leg) => leg.WatchedOn is { } watched && watched == CurrentEventWatch();

    /// <summary>What the adapter knows of one leg (channel).</summary>
    internal sealed class LegState(string id, bool dialled)
    {
        private int _ended;
        public string Id { get; } = id;
        /// <summary>True for legs CtiBridge originated.</summary>
        public bool Dialled { get; } = dialled;
        public Guid? CallId { get; set; }
        public volatile bool Answered;
        /// <summary>A dialled leg whose originate Asterisk accepted: its channel exists.</summary>
        public volatile bool Originated;
        public volatile bool LeftApp;
        public volatile bool Held;
        public volatile string? BridgeId;
        public volatile string? HeldFromBridge;
        /// <summary>The reason the engine hung the leg up with (reported as the end reason).</summary>
        public CallEndReason? RequestedReason { get; set; }
        /// <summary>The Q.850 cause of a hang-up request from the far end, if one arrived.</summary>
        public int? Cause { get; set; }
        /// <summary>The final dial status of a dialled leg (Dial event), e.g. BUSY.</summary>
        public volatile string? DialStatus;
        public ITimer? GraceTimer { get; set; }
        /// <summary>
        /// The event connection that was up when we dialled the leg (tracked before Asterisk had it): on that same
        /// connection, with no event dropped since, its end cannot have been missed. Null for legs met later (at a
        /// StasisStart whose connection may have dropped since, or taken back from a channel list).
        /// </summary>
        public EventWatch? WatchedOn { get; init; }
        public bool IsEnded => Volatile.Read(ref _ended) == 1;
        public bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;
    }

    /// <summary>The response body of a download; disposing it releases the HTTP response.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.Content.Headers.ContentLength ?? throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) { inner.Dispose(); response.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
