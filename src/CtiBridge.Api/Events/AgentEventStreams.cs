using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Hubs;
using CtiBridge.Application.Events;
using Microsoft.AspNetCore.SignalR;

namespace CtiBridge.Api.Events;

/// <summary>
/// One event as a client receives it: the server's <see cref="Epoch"/> (new at every process start),
/// the recipient's own sequence number <see cref="Seq"/> (1, 2, 3 … per user and epoch), the event
/// <see cref="Name"/> (also the SignalR method name) and its <see cref="Data"/> (the event record).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(EventEnvelopeJsonConverter))]
public sealed record EventEnvelope(string Epoch, long Seq, string Name, DateTimeOffset At, object Data)
{
    /// <summary>The data's JSON shared by every recipient of the event (null: serialized for this envelope alone).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SharedEventJson? Shared { get; init; }
}

/// <summary>Something else that wants every call-center event after routing (webhooks).</summary>
public interface ICallCenterEventObserver
{
    /// <summary>Called on the dispatcher thread, in order; must not block.</summary>
    void OnEvent(CallCenterEvent e);
}

/// <summary>
/// The engine's event sink. <see cref="Publish"/> only enqueues (it is called under a tenant's lock);
/// one background loop (<see cref="RunAsync"/>) routes each event to its recipients (the agents it
/// names, their supervisors, everyone of the tenant for PBX state), appends it to each recipient's
/// resumable stream (own sequence number, ring buffer of the last <see cref="BufferSize"/> events or
/// <see cref="BufferAge"/>), and sends it over SignalR to the recipient's group
/// <c>agent:&lt;tenant&gt;:&lt;user&gt;</c>. Skill-group statistics are the exception: one
/// <see cref="SkillGroupMessage"/> to the group's subscribers (<see cref="SkillGroupSubscriptions"/>), in no
/// stream, handed to the <see cref="SkillGroupBroadcaster"/> so the events behind them do not wait for their sends.
/// Nothing crosses tenants: recipients are looked up inside the event's tenant only, and every SignalR group name
/// carries the tenant.
/// </summary>
public sealed class AgentEventStreams : ICallCenterEventSink
{
    public const int BufferSize = 500;
    public static readonly TimeSpan BufferAge = TimeSpan.FromMinutes(10);

    private readonly Channel<(CallCenterEvent Event, long Ticks)> _queue =
        Channel.CreateUnbounded<(CallCenterEvent, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<(Guid Tenant, Guid User), UserStream> _streams = new();
    private readonly IHubContext<AgentHub> _hub;
    private readonly CallCenterDirectory _directory;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentEventStreams> _log;
    private readonly Contacts.ScreenPopEnricher? _screenPops;
    private readonly SkillGroupBroadcaster _statistics;
    private readonly List<ICallCenterEventObserver> _observers = new();
    private readonly Dictionary<Guid, HashSet<Guid>> _callAgents = new(); // dispatcher thread only

    private readonly Histogram<double> _fanoutDuration;

    public AgentEventStreams(IHubContext<AgentHub> hub, CallCenterDirectory directory, TimeProvider time, ILogger<AgentEventStreams> log,
        IMeterFactory meters, SkillGroupBroadcaster statistics, Contacts.ScreenPopEnricher? screenPops = null)
    {
        _statistics = statistics;
        _screenPops = screenPops;
        _hub = hub;
        _directory = directory;
        _time = time;
        _log = log;
        _fanoutDuration = meters.Create(MeterName).CreateHistogram("ctibridge.events.fanout.duration", "s",
            "Time from the engine publishing an event to the end of its sends to every recipient's connections.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    /// <summary>The meter of the event fan-out (<c>ctibridge.events.fanout.duration</c>, labelled <c>event</c>).</summary>
    public const string MeterName = "CtiBridge.Events";

    /// <summary>A random id of this process's event numbering: a client seeing another epoch knows it missed everything.</summary>
    public string Epoch { get; } = Guid.NewGuid().ToString("N")[..16];

    /// <summary>Events waiting to be dispatched.</summary>
    public int Backlog => Volatile.Read(ref _backlog);

    // A single-reader unbounded channel cannot count its items: keep the count here.
    private int _backlog;

    /// <summary>
    /// Raised after an event was sent, with the time from <see cref="Publish"/> to the end of its sends (benchmarks): on
    /// the dispatcher's thread, except for skill-group statistics, sent beside it (<see cref="SkillGroupBroadcaster"/>).
    /// </summary>
    public event Action<CallCenterEvent, TimeSpan>? Dispatched;

    public void AddObserver(ICallCenterEventObserver observer) { lock (_observers) _observers.Add(observer); }

    public void Publish(CallCenterEvent e)
    {
        if (_queue.Writer.TryWrite((e, Stopwatch.GetTimestamp()))) Interlocked.Increment(ref _backlog);
    }

    /// <summary>The SignalR group of one user's stream.</summary>
    public static string UserGroup(Guid tenantId, Guid userId) => $"agent:{tenantId:D}:{userId:D}";

    /// <summary>The SignalR group of a tenant.</summary>
    public static string TenantGroup(Guid tenantId) => $"tenant:{tenantId:D}";

    /// <summary>The dispatcher loop.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    Interlocked.Decrement(ref _backlog);
                    var sentHere = true;
                    try { sentHere = await DispatchAsync(item.Event, item.Ticks).ConfigureAwait(false); }
                    catch (Exception ex) { _log.LogError(ex, "Dispatching {Event} failed", item.Event.Name); }
                    if (sentHere) Sent(item.Event, Stopwatch.GetElapsedTime(item.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    // The one point where fan-out latency is measured: publish → every recipient's send done.
    private void Sent(CallCenterEvent e, TimeSpan elapsed)
    {
        _fanoutDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("event", e.Name));
        if (Dispatched is not { } listeners) return;
        // One failing listener must neither stop the dispatcher (every later event would be lost) nor the others.
        foreach (var listener in listeners.GetInvocationList().Cast<Action<CallCenterEvent, TimeSpan>>())
        {
            try { listener(e, elapsed); }
            catch (Exception ex) { _log.LogWarning(ex, "A Dispatched listener failed"); }
        }
    }

    /// <summary>Routes and sends one event; false when its sends were handed on and <see cref="Sent"/> is called later.</summary>
    private async Task<bool> DispatchAsync(CallCenterEvent e, long publishedAt)
    {
        var now = _time.GetUtcNow();
        var recipients = _directory.RecipientsOf(e);
        if (CallOf(e) is { } callId)
        {
            // Everyone who ever took part hears of the call's end, even after they left it (the engine's
            // audience lists only present parties, and by then the agent who hung up is gone).
            if (!_callAgents.TryGetValue(callId, out var took)) _callAgents[callId] = took = new HashSet<Guid>();
            took.UnionWith(e.Agents);
            if (e is ParticipantsChangedEvent { Party.AgentId: { } joined }) took.Add(joined);
            if (e is CallEndedEvent)
            {
                _callAgents.Remove(callId);
                var all = new CallEndedEvent(e.TenantId, ((CallEndedEvent)e).Call, took.ToList(), ((CallEndedEvent)e).Reason);
                e = all;
                recipients = _directory.RecipientsOf(all);
            }
        }
        ICallCenterEventObserver[] observers;
        lock (_observers) observers = _observers.ToArray();
        foreach (var o in observers)
        {
            try { o.OnEvent(e); }
            catch (Exception ex) { _log.LogWarning(ex, "Event observer {Observer} failed", o.GetType().Name); }
        }

        // The screen pop travels in the offer (after the observers: webhooks do not carry the agent's contacts).
        if (e is CallOfferedEvent offered && _screenPops is not null) e = await _screenPops.EnrichAsync(offered).ConfigureAwait(false);

        if (e is SkillGroupStatsChangedEvent stats)
        {
            // Full current figures, coalesced by the engine to one per group per 250 ms: a lost one is repaired by the
            // next, so they need no sequence number and no replay. One send to the group serializes the message once,
            // beside this queue, so the per-user events behind it do not wait for its thousand writes.
            _statistics.Post(stats, new SkillGroupMessage(e.Name, now, e), publishedAt, elapsed => Sent(stats, elapsed));
            return false;
        }

        // All recipients' sends start at once (one slow connection holds back nobody else) and the next event waits
        // for them all, which keeps every connection's events in order. Each user's connections are one group.
        var shared = new SharedEventJson(e);
        var sends = new List<Task>();
        foreach (var user in recipients)
        {
            var envelope = StreamOf(e.TenantId, user).Append(Epoch, e, now, shared);
            sends.Add(_hub.Clients.Group(UserGroup(e.TenantId, user)).SendAsync(e.Name, envelope));
        }
        await Task.WhenAll(sends).ConfigureAwait(false);
        return true;
    }

    private static Guid? CallOf(CallCenterEvent e) => e switch
    {
        CallOfferedEvent o => o.Call.CallId,
        CallStateChangedEvent c => c.Call.CallId,
        ParticipantsChangedEvent p => p.Call.CallId,
        CallEndedEvent x => x.Call.CallId,
        _ => null,
    };

    private UserStream StreamOf(Guid tenantId, Guid userId) => _streams.GetOrAdd((tenantId, userId), _ => new UserStream());

    /// <summary>The last sequence number given to the user (0 when none).</summary>
    public long CurrentSeq(Guid tenantId, Guid userId) => StreamOf(tenantId, userId).Seq;

    /// <summary>
    /// The events after <paramref name="lastSeq"/> when the epoch matches and they are all still
    /// buffered; null when the client must take a snapshot instead.
    /// </summary>
    public IReadOnlyList<EventEnvelope>? Since(Guid tenantId, Guid userId, string? epoch, long lastSeq)
    {
        if (!string.Equals(epoch, Epoch, StringComparison.Ordinal)) return null;
        return StreamOf(tenantId, userId).Since(lastSeq, _time.GetUtcNow());
    }

    private sealed class UserStream
    {
        private readonly Queue<EventEnvelope> _buffer = new();
        private long _seq;

        public long Seq { get { lock (_buffer) return _seq; } }

        public EventEnvelope Append(string epoch, CallCenterEvent e, DateTimeOffset now, SharedEventJson shared)
        {
            lock (_buffer)
            {
                var envelope = new EventEnvelope(epoch, ++_seq, e.Name, now, e) { Shared = shared };
                _buffer.Enqueue(envelope);
                while (_buffer.Count > BufferSize || (_buffer.Count > 0 && now - _buffer.Peek().At > BufferAge)) _buffer.Dequeue();
                return envelope;
            }
        }

        public IReadOnlyList<EventEnvelope>? Since(long lastSeq, DateTimeOffset now)
        {
            lock (_buffer)
            {
                while (_buffer.Count > 0 && now - _buffer.Peek().At > BufferAge) _buffer.Dequeue();
                if (lastSeq < 0 || lastSeq > _seq) return null;
                if (lastSeq == _seq) return [];
                var oldest = _buffer.Count == 0 ? _seq + 1 : _buffer.Peek().Seq;
                if (lastSeq + 1 < oldest) return null; // the gap is older than the buffer
                return _buffer.Where(x => x.Seq > lastSeq).ToList();
            }
        }
    }
}
