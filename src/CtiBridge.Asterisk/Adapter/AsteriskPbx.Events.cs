using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Domain.Calls;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Asterisk.Adapter;

/// <summary>ARI and AMI events turned into port events.</summary>
public sealed partial class AsteriskPbx
{
    private async ValueTask OnAriEventAsync(AriEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case StasisStartEvent s:
                await OnStasisStartAsync(s, ct).ConfigureAwait(false);
                break;
            case StasisEndEvent s:
                OnStasisEnd(s.Channel.Id);
                break;
            case ChannelHangupRequestEvent h when h.Cause is { } cause && _legs.TryGetValue(h.Channel.Id, out var hl):
                // A soft hang-up's cause is Asterisk's reason flag, not a Q.850 cause: 32 (an explicit hang-up, ARI DELETE)
                // says nothing about why; 4 is Asterisk shutting down ("core stop now", "core restart now"), which hangs
                // up every channel before it closes the connection. The far end's hang-up carries its Q.850 cause.
                if (h.Soft == true && cause == SoftHangupShutdown) hl.RequestedReason ??= CallEndReason.PbxRestarted;
                else if (h.Soft != true || cause != SoftHangupExplicit) hl.Cause ??= cause;
                break;
            case DialEvent dial when dial.DialStatus.Length > 0 && _legs.TryGetValue(dial.Peer.Id, out var pl):
                // The originate's own verdict (BUSY, NOANSWER, CHANUNAVAIL, CONGESTION, …) is clearer than the cause
                // code, which a Local channel or a proxy may flatten to 16.
                pl.DialStatus = dial.DialStatus;
                break;
            case ChannelDestroyedEvent d when _legs.TryGetValue(d.Channel.Id, out var dl):
                EndLeg(dl, EndReasonOf(dl, d.Cause));
                break;
            case ChannelDtmfReceivedEvent dtmf when dtmf.Digit.Length > 0 && _legs.ContainsKey(dtmf.Channel.Id):
                _handler?.OnDtmf(dtmf.Channel.Id, dtmf.Digit[0]);
                break;
            case PlaybackFinishedEvent p when _playbacks.TryRemove(p.Playback.Id, out var playedTo):
                _handler?.OnPlaybackFinished(playedTo);
                break;
            case RecordingFinishedEvent r:
                if (_finishing.TryGetValue(r.Recording.Name, out var done)) done.TrySetResult();
                else ReportUnaskedRecordingEnd(r.Recording.Name, null);
                break;
            case RecordingFailedEvent r:
                _log.LogWarning("Recording {Name} failed: {Cause}", r.Recording.Name, r.Recording.Cause);
                if (_finishing.TryGetValue(r.Recording.Name, out var failed)) failed.TrySetResult();
                else ReportUnaskedRecordingEnd(r.Recording.Name, string.IsNullOrEmpty(r.Recording.Cause) ? "failed" : r.Recording.Cause);
                break;
        }
    }

    /// <summary>A running recording of a call ended while no one asked to stop it: the call center hears it.</summary>
    private void ReportUnaskedRecordingEnd(string name, string? failure)
    {
        if (!_recordingCalls.TryRemove(name, out var callId)) return;
        _log.LogWarning("Recording {Name} of call {CallId} ended on Asterisk without being asked to stop{Failure}", name, callId,
            failure is null ? "" : " (" + failure + ")");
        _handler?.OnRecordingEnded(callId, name, failure);
    }

    private async Task OnStasisStartAsync(StasisStartEvent s, CancellationToken ct)
    {
        var channel = s.Channel;
        var args = s.Args;
        if (args.Count > 0 && args[0] == _options.DialledAppArg)
        {
            if (_legs.TryGetValue(channel.Id, out var dialled) && !dialled.IsEnded)
            {
                dialled.Answered = true;
                if (_snoopsStarting.TryGetValue(channel.Id, out var started)) started.TrySetResult();
                _handler?.OnLegAnswered(channel.Id);
            }
            else
            {
                _log.LogInformation("Dialled leg {LegId} answered but nobody waits for it any more; hanging it up", channel.Id);
                await HangupQuietlyAsync(channel.Id).ConfigureAwait(false);
            }
            return;
        }
        if (_legs.TryGetValue(channel.Id, out var known) && !known.IsEnded) return; // re-entered the app: nothing new
        var leg = new LegState(channel.Id, dialled: false) { Answered = channel.IsUp };
        _legs[channel.Id] = leg;
        var data = await AttachedDataAsync(channel, ct).ConfigureAwait(false);
        var handler = _handler;
        if (handler is null)
        {
            _log.LogWarning("Leg {LegId} entered the app before anyone subscribed to the PBX; hanging it up", channel.Id);
            await HangupQuietlyAsync(channel.Id).ConfigureAwait(false);
            return;
        }
        handler.OnIncomingLeg(new IncomingLeg(
            channel.Id,
            Tenant: args.Count > 1 ? args[1] : "",
            Purpose: args.Count > 0 ? args[0] : "",
            Target: args.Count > 2 ? args[2] : "",
            CallerNumber: channel.Caller.Number,
            CallerName: string.IsNullOrEmpty(channel.Caller.Name) ? null : channel.Caller.Name,
            Variables: data,
            FromEndpoint: EndpointOfChannelName(channel.Name)));
    }

    /// <summary>
    /// The leg's attached data: CTI_ variables that came with the event (ari.conf <c>channelvars</c>), then any names listed
    /// in <c>CTI_KEYS</c> or <see cref="AsteriskPbxOptions.AttachedDataKeys"/> that did not, read in parallel.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> AttachedDataAsync(AriChannel channel, CancellationToken ct)
    {
        var prefix = _options.AttachedDataPrefix;
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var wanted = new HashSet<string>(_options.AttachedDataKeys, StringComparer.OrdinalIgnoreCase);
        if (channel.ChannelVars is { } vars)
        {
            foreach (var (k, v) in vars)
            {
                if (!k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
                var name = k[prefix.Length..];
                if (name.Equals("KEYS", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var key in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) wanted.Add(key);
                    continue;
                }
                if (!string.IsNullOrEmpty(v)) data[name] = v;
            }
        }
        wanted.ExceptWith(data.Keys);
        wanted.Remove("KEYS");
        if (wanted.Count == 0) return data;
        var reads = wanted.Select(async key =>
        {
            try { return (key, value: await _ari.Channels.GetVariableAsync(channel.Id, prefix + key, ct).ConfigureAwait(false)); }
            catch (AriException) { return (key, value: ""); }
        }).ToList();
        foreach (var (key, value) in await Task.WhenAll(reads).ConfigureAwait(false))
            if (!string.IsNullOrEmpty(value)) data[key] = value;
        return data;
    }

    /// <summary>"PJSIP/demo-1001-0000002a" → "PJSIP/demo-1001"; Local and other technologies give null.</summary>
    public static string? EndpointOfChannelName(string? channelName)
    {
        if (string.IsNullOrEmpty(channelName) || !channelName.StartsWith("PJSIP/", StringComparison.OrdinalIgnoreCase)) return null;
        var dash = channelName.LastIndexOf('-');
        return dash > "PJSIP/".Length ? channelName[..dash] : channelName;
    }

    /// <summary>Asterisk's soft hang-up flags, as a soft ChannelHangupRequest carries them in its cause (AST_SOFTHANGUP_*).</summary>
    private const int SoftHangupShutdown = 1 << 2, SoftHangupExplicit = 1 << 5;

    private void OnStasisEnd(string channelId)
    {
        if (!_legs.TryGetValue(channelId, out var leg) || leg.IsEnded) return;
        if (leg.LeftApp) { Forget(leg); return; }
        // StasisEnd is the end of the channel for the app (ChannelDestroyed may not follow). Report at once when the
        // reason is known; otherwise give ChannelDestroyed (which carries the cause) a moment.
        if (leg.RequestedReason is { } requested) { EndLeg(leg, requested); return; }
        if (leg.Cause is { } cause) { EndLeg(leg, EndReasonOf(leg, cause)); return; }
        leg.GraceTimer = _time.CreateTimer(_ => EndLeg(leg, EndReasonOf(leg, null)), null, _options.EndCauseGrace, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Why a leg ended: the reason the engine hung it up with; else a specific Q.850 cause (busy, rejected, …); else, for
    /// an unanswered dialled leg, the originate's dial status (a Local channel flattens Busy() to cause 16); else the
    /// generic cause mapping.
    /// </summary>
    private static CallEndReason EndReasonOf(LegState leg, int? destroyedCause)
    {
        if (leg.RequestedReason is { } requested) return requested;
        var cause = leg.Cause ?? destroyedCause;
        var specific = cause is not (null or 0 or 16 or 31 or 32);
        if (!specific && !leg.Answered && HangupCauses.FromDialStatus(leg.DialStatus) is { } fromDial) return fromDial;
        return HangupCauses.ToEndReason(cause, leg.Answered, leg.Dialled);
    }

    /// <summary>Reports a leg's end exactly once and forgets it.</summary>
    private void EndLeg(LegState leg, CallEndReason reason)
    {
        if (!leg.TryEnd()) return;
        leg.GraceTimer?.Dispose();
        Forget(leg);
        try { _handler?.OnLegEnded(leg.Id, reason); }
        catch (Exception ex) { _log.LogError(ex, "OnLegEnded handler threw for leg {LegId}", leg.Id); }
    }

    private void Forget(LegState leg)
    {
        _legs.TryRemove(new KeyValuePair<string, LegState>(leg.Id, leg));
        foreach (var (pb, target) in _playbacks)
            if (target == leg.Id) _playbacks.TryRemove(pb, out _);
    }

    private async Task HangupQuietlyAsync(string channelId)
    {
        try { await _ari.Channels.HangupAsync(channelId, "normal").ConfigureAwait(false); }
        catch (AriException ex) { _log.LogDebug("Hang-up of stray channel {Channel} failed: {Message}", channelId, ex.Message); }
    }

    // ------------------------------------------------------------------ connection and resync

    private void OnAriStateChanged(object? sender, ConnectionStateChangedEventArgs e)
    {
        if (e.Previous.IsHealthy == e.Current.IsHealthy) return;
        var description = e.Current.IsHealthy
            ? "Asterisk ARI connected"
            : "Asterisk ARI " + e.Current.State.ToString().ToLowerInvariant() + (e.Current.LastError is { } err ? ": " + err : "");
        try { _handler?.OnConnectionChanged(e.Current.IsHealthy, description); }
        catch (Exception ex) { _log.LogError(ex, "OnConnectionChanged handler threw"); }
    }

    private void OnAriResync(object? sender, ResyncEventArgs e)
    {
        if (e.Reason != ResyncReason.EventsDropped)
        {
            _ = ApplyEventFilterAsync();
            _ = WatchRegistrationAfterConnectAsync(Interlocked.Increment(ref _connections));
        }
        _ = ResyncAsync();
    }

    /// <summary>
    /// Asterisk can unregister the Stasis application under a WebSocket that has just connected: when the connection it
    /// replaces was cut rather than closed, that old session's clean-up may run after the new session registered the
    /// application, and removes it (seen on Asterisk 22 in the connection-drop harness: the new WebSocket stays open and
    /// gets no event at all — answers and hang-ups are missed — while <c>GET /applications/{app}</c> answers 404). So
    /// the registration is looked at shortly after each connection and then periodically; a lost one drops the
    /// connection, and the reconnection registers the application again and resyncs what was missed.
    /// </summary>
    private async Task WatchRegistrationAfterConnectAsync(long connection)
    {
        try
        {
            foreach (var wait in _options.RegistrationChecksAfterConnect)
            {
                await Task.Delay(wait, _time, _lifetime.Token).ConfigureAwait(false);
                if (Interlocked.Read(ref _connections) != connection) return; // a newer connection watches itself
                if (!await ApplicationRegisteredAsync(_lifetime.Token).ConfigureAwait(false)) return;
            }
            while (_options.RegistrationCheckInterval > TimeSpan.Zero)
            {
                await Task.Delay(_options.RegistrationCheckInterval, _time, _lifetime.Token).ConfigureAwait(false);
                if (Interlocked.Read(ref _connections) != connection) return;
                if (!await ApplicationRegisteredAsync(_lifetime.Token).ConfigureAwait(false)) return;
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>False (and the connection dropped) when the WebSocket is up but Asterisk no longer has the application.</summary>
    private async Task<bool> ApplicationRegisteredAsync(CancellationToken ct)
    {
        if (!_events.IsConnected) return true;
        try
        {
            await _ari.Applications.GetAsync(ct: ct).ConfigureAwait(false);
            return true;
        }
        catch (AriException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound && _events.IsConnected)
        {
            _log.LogWarning("Asterisk lost the registration of ARI application {App} under a live WebSocket (no event would arrive); reconnecting",
                _ari.Options.Application);
            _events.Reconnect($"Asterisk no longer had the application '{_ari.Options.Application}' (its registration was lost)");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Only a 404 says the registration is gone; anything else (Asterisk busy, a broken request) is looked at again later.
            _log.LogDebug("Looking at the ARI application's registration failed: {Message}", ex.Message);
            return true;
        }
    }

    /// <summary>
    /// Asks Asterisk for the configured event types only (<see cref="AriOptions.AllowedEvents"/>; none: every type).
    /// A refusal (an Asterisk without event filters) is logged and the stream stays unfiltered: the adapter ignores
    /// events it does not handle either way.
    /// </summary>
    internal async Task ApplyEventFilterAsync(CancellationToken ct = default)
    {
        try
        {
            var allowed = _ari.Options.AllowedEvents ?? [];
            var app = await _ari.Applications.SetEventFilterAsync(allowed, [], ct: ct).ConfigureAwait(false);
            _log.LogDebug("ARI event filter set: {Count} event types allowed", app.EventsAllowed.Count);
        }
        catch (Exception ex) when (ex is AriException or HttpRequestException or TaskCanceledException)
        {
            _log.LogWarning("Setting the ARI event filter failed ({Message}); Asterisk keeps sending every event type", ex.Message);
        }
    }

    /// <summary>
    /// Asterisk does not replay events missed while the WebSocket was down: every tracked leg whose channel no longer
    /// exists is reported ended, and bridges of calls whose bridge vanished are forgotten. When Asterisk itself restarted
    /// meanwhile (its start time changed), every call it had is gone: every tracked leg is reported ended with
    /// <see cref="CallEndReason.PbxRestarted"/>.
    /// </summary>
    public async Task ResyncAsync(CancellationToken ct = default)
    {
        await _resyncGate.WaitAsync(ct).ConfigureAwait(false);
        bool done;
        try { done = await ResyncOnceAsync(ct).ConfigureAwait(false); }
        finally { _resyncGate.Release(); }
        if (done) Interlocked.Exchange(ref _resyncFailures, 0);
        else RetryResyncLater();
    }

    private int _resyncFailures, _resyncRetryPending;

    /// <summary>
    /// A resync that failed (Asterisk answered an error, or not in time) is tried again while the connection stays up —
    /// after 1, 2, 4 … at most 30 s — as until then legs that vanished stay live for the call center and calls that ended
    /// unseen are not ended. A new connection's own resync makes a pending retry redundant but harmless.
    /// </summary>
    private void RetryResyncLater()
    {
        if (_lifetime.IsCancellationRequested || Interlocked.Exchange(ref _resyncRetryPending, 1) == 1) return;
        var stopping = _lifetime.Token;
        var failures = Interlocked.Increment(ref _resyncFailures);
        var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 6) - 1)));
        _log.LogWarning("Retrying the ARI resync in {Delay} s", delay.TotalSeconds);
        _ = Task.Run(async () =>
        {
            try
            {
                try { await Task.Delay(delay, _time, stopping).ConfigureAwait(false); }
                finally { Interlocked.Exchange(ref _resyncRetryPending, 0); }
                if (_events.IsConnected) await ResyncAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { } // stopping
        });
    }

    /// <summary>One resync; false when it failed (and should be tried again).</summary>
    private async Task<bool> ResyncOnceAsync(CancellationToken ct)
    {
        try
        {
            if (await AsteriskRestartedAsync(ct).ConfigureAwait(false))
            {
                _log.LogWarning("Asterisk restarted while the ARI connection was down: its calls are gone; ending {Count} legs", _legs.Count);
                foreach (var leg in _legs.Values.ToList()) EndLeg(leg, CallEndReason.PbxRestarted);
                _bridges.Clear();
            }
            // Only legs whose channel existed before the list was taken can be missing from it: a leg dialled
            // meanwhile is not in the list yet and is not gone.
            var known = _legs.Values.Where(l => !l.Dialled || l.Originated).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            var channels = await _ari.Channels.ListAsync(ct).ConfigureAwait(false);
            await HangUpWhatTheCutLeftAsync(channels).ConfigureAwait(false);
            await TakeBackQueueCallersAsync(channels, ct).ConfigureAwait(false);
            await TakeBackMonitorLegsAsync(channels, ct).ConfigureAwait(false);
            try { await HangUpOrphanedLegsAsync(channels, ct).ConfigureAwait(false); }
            catch (Exception ex) when (ex is AriException or HttpRequestException or TaskCanceledException)
            {
                _log.LogWarning("Clearing legs and bridges left by ended calls failed: {Message}", ex.Message); // the rest of the resync goes on
            }
            if (_legs.IsEmpty && _bridges.IsEmpty)
            {
                ReportCallsReported();
                return true;
            }
            var alive = channels.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var leg in _legs.Values.ToList())
                if (known.Contains(leg.Id) && !alive.Contains(leg.Id) && !leg.IsEnded)
                {
                    // A resync that runs beside live traffic (the one after a connect overlaps the first calls) lists a
                    // channel that just ended before its ChannelDestroyed is handled: that end, with its cause, comes.
                    if (EndIsOnItsWay(leg)) continue;
                    _log.LogInformation("Leg {LegId} vanished while the ARI connection was down; reporting it ended", leg.Id);
                    EndLeg(leg, leg.RequestedReason ?? (leg.Dialled && !leg.Answered ? CallEndReason.Failed : CallEndReason.Normal));
                }
            ReportAnsweredMeanwhile(channels);
            ReportCallsReported();
            var bridges = await _ari.Bridges.ListAsync(ct).ConfigureAwait(false);
            var liveBridges = bridges.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (callId, lazy) in _bridges.ToList())
                if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && !liveBridges.Contains(lazy.Value.Result))
                    _bridges.TryRemove(callId, out _);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || _lifetime.IsCancellationRequested)
        {
            return true; // stopping: nothing to retry
        }
        catch (Exception ex)
        {
            _log.LogWarning("ARI resync failed: {Message}", ex.Message);
            return false;
        }
    }

    /// <summary>Every call Asterisk still has is reported (taken back, or its vanished legs ended): the handler may act on the rest.</summary>
    private void ReportCallsReported()
    {
        try { _handler?.OnCallsReported(); }
        catch (Exception ex) { _log.LogError(ex, "OnCallsReported handler threw"); }
    }

    /// <summary>
    /// A leg we dialled that was answered while the WebSocket was down entered the app then, and its StasisStart was
    /// lost: it is up in <c>Stasis(…,dialled,…)</c> now, still ringing for the call center. Reported answered, as its
    /// StasisStart would have been (a consultation answered during a cut was left "Ringing" for good before this).
    /// </summary>
    private void ReportAnsweredMeanwhile(IReadOnlyList<AriChannel> channels)
    {
        var dialled = _ari.Options.Application + "," + _options.DialledAppArg + ",";
        foreach (var leg in _legs.Values.ToList())
        {
            if (!leg.Dialled || !leg.Originated || leg.Answered || leg.IsEnded) continue;
            if (channels.FirstOrDefault(c => c.Id == leg.Id) is not { IsUp: true, Dialplan: { AppName: "Stasis", AppData: { } data } }
                || !data.StartsWith(dialled, StringComparison.Ordinal)) continue;
            _log.LogInformation("Leg {LegId} was answered while the ARI connection was down; reporting it answered", leg.Id);
            leg.Answered = true;
            if (_snoopsStarting.TryGetValue(leg.Id, out var started)) started.TrySetResult();
            _handler?.OnLegAnswered(leg.Id);
        }
    }

    /// <summary>
    /// Whether the Asterisk this adapter talks to started again since the last look (<c>status.startup_time</c> of
    /// <c>GET /asterisk/info</c> changed). The first look only notes the time. A failed look is no restart.
    /// </summary>
    /// <summary>Asterisk's start time as the last resync saw it (null before the first look).</summary>
    internal DateTimeOffset? AsteriskStartedAt => _asteriskStartedAt;

    private async Task<bool> AsteriskRestartedAsync(CancellationToken ct)
    {
        DateTimeOffset? startedAt;
        try { startedAt = (await _ari.Asterisk.GetInfoAsync(ct).ConfigureAwait(false)).Status?.StartupTime; }
        catch (Exception ex) when (ex is AriException or HttpRequestException or TaskCanceledException)
        {
            _log.LogDebug("Reading Asterisk's start time failed: {Message}", ex.Message);
            return false;
        }
        if (startedAt is not { } now || now == default) return false;
        var before = _asteriskStartedAt;
        _asteriskStartedAt = now;
        return before is { } previous && previous != now;
    }

    /// <summary>
    /// Queue callers a previous CtiBridge process left (it stopped or crashed; Asterisk kept them in the app, in their
    /// call's bridge): each is reported as an <see cref="IncomingLeg"/> with <see cref="ResumedLeg"/> — the call id and
    /// enqueue time the engine stored on the leg. A caller alone in the bridge (on music) was waiting and goes back to its
    /// place in the queue, or, when an agent's phone still rings for the call (a dialled leg of the call with
    /// <c>CTI_ROLE</c> "agent", not answered), with that offer (<see cref="ResumedLeg.Ringing"/>). A caller whose call's
    /// bridge holds the call's answered agent leg (<see cref="ConnectionOfAsync"/>) was talking to that agent: reported with
    /// <see cref="ResumedLeg.Connected"/>, with the call's consultation or conference guests (<c>CTI_ROLE</c> "consult" or
    /// "guest", in the bridge or still ringing) and the mutes the legs kept. A caller out of the bridge, in no other
    /// bridge, while the agent is in it, is taken back held — whatever <c>CTI_HELD</c> says, as a hold the previous
    /// process had just begun has not stored it yet — and tracked as held from the bridge, so a resume puts it back.
    /// Anything else (a leg whose variables do not agree, a bridge with no agent of the call) is left as it is, never hung up.
    /// </summary>
    private async Task TakeBackQueueCallersAsync(IReadOnlyList<AriChannel> channels, CancellationToken ct)
    {
        if (_handler is not { } handler) return;
        var app = _ari.Options.Application + ",";
        var candidates = channels.Where(c => !_legs.ContainsKey(c.Id) && c.Dialplan is { AppName: "Stasis", AppData: { } data }
                                             && data.StartsWith(app, StringComparison.Ordinal) && data.Split(',') is [_, "queue", _, ..]).ToList();
        _log.LogDebug("Resync: {Channels} channels, {Candidates} queue callers not tracked", channels.Count, candidates.Count);
        if (candidates.Count == 0) return;
        var bridges = await _ari.Bridges.ListAsync(ct).ConfigureAwait(false);
        var ringing = await RingingLegsAsync(channels, ct).ConfigureAwait(false);
        foreach (var channel in candidates)
        {
            string role, callText, group, since;
            try
            {
                var reads = await Task.WhenAll(
                    new[] { TenantCallCenter.LegVariables.Role, TenantCallCenter.LegVariables.CallId, TenantCallCenter.LegVariables.SkillGroup, TenantCallCenter.LegVariables.EnqueuedAt }
                        .Select(v => ReadVariableAsync(channel.Id, v, ct))).ConfigureAwait(false);
                (role, callText, group, since) = (reads[0], reads[1], reads[2], reads[3]);
            }
            catch (AriException ex) when (ex.IsNotFound) { continue; } // gone meanwhile
            if (role == "" && callText == "" && !bridges.Any(b => b.Channels.Contains(channel.Id)))
            {
                await ReportUnhandledCallerAsync(handler, channel, ct).ConfigureAwait(false);
                continue;
            }
            if (role == "" && callText == "" && group == "" && since == ""
                && bridges.FirstOrDefault(b => IsCallBridge(b.Id) && b.Channels.Contains(channel.Id)) is { } own
                && channel.Dialplan!.AppData!.Split(',') is [_, "queue", _, { Length: > 0 } target, ..])
            {
                // Answered and bridged by the previous process, which stopped before it stored his facts on the leg (they
                // are written just after the call's urgent commands): the call's bridge names the call, the dialplan his
                // group, his channel's creation the time he came in. An agent leg with him must still name the call itself.
                (role, callText, group, since) = ("customer", Guid.ParseExact(own.Id[4..], "N").ToString(), target,
                    channel.CreationTime.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                _log.LogInformation("Caller {LegId} was in call bridge {BridgeId} before its facts were stored on the leg; taken back by the bridge", channel.Id, own.Id);
            }
            if (role != "customer" || !Guid.TryParse(callText, out var callId) || group == ""
                || !long.TryParse(since, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sinceMs))
            {
                // Not a queued caller of ours (another app's use of the channel), or one whose facts were not all stored.
                _log.LogDebug("Caller {LegId} left as it is: role '{Role}', call '{Call}', group '{Group}', enqueued '{Since}'", channel.Id, role, callText, group, since);
                continue;
            }
            var bridgeId = BridgeIdOf(callId);
            var bridge = bridges.FirstOrDefault(b => b.Id == bridgeId);
            var others = bridge?.Channels.Where(c => c != channel.Id && c.StartsWith("cti-", StringComparison.Ordinal)).ToList() ?? [];
            var held = bridge is not null && !bridge.Channels.Contains(channel.Id) && others.Count > 0
                       && !bridges.Any(b => b.Channels.Contains(channel.Id));
            if (!held && others.Count == 0 && !bridges.Any(b => b.Channels.Contains(channel.Id)))
            {
                // Queued by the previous process, which stopped before the caller was answered and bridged: put it where a
                // waiting caller is (answered, in the call's bridge, on music), then take it back as waiting.
                try { bridge = await SeatWaitingCallerAsync(channel, callId, ct).ConfigureAwait(false); }
                catch (AriException ex)
                {
                    _log.LogWarning("Caller {LegId} of call {CallId} could not be put in the call's bridge ({Message}); not taken back", channel.Id, callId, ex.Message);
                    continue;
                }
            }
            if (bridge is null || (!held && !bridge.Channels.Contains(channel.Id)))
            {
                _log.LogWarning("Caller {LegId} of call {CallId} is in the app but not in the call's bridge (nor held from it); not taken back", channel.Id, callId);
                continue;
            }
            var ringingHere = ringing.Where(r => r.CallId == callId).ToList();
            ResumedConnection? connected = null;
            ResumedOffer? offer = null;
            var tracked = new List<LegState>();
            if (others.Count > 0)
            {
                connected = await ConnectionOfAsync(channel.Id, callId, others.Select(id => channels.FirstOrDefault(c => c.Id == id)).ToList(),
                    ringingHere, ct).ConfigureAwait(false);
                if (connected is null)
                {
                    _log.LogWarning("Call {CallId} was connected when the previous process stopped, but not to one answered agent leg of the call ({Legs}); its parties are left as they are",
                        callId, string.Join(",", others));
                    continue;
                }
                if (held) connected = connected with { CustomerHeld = true };
                tracked.Add(new LegState(connected.AgentLegId, dialled: true) { Answered = true, Originated = true, CallId = callId, BridgeId = bridgeId });
                tracked.AddRange((connected.Parties ?? []).Select(p =>
                    new LegState(p.LegId, dialled: true) { Answered = p.Answered, Originated = true, CallId = callId, BridgeId = p.Answered ? bridgeId : null }));
            }
            else if (ringingHere.FirstOrDefault(r => r.Role == "agent" && r.AgentId is not null) is { } rung)
            {
                offer = new ResumedOffer(rung.LegId, rung.AgentId!.Value);
                tracked.Add(new LegState(rung.LegId, dialled: true) { Originated = true, CallId = callId });
            }
            var leg = held
                ? new LegState(channel.Id, dialled: false) { Answered = true, CallId = callId, Held = true, HeldFromBridge = bridgeId } // resume puts it back
                : new LegState(channel.Id, dialled: false) { Answered = true, CallId = callId, BridgeId = bridgeId };
            tracked.Add(leg);
            if (!TrackAll(tracked)) continue;
            _bridges.TryAdd(callId, new Lazy<Task<string>>(() => Task.FromResult(bridgeId)));
            // A leg still ringing is not in the app yet: its events (answer, hang-up) reach this process only once subscribed.
            var unanswered = tracked.Where(l => l.Dialled && !l.Answered).Select(l => "channel:" + l.Id).ToList();
            if (unanswered.Count > 0)
            {
                try { await _ari.Applications.SubscribeAsync(unanswered, ct: ct).ConfigureAwait(false); }
                catch (AriException ex) { _log.LogWarning("Subscribing to the ringing legs of call {CallId} failed: {Message}", callId, ex.Message); }
            }
            var args = channel.Dialplan!.AppData!.Split(',');
            handler.OnIncomingLeg(new IncomingLeg(
                channel.Id,
                Tenant: args[2],
                Purpose: "queue",
                Target: group,
                CallerNumber: channel.Caller.Number,
                CallerName: string.IsNullOrEmpty(channel.Caller.Name) ? null : channel.Caller.Name,
                Variables: await AttachedDataAsync(channel, ct).ConfigureAwait(false),
                FromEndpoint: EndpointOfChannelName(channel.Name),
                Resumed: new ResumedLeg(callId, DateTimeOffset.FromUnixTimeMilliseconds(sinceMs), connected, offer)));
        }
    }

    /// <summary>
    /// A caller in the app that the previous process never got to handle (it stopped right after the caller entered
    /// <c>Stasis()</c>: nothing stored on the leg, in no bridge): reported as the new caller it is, as its StasisStart would
    /// have been, so it is queued now instead of waiting in silence for ever.
    /// </summary>
    private async Task ReportUnhandledCallerAsync(IPbxEventHandler handler, AriChannel channel, CancellationToken ct)
    {
        if (!_legs.TryAdd(channel.Id, new LegState(channel.Id, dialled: false) { Answered = channel.IsUp })) return;
        _log.LogInformation("Caller {LegId} entered the app just before the previous process stopped and was never handled; reporting it now", channel.Id);
        var args = channel.Dialplan!.AppData!.Split(',');
        handler.OnIncomingLeg(new IncomingLeg(
            channel.Id,
            Tenant: args[2],
            Purpose: args[1],
            Target: args.Length > 3 ? args[3] : "",
            CallerNumber: channel.Caller.Number,
            CallerName: string.IsNullOrEmpty(channel.Caller.Name) ? null : channel.Caller.Name,
            Variables: await AttachedDataAsync(channel, ct).ConfigureAwait(false),
            FromEndpoint: EndpointOfChannelName(channel.Name)));
    }

    /// <summary>Answers a queued caller, puts it in its call's bridge (made if missing) and starts the bridge's music.</summary>
    private async Task<AriBridge> SeatWaitingCallerAsync(AriChannel channel, Guid callId, CancellationToken ct)
    {
        if (!channel.IsUp) await _ari.Channels.AnswerAsync(channel.Id, ct).ConfigureAwait(false);
        var bridgeId = await BridgeAsync(callId, ct).ConfigureAwait(false); // made by the previous process, or now
        await _ari.Bridges.AddChannelAsync(bridgeId, channel.Id, ct: ct).ConfigureAwait(false);
        await _ari.Bridges.StartMohAsync(bridgeId, null, ct).ConfigureAwait(false);
        return await _ari.Bridges.GetAsync(bridgeId, ct).ConfigureAwait(false);
    }

    /// <summary>Tracks every leg of a call taken back, or none of them when one is tracked already.</summary>
    private bool TrackAll(IReadOnlyList<LegState> legs)
    {
        var added = new List<LegState>();
        foreach (var leg in legs)
        {
            if (_legs.TryAdd(leg.Id, leg)) { added.Add(leg); continue; }
            foreach (var a in added) _legs.TryRemove(new KeyValuePair<string, LegState>(a.Id, a));
            return false;
        }
        return true;
    }

    /// <summary>A leg of ours dialled for a call and still ringing (not answered, not in the app yet), with what it kept.</summary>
    private sealed record RingingLeg(string LegId, Guid CallId, string Role, Guid? AgentId, string Number);

    /// <summary>
    /// Legs of ours still ringing that nobody tracks (dialled by a previous process: <c>cti-</c> ids, not up), with their
    /// variables. Asterisk lists them before they answer; their <c>CTI_CALL_ID</c> and <c>CTI_ROLE</c> say what for.
    /// </summary>
    private async Task<IReadOnlyList<RingingLeg>> RingingLegsAsync(IReadOnlyList<AriChannel> channels, CancellationToken ct)
    {
        var found = new List<RingingLeg>();
        // Only the leg itself: a Local channel's other half ("<id>;2") carries the same variables.
        foreach (var channel in channels.Where(c => !c.IsUp && !_legs.ContainsKey(c.Id) && c.Id.StartsWith("cti-", StringComparison.Ordinal)
                                                    && !c.Id.Contains(';', StringComparison.Ordinal)))
        {
            try
            {
                var reads = await Task.WhenAll(
                    ReadVariableAsync(channel.Id, TenantCallCenter.LegVariables.CallId, ct),
                    ReadVariableAsync(channel.Id, TenantCallCenter.LegVariables.Role, ct),
                    ReadVariableAsync(channel.Id, TenantCallCenter.LegVariables.AgentId, ct),
                    ReadVariableAsync(channel.Id, TenantCallCenter.LegVariables.Number, ct)).ConfigureAwait(false);
                if (!Guid.TryParse(reads[0], out var callId)) continue;
                found.Add(new RingingLeg(channel.Id, callId, reads[1], Guid.TryParse(reads[2], out var agentId) ? agentId : null, reads[3]));
            }
            catch (AriException ex) when (ex.IsNotFound) { } // gone meanwhile
        }
        return found;
    }

    /// <summary>
    /// Supervisors' monitoring legs a previous process left (up, dialled by us, <c>CTI_ROLE</c> "supervisor"): each is
    /// tracked again with the other leg in its session's bridge (the snoop it listens through, or after a take over the
    /// customer) and reported with the variables the session kept on it (<see cref="MonitoringService.LegVariables"/>),
    /// after the calls were taken back, so the session can be matched with its call. Whoever receives it decides.
    /// </summary>
    private async Task TakeBackMonitorLegsAsync(IReadOnlyList<AriChannel> channels, CancellationToken ct)
    {
        if (_handler is not { } handler) return;
        var dialled = _ari.Options.Application + "," + _options.DialledAppArg + ",";
        var candidates = channels.Where(c => !_legs.ContainsKey(c.Id) && c.IsUp && c.Dialplan is { AppName: "Stasis", AppData: { } data }
                                             && data.StartsWith(dialled, StringComparison.Ordinal)).ToList();
        IReadOnlyList<AriBridge>? bridges = null;
        string[] names = [MonitoringService.LegVariables.Session, MonitoringService.LegVariables.Tenant, MonitoringService.LegVariables.Supervisor,
            MonitoringService.LegVariables.Agent, MonitoringService.LegVariables.AgentLeg, MonitoringService.LegVariables.Mode,
            MonitoringService.LegVariables.ModeSince, MonitoringService.LegVariables.Bridge, MonitoringService.LegVariables.Mixer,
            TenantCallCenter.LegVariables.CallId];
        foreach (var channel in candidates)
        {
            Dictionary<string, string> variables;
            try
            {
                if (await ReadVariableAsync(channel.Id, TenantCallCenter.LegVariables.Role, ct).ConfigureAwait(false) != "supervisor") continue;
                var values = await Task.WhenAll(names.Select(n => ReadVariableAsync(channel.Id, n, ct))).ConfigureAwait(false);
                variables = names.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            }
            catch (AriException ex) when (ex.IsNotFound) { continue; } // gone meanwhile
            if (!Guid.TryParse(variables[MonitoringService.LegVariables.Session], out var sessionId)) continue;
            bridges ??= await _ari.Bridges.ListAsync(ct).ConfigureAwait(false);
            // A session on a listening line is in the line's bridge, named on the leg; otherwise in its own.
            var bridgeKey = Guid.TryParse(variables[MonitoringService.LegVariables.Bridge], out var line) ? line : sessionId;
            var bridgeId = BridgeIdOf(bridgeKey);
            var peer = bridges.FirstOrDefault(b => b.Id == bridgeId)?.Channels.FirstOrDefault(c => c != channel.Id && !_legs.ContainsKey(c));
            if (!_legs.TryAdd(channel.Id, new LegState(channel.Id, dialled: true) { Answered = true, Originated = true, CallId = bridgeKey, BridgeId = bridgeId }))
                continue;
            if (peer is not null)
            {
                _legs.TryAdd(peer, new LegState(peer, dialled: true) { Answered = true, Originated = true, CallId = bridgeKey, BridgeId = bridgeId });
                _bridges.TryAdd(bridgeKey, new Lazy<Task<string>>(() => Task.FromResult(bridgeId)));
            }
            try { handler.OnMonitorLegFound(new FoundMonitorLeg(channel.Id, peer, variables)); }
            catch (Exception ex) { _log.LogError(ex, "OnMonitorLegFound handler threw for leg {LegId}", channel.Id); }
        }
    }

    /// <summary>
    /// Dialled legs of ours (an agent's phone, a consultation, a monitor) that nobody tracks and that are alone — in no
    /// bridge, the last channel of theirs, or bridged only with other such legs: their call ended while no CtiBridge was
    /// listening (the customer hung up during a restart or an ARI outage — also during a consultation, which leaves the
    /// agent and the consulted colleague talking in the call's bridge) and no take-back claimed them. Left alone they
    /// would keep agents' phones off-hook in a dead call the API does not show; they are hung up, and their call's bridge
    /// destroyed. A leg bridged with anyone else (a caller, a leg a take-back claimed) is left as it is.
    /// </summary>
    private async Task HangUpOrphanedLegsAsync(IReadOnlyList<AriChannel> channels, CancellationToken ct)
    {
        var dialled = _ari.Options.Application + "," + _options.DialledAppArg + ",";
        var untracked = channels.Where(c => !_legs.ContainsKey(c.Id) && c.Dialplan is { AppName: "Stasis", AppData: { } data }
                                            && data.StartsWith(dialled, StringComparison.Ordinal)).ToList();
        var bridges = await _ari.Bridges.ListAsync(ct).ConfigureAwait(false);
        var orphans = untracked.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var hungUp = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in untracked)
        {
            if (_legs.ContainsKey(channel.Id)) continue; // claimed meanwhile
            if (bridges.FirstOrDefault(b => b.Channels.Contains(channel.Id)) is { } bridge
                && bridge.Channels.Any(id => !orphans.Contains(id) || _legs.ContainsKey(id))) continue;
            _log.LogInformation("Leg {LegId} ({Name}) was left without its caller by a call that ended while no CtiBridge listened; hanging it up",
                channel.Id, channel.Name);
            await HangupQuietlyAsync(channel.Id).ConfigureAwait(false);
            hungUp.Add(channel.Id);
        }
        // A call's bridge that outlived its call the same way (empty now, or only the legs just hung up): Asterisk keeps
        // it, and the application with it, until it is destroyed.
        var tracked = _bridges.Keys.Select(BridgeIdOf).ToHashSet(StringComparer.Ordinal);
        foreach (var bridge in bridges.Where(b => IsCallBridge(b.Id) && !tracked.Contains(b.Id)
                                                  && b.Channels.All(hungUp.Contains)))
        {
            _log.LogInformation("Bridge {BridgeId} of a call that ended while no CtiBridge listened is empty; destroying it", bridge.Id);
            try { await _ari.Bridges.DestroyAsync(bridge.Id, ct).ConfigureAwait(false); }
            catch (AriException ex) { _log.LogDebug("Destroying bridge {BridgeId} failed: {Message}", bridge.Id, ex.Message); }
        }
    }

    /// <summary>
    /// Legs the connection broke under (<c>_hangUpAtResync</c>: an originate whose answer was lost — the call center was
    /// told the leg failed, so a phone ringing for it would ring for nobody —, or a hang-up that got no answer): those
    /// still there are hung up; the rest are forgotten.
    /// </summary>
    private async Task HangUpWhatTheCutLeftAsync(IReadOnlyList<AriChannel> channels)
    {
        foreach (var legId in _hangUpAtResync.Keys.ToList())
        {
            if (channels.Any(c => c.Id == legId))
            {
                _log.LogInformation("Leg {LegId} was to be hung up, or its originate's answer was lost, when the connection broke; hanging it up", legId);
                await HangupQuietlyAsync(legId).ConfigureAwait(false);
            }
            _hangUpAtResync.TryRemove(legId, out _);
        }
    }

    /// <summary>A call's own bridge (<see cref="BridgeIdOf"/>), not a holding, monitoring or other bridge.</summary>
    private static bool IsCallBridge(string bridgeId) =>
        bridgeId.Length == 36 && bridgeId.StartsWith("cti-", StringComparison.Ordinal) && Guid.TryParseExact(bridgeId[4..], "N", out _);

    /// <summary>
    /// The agent a caller was talking to when the previous process stopped, and the call's other legs: the legs of ours in
    /// the call's bridge (<paramref name="inBridge"/>) must be up, not tracked, and say they belong to this call — exactly
    /// one the call's agent leg (<c>CTI_ROLE</c> "agent" with <c>CTI_AGENT_ID</c>, set when it was dialled), the others a
    /// consultation or guests (<c>CTI_ROLE</c> "consult" or "guest"); legs of the call still ringing
    /// (<paramref name="ringing"/>) that are a consultation or guests join them, not answered. Each leg's mute
    /// (<c>CTI_MUTED</c>); the answer time and recordings the engine kept on the caller's leg (<c>CTI_ANSWERED_AT</c>,
    /// <c>CTI_RECORDINGS</c>), the last recording checked against Asterisk (<see cref="StillRecordingAsync"/>). Null when
    /// anything does not agree.
    /// </summary>
    private async Task<ResumedConnection?> ConnectionOfAsync(string customerLeg, Guid callId, IReadOnlyList<AriChannel?> inBridge,
        IReadOnlyList<RingingLeg> ringing, CancellationToken ct)
    {
        if (inBridge.Any(c => c is null || !c.IsUp || _legs.ContainsKey(c.Id))) return null;
        ResumedConnection? agent = null;
        var parties = new List<ResumedParty>();
        try
        {
            foreach (var other in inBridge)
            {
                var reads = await Task.WhenAll(
                    ReadVariableAsync(other!.Id, TenantCallCenter.LegVariables.Role, ct),
                    ReadVariableAsync(other.Id, TenantCallCenter.LegVariables.CallId, ct),
                    ReadVariableAsync(other.Id, TenantCallCenter.LegVariables.AgentId, ct),
                    ReadVariableAsync(other.Id, TenantCallCenter.LegVariables.Muted, ct),
                    ReadVariableAsync(other.Id, TenantCallCenter.LegVariables.Number, ct)).ConfigureAwait(false);
                var (role, callText, agentText, muted, number) = (reads[0], reads[1], reads[2], reads[3] == "1", reads[4]);
                if (role == MonitoringService.MixerRole) continue; // a whispering supervisor's silent party: the session takes it back
                if (!Guid.TryParse(callText, out var legCall) || legCall != callId) return null;
                var agentId = Guid.TryParse(agentText, out var id) ? id : (Guid?)null;
                switch (role)
                {
                    case "agent" when agent is null && agentId is not null:
                        agent = new ResumedConnection(other.Id, agentId.Value, null, AgentMuted: muted);
                        break;
                    case "consult" or "guest":
                        parties.Add(new ResumedParty(other.Id, role == "consult", agentId, number, Answered: true, muted));
                        break;
                    default:
                        return null;
                }
            }
            if (agent is null) return null;
            parties.AddRange(ringing.Where(r => r.Role is "consult" or "guest")
                .Select(r => new ResumedParty(r.LegId, r.Role == "consult", r.AgentId, r.Number, Answered: false)));
            var kept = await Task.WhenAll(
                ReadVariableAsync(customerLeg, TenantCallCenter.LegVariables.AnsweredAt, ct),
                ReadVariableAsync(customerLeg, TenantCallCenter.LegVariables.Recordings, ct)).ConfigureAwait(false);
            DateTimeOffset? answeredAt = long.TryParse(kept[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
            var recordings = TenantCallCenter.LegVariables.ParseRecordings(kept[1]);
            if (recordings is { Running: true }) recordings = await StillRecordingAsync(recordings, ct).ConfigureAwait(false);
            if (recordings is { Running: true }) _recordingCalls[recordings.Started[^1].Name] = callId;
            return agent with { AnsweredAt = answeredAt, Recordings = recordings, Parties = parties };
        }
        catch (AriException ex) when (ex.IsNotFound) { return null; } // gone meanwhile
    }

    /// <summary>
    /// The running recording the caller's leg names, as Asterisk has it (GET /recordings/live): still recording, paused, or
    /// over (not found, done, failed). When Asterisk cannot say, the leg's word is kept.
    /// </summary>
    private async Task<ResumedRecordings> StillRecordingAsync(ResumedRecordings recordings, CancellationToken ct)
    {
        try
        {
            var live = await _ari.Recordings.GetLiveAsync(recordings.Started[^1].Name, ct).ConfigureAwait(false);
            return live.State switch
            {
                "recording" or "queued" => recordings with { Paused = false },
                "paused" => recordings with { Paused = true },
                "done" or "failed" or "canceled" => recordings with { Running = false, Paused = false },
                _ => recordings,
            };
        }
        catch (AriException ex) when (ex.IsNotFound) { return await StoppedOrNeverBegunAsync(recordings, ct).ConfigureAwait(false); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning("Reading live recording {Name} failed ({Message}); taken back as the caller's leg says", recordings.Started[^1].Name, ex.Message);
            return recordings;
        }
    }

    /// <summary>
    /// The last recording the caller's leg names is not live: it ended (Asterisk stored it), or it never began — the
    /// engine keeps the name on the leg before it asks Asterisk to record, so a process stopped in between leaves a name
    /// with no recording, which is dropped.
    /// </summary>
    private async Task<ResumedRecordings> StoppedOrNeverBegunAsync(ResumedRecordings recordings, CancellationToken ct)
    {
        var stopped = recordings with { Running = false, Paused = false };
        var last = recordings.Started[^1].Name;
        try
        {
            await _ari.Recordings.GetStoredAsync(last, ct).ConfigureAwait(false);
            return stopped;
        }
        catch (AriException ex) when (ex.IsNotFound)
        {
            _log.LogInformation("Recording {Name} the caller's leg names never began; not taken back", last);
            return stopped with { Started = recordings.Started.Take(recordings.Started.Count - 1).ToList() };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning("Reading stored recording {Name} failed ({Message}); taken back as ended", last, ex.Message);
            return stopped;
        }
    }

    private async Task<string> ReadVariableAsync(string channelId, string name, CancellationToken ct)
    {
        try { return await _ari.Channels.GetVariableAsync(channelId, name, ct).ConfigureAwait(false); }
        catch (AriException ex) when (ex.IsNotFound)
        {
            if (!await ChannelExistsAsync(channelId, ct).ConfigureAwait(false)) throw;
            return ""; // the variable is not set (Asterisk answers 404 for that too)
        }
    }

    private async Task<bool> ChannelExistsAsync(string channelId, CancellationToken ct)
    {
        try { await _ari.Channels.GetAsync(channelId, ct).ConfigureAwait(false); return true; }
        catch (AriException ex) when (ex.IsNotFound) { return false; }
    }

    // ------------------------------------------------------------------ AMI: devices and registrations

    private void OnAmiResync(object? sender, ResyncEventArgs e) => _ = RefreshDevicesAsync(qualifyLost: e.Reason == ResyncReason.Reconnected);

    /// <summary>
    /// Reads every PJSIP endpoint's state (PJSIPShowEndpoints) and reports the ones that changed — except endpoints a
    /// DeviceStateChange event reported while the list was on its way (<see cref="ReportListed"/>). With
    /// <paramref name="qualifyLost"/> (the AMI connection came back), an endpoint that was registered before and reads
    /// unavailable now is qualified at once (PJSIPQualify): after Asterisk restarts, the contacts it kept come back
    /// unknown until their next qualify (up to <c>qualify_frequency</c>, 30 s in our templates), and meanwhile the
    /// agents' phones could not be rung although they are there. The answer arrives as ContactStatus, read as usual.
    /// </summary>
    public async Task RefreshDevicesAsync(CancellationToken ct = default, bool qualifyLost = false)
    {
        if (_ami is null) return;
        var asOf = DeviceEventCount();
        var before = Devices;
        List<string> lost = [];
        try
        {
            foreach (var ep in await _ami.PjsipShowEndpointsAsync(ct).ConfigureAwait(false))
            {
                var endpoint = "PJSIP/" + ep.ObjectName;
                ReportListed(endpoint, ep.DeviceState, asOf);
                if (qualifyLost && before.GetValueOrDefault(endpoint)?.Registered == true && !ToDeviceStatus(endpoint, ep.DeviceState).Registered)
                    lost.Add(ep.ObjectName);
            }
        }
        catch (Exception ex)
        {
            _log.LogWarning("Reading PJSIP endpoints over AMI failed: {Message}", ex.Message);
        }
        foreach (var name in lost)
        {
            try { await _ami.SendActionAsync(new AmiAction("PJSIPQualify").Add("Endpoint", name), ct).ConfigureAwait(false); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogDebug("Qualifying PJSIP endpoint {Endpoint} failed: {Message}", name, ex.Message);
            }
        }
        if (lost.Count > 0) _log.LogInformation("Asked Asterisk to qualify {Count} endpoints that were registered before the AMI connection came back", lost.Count);
    }

    /// <summary>Reads one PJSIP endpoint's state (PJSIPShowEndpoint) after a registration came or went.</summary>
    private async Task RefreshDeviceAsync(string endpointName)
    {
        if (_ami is null) return;
        var asOf = DeviceEventCount();
        try
        {
            var list = await _ami.SendEventListActionAsync(new AmiAction("PJSIPShowEndpoint").Add("Endpoint", endpointName)).ConfigureAwait(false);
            if (list.Events.FirstOrDefault(e => e.IsEventNamed("EndpointDetail"))?["DeviceState"] is { } state)
                ReportListed("PJSIP/" + endpointName, state, asOf);
        }
        catch (Exception ex)
        {
            _log.LogWarning("Reading PJSIP endpoint {Endpoint} over AMI failed: {Message}", endpointName, ex.Message);
        }
    }

    private long DeviceEventCount() { lock (_deviceGate) return _deviceEventCount; }

    /// <summary>
    /// A state read by an action, reported unless a DeviceStateChange event for the endpoint came after the read began
    /// (event number above <paramref name="asOf"/>): the answer may predate the event (a registration raises
    /// ContactStatus, which starts a read, before Asterisk's device-state thread has the new state), and the answer and
    /// the event reach the adapter on different threads. Without this a stale "Unavailable" could overwrite
    /// "registered" for good, leaving the agent Not Ready (Device unavailable) on a registered phone.
    /// </summary>
    private void ReportListed(string endpoint, string? state, long asOf)
    {
        lock (_deviceGate)
        {
            if (_deviceEventAt.TryGetValue(endpoint, out var at) && at > asOf) return;
            ReportDevice(endpoint, state);
        }
    }

    /// <summary>
    /// Asterisk refused to create a channel to a device (ARI originate: "Allocation failed"): whatever state was reported
    /// before (a phone that re-registered while Asterisk still holds its contact unavailable), the device cannot be rung
    /// now. Reported as not registered, so the device state Asterisk publishes once it can ring it again is a change and
    /// reaches the call center. Only a plain device (<c>PJSIP/name</c>), never a number dialled through a trunk.
    /// </summary>
    private void ReportRefusedDevice(string endpoint)
    {
        if (!endpoint.StartsWith("PJSIP/", StringComparison.OrdinalIgnoreCase) || endpoint.Contains('@', StringComparison.Ordinal)) return;
        lock (_deviceGate)
        {
            _deviceEventAt[endpoint] = ++_deviceEventCount; // a list read before this refusal must not undo it
            ReportDevice(endpoint, "UNAVAILABLE");
        }
        _ = RecheckRefusedDeviceAsync(endpoint["PJSIP/".Length..]);
    }

    private async Task RecheckRegisteredDeviceAsync(string endpointName)
    {
        await Task.Delay(_options.RegisteredContactRecheck, _time).ConfigureAwait(false);
        await RefreshDeviceAsync(endpointName).ConfigureAwait(false);
    }

    private async Task RecheckRefusedDeviceAsync(string endpointName)
    {
        await Task.Delay(_options.RefusedDeviceRecheck, _time).ConfigureAwait(false);
        await RefreshDeviceAsync(endpointName).ConfigureAwait(false);
    }

    private ValueTask OnAmiEventAsync(AmiMessage m, CancellationToken ct)
    {
        if (m.IsEventNamed("DeviceStateChange"))
        {
            if (m["Device"] is { } device && device.StartsWith("PJSIP/", StringComparison.OrdinalIgnoreCase))
                lock (_deviceGate)
                {
                    _deviceEventAt[device] = ++_deviceEventCount;
                    ReportDevice(device, m["State"]);
                }
        }
        else if (m.IsEventNamed("ContactStatus") && m["EndpointName"] is { Length: > 0 } endpointName)
        {
            // A registration came or went; the endpoint's device state follows, read it now rather than wait (that
            // endpoint only: with a thousand phones re-registering, reading every endpoint each time would not scale).
            _ = RefreshDeviceAsync(endpointName);
            if (m["ContactStatus"] is "Created" or "Reachable" or "NonQualified") _ = RecheckRegisteredDeviceAsync(endpointName);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Device states: UNAVAILABLE/INVALID = not registered; INUSE/BUSY/RINGING/RINGINUSE/ONHOLD = in use.</summary>
    public static DeviceStatus ToDeviceStatus(string endpoint, string? state)
    {
        var s = (state ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
        var registered = s is not ("UNAVAILABLE" or "INVALID" or "");
        var inUse = s is "INUSE" or "BUSY" or "RINGING" or "RINGINUSE" or "ONHOLD";
        return new DeviceStatus(endpoint, registered, inUse);
    }

    private void ReportDevice(string endpoint, string? state)
    {
        var status = ToDeviceStatus(endpoint, state);
        _log.LogDebug("Device {Endpoint}: {State}", endpoint, state);
        if (_devices.TryGetValue(endpoint, out var previous) && previous == status) return;
        _devices[endpoint] = status;
        try { _handler?.OnDeviceChanged(status); }
        catch (Exception ex) { _log.LogError(ex, "OnDeviceChanged handler threw for {Endpoint}", endpoint); }
    }

    // Device reports are made under this lock, in order: an event's report and a list's check-and-report never interleave.
    private readonly object _deviceGate = new();
    private readonly Dictionary<string, long> _deviceEventAt = new(StringComparer.OrdinalIgnoreCase); // endpoint → event number
    private long _deviceEventCount;

    /// <summary>Last known state of each PJSIP endpoint seen over AMI.</summary>
    public IReadOnlyDictionary<string, DeviceStatus> Devices => new Dictionary<string, DeviceStatus>(_devices, StringComparer.OrdinalIgnoreCase);
}
