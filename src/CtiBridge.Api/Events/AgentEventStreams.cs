using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Hubs;
using CtiBridge.Application.Events;
using System.Text.Json;
using CtiBridge.Application.Cluster;
using Microsoft.AspNetCore.SignalR;

namespace CtiBridge.Api.Events;

/// <summary>
/// One event as a client receives it: the <see cref="Epoch"/> of its numbering (new at every process start; with Redis,
/// per tenant and kept across restarts and takeovers),
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
    private readonly IHubContext<AgentHub> _hub;
    private readonly CallCenterDirectory _directory;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentEventStreams> _log;
    private readonly Contacts.ScreenPopEnricher? _screenPops;
    private readonly SkillGroupBroadcaster _statistics;
    private readonly List<ICallCenterEventObserver> _observers = new();
    private readonly Dictionary<Guid, HashSet<Guid>> _callAgents = new(); // dispatcher thread only

    private readonly Histogram<double> _fanoutDuration;
    private readonly IEventStreamStore? _store;
    private readonly ITenantFence? _fence;
    private readonly JsonSerializerOptions _json;

    public AgentEventStreams(IHubContext<AgentHub> hub, CallCenterDirectory directory, TimeProvider time, ILogger<AgentEventStreams> log,
        IMeterFactory meters, SkillGroupBroadcaster statistics, Contacts.ScreenPopEnricher? screenPops = null,
        IEventStreamStore? store = null, ITenantFence? fence = null,
        Microsoft.Extensions.Options.IOptions<JsonHubProtocolOptions>? json = null)
    {
        _store = store;
        _fence = fence;
        _json = json?.Value.PayloadSerializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
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

    /// <summary>
    /// A random id of this process's event numbering: a client seeing another epoch knows it missed everything. With a
    /// store (Redis) each tenant has its own epoch, kept in the store, so the next holder of the tenant continues it.
    /// </summary>
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
        foreach (var (user, envelope) in await NumberAsync(e, recipients, now, shared).ConfigureAwait(false))
            sends.Add(_hub.Clients.Group(UserGroup(e.TenantId, user)).SendAsync(e.Name, envelope));
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

    /// <summary>
    /// The epoch, and the user's last sequence number (0 when none), read together: a snapshot is current at that number.
    /// </summary>
    public async ValueTask<(string Epoch, long Seq)> CurrentAsync(Guid tenantId, Guid userId)
    {
        var t = await TenantAsync(tenantId).ConfigureAwait(false);
        return t.Current(userId);
    }

    /// <summary>
    /// The tenant's current epoch, and the events after <paramref name="lastSeq"/> when <paramref name="epoch"/> is that
    /// epoch and they are all still buffered; null events when the client must take a snapshot instead.
    /// </summary>
    public async ValueTask<(string Epoch, IReadOnlyList<EventEnvelope>? Missed)> SinceAsync(Guid tenantId, Guid userId, string? epoch, long lastSeq)
    {
        var t = await TenantAsync(tenantId).ConfigureAwait(false);
        return t.Since(userId, epoch, lastSeq, _time.GetUtcNow());
    }

    // ---- Tenants' streams: in memory, or loaded from and written through to the store (Redis) --------------------

    private readonly ConcurrentDictionary<Guid, Lazy<Task<TenantStreams>>> _tenants = new();

    /// <summary>How long loading a tenant's streams from the store, or storing one event's envelopes, may take.</summary>
    public TimeSpan StoreTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether a store (Redis) is configured.</summary>
    public bool HasStore => _store is not null;

    /// <summary>Since when, and why, some tenant's streams are kept in memory only although a store is configured (null: none).</summary>
    public (DateTimeOffset Since, string Reason, int Tenants)? MemoryOnly
    {
        get
        {
            var degraded = _tenants.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully && l.Value.Result.FallbackSince is not null)
                .Select(l => l.Value.Result).ToList();
            if (degraded.Count == 0) return null;
            var first = degraded.MinBy(t => t.FallbackSince)!;
            return (first.FallbackSince!.Value, first.FallbackReason ?? "", degraded.Count);
        }
    }

    /// <summary>The tenants whose streams are written to the store now.</summary>
    public int PersistedTenants =>
        _tenants.Values.Count(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully && l.Value.Result.Persisted);

    private ValueTask<TenantStreams> TenantAsync(Guid tenantId)
    {
        if (_store is null)
        {
            // No store: every tenant's streams live in memory under the process's epoch, as always.
            var lazy = _tenants.GetOrAdd(tenantId, _ => new Lazy<Task<TenantStreams>>(() => Task.FromResult(new TenantStreams(Epoch, 0, persisted: false))));
            return new ValueTask<TenantStreams>(lazy.Value);
        }
        if (_tenants.TryGetValue(tenantId, out var known) && known.Value.IsCompletedSuccessfully) return new ValueTask<TenantStreams>(known.Value.Result);
        // Several nodes: only the lease holder numbers a tenant's events; anything else (a tenant not held) stays local
        // and is not kept, so that the holder loads the stored numbering once it acts.
        var fence = _fence is null ? 0 : _fence.ActingEpoch(tenantId);
        if (fence is null) return new ValueTask<TenantStreams>(new TenantStreams(NewEpoch(), 0, persisted: false));
        var loading = _tenants.GetOrAdd(tenantId, id => new Lazy<Task<TenantStreams>>(() => LoadAsync(id, fence.Value)));
        return new ValueTask<TenantStreams>(loading.Value);
    }

    private async Task<TenantStreams> LoadAsync(Guid tenantId, long fence)
    {
        try
        {
            // On the thread pool: connecting to Redis may block its caller before returning a task; the timeout bounds it all.
            var stored = await Task.Run(() => _store!.LoadAsync(tenantId, fence, NewEpoch(), CancellationToken.None)).WaitAsync(StoreTimeout).ConfigureAwait(false);
            var t = new TenantStreams(stored.Epoch, fence, persisted: true);
            var now = _time.GetUtcNow();
            foreach (var (user, (seq, envelopes)) in stored.Users) t.User(user).Restore(seq, envelopes, now);
            _log.LogInformation("Event streams of tenant {Tenant} loaded from Redis: epoch {Epoch}, {Users} users", tenantId, stored.Epoch, stored.Users.Count);
            return t;
        }
        catch (Exception ex)
        {
            var t = new TenantStreams(NewEpoch(), fence, persisted: false);
            t.FallBack(_time.GetUtcNow(), "could not load them from Redis: " + ex.GetBaseException().Message);
            _log.LogWarning(ex, "Event streams of tenant {Tenant} kept in memory only (Redis not answering): toolbars resync at a takeover", tenantId);
            return t;
        }
    }

    private static string NewEpoch() => Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// Numbers one event for its recipients: stored first (when the tenant's streams are persisted), so that what a
    /// client is sent is always in the store and the next holder continues from it; a store that fails or is late turns
    /// the tenant's streams to memory only under a new epoch (its toolbars resync once), and the event goes on.
    /// </summary>
    private async Task<List<(Guid User, EventEnvelope Envelope)>> NumberAsync(CallCenterEvent e, IEnumerable<Guid> recipients,
        DateTimeOffset now, SharedEventJson shared)
    {
        var t = await TenantAsync(e.TenantId).ConfigureAwait(false);
        if (t.MayReattach(now)) await ReattachAsync(e.TenantId, t, now).ConfigureAwait(false);
        var users = recipients as IReadOnlyCollection<Guid> ?? recipients.ToList();
        var numbered = new List<(Guid, EventEnvelope)>(users.Count);
        if (t.Persisted && users.Count > 0)
        {
            foreach (var user in users)
                numbered.Add((user, new EventEnvelope(t.Epoch, t.User(user).Seq + 1, e.Name, now, e) { Shared = shared }));
            try
            {
                var stored = numbered.Select(x => new StoredEnvelope(x.Item1, x.Item2.Seq, now, JsonSerializer.SerializeToUtf8Bytes(x.Item2, _json))).ToList();
                await _store!.AppendAsync(e.TenantId, t.Fence, t.Epoch, stored, CancellationToken.None).WaitAsync(StoreTimeout).ConfigureAwait(false);
                foreach (var (user, envelope) in numbered) t.User(user).Add(envelope, now);
                return numbered;
            }
            catch (Exception ex)
            {
                numbered.Clear();
                t.FallBack(now, "Redis did not store an event: " + ex.GetBaseException().Message);
                _log.LogWarning(ex, "Redis did not store an event of tenant {Tenant}: its event streams are kept in memory only from now on, under a new epoch (toolbars resync once)", e.TenantId);
            }
        }
        foreach (var user in users) numbered.Add((user, t.User(user).Append(t.Epoch, e, now, shared)));
        return numbered;
    }

    /// <summary>How often a tenant whose streams fell back to memory tries to write them back to Redis (at its next event).</summary>
    public static readonly TimeSpan ReattachInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// On the dispatcher, between two events (so nothing is numbered meanwhile): writes a tenant's in-memory streams back to
    /// Redis under their current epoch and keeps them there from then on. Fails quietly: the next try is a while later.
    /// </summary>
    private async Task ReattachAsync(Guid tenantId, TenantStreams t, DateTimeOffset now)
    {
        t.Attempted(now);
        try
        {
            var (epoch, users) = t.Export(now);
            var stored = users.Select(u => new StoredUserStream(u.User, u.Seq, u.Envelopes.Select(x => JsonSerializer.SerializeToUtf8Bytes(x, _json)).ToList())).ToList();
            await _store!.ReplaceAsync(tenantId, t.Fence, epoch, stored, CancellationToken.None).WaitAsync(StoreTimeout).ConfigureAwait(false);
            t.Reattached();
            _log.LogInformation("Event streams of tenant {Tenant} written back to Redis (epoch {Epoch}, {Users} users): kept there again", tenantId, epoch, users.Count);
        }
        catch (Exception ex)
        {
            _log.LogDebug(ex, "Event streams of tenant {Tenant} not written back to Redis yet", tenantId);
        }
    }

    private sealed class TenantStreams(string epoch, long fence, bool persisted)
    {
        private DateTimeOffset _lastAttempt;

        /// <summary>Its streams belong in the store (a holder's), fell back to memory, and the last try is a while ago.</summary>
        public bool MayReattach(DateTimeOffset now) => !Persisted && FallbackSince is not null && now - _lastAttempt >= ReattachInterval;

        public void Attempted(DateTimeOffset now) => _lastAttempt = now;

        public (string Epoch, List<(Guid User, long Seq, IReadOnlyList<EventEnvelope> Envelopes)> Users) Export(DateTimeOffset now)
        {
            lock (_gate)
                return (_epoch, _users.Select(kv => (kv.Key, kv.Value.Seq, kv.Value.Buffered(now))).ToList());
        }

        public void Reattached()
        {
            lock (_gate)
            {
                Persisted = true;
                FallbackSince = null;
                FallbackReason = null;
            }
        }

        private readonly ConcurrentDictionary<Guid, UserStream> _users = new();
        private volatile string _epoch = epoch;
        private readonly object _gate = new();

        public string Epoch => _epoch;
        public long Fence { get; } = fence;
        public bool Persisted { get; private set; } = persisted;
        public DateTimeOffset? FallbackSince { get; private set; }
        public string? FallbackReason { get; private set; }

        public UserStream User(Guid userId) => _users.GetOrAdd(userId, _ => new UserStream());

        public (string Epoch, long Seq) Current(Guid userId)
        {
            lock (_gate) return (_epoch, User(userId).Seq);
        }

        public (string Epoch, IReadOnlyList<EventEnvelope>? Missed) Since(Guid userId, string? epoch, long lastSeq, DateTimeOffset now)
        {
            lock (_gate)
                return (_epoch, string.Equals(epoch, _epoch, StringComparison.Ordinal) ? User(userId).Since(lastSeq, now) : null);
        }

        /// <summary>Memory only from now on, under a new epoch, numbering from 1 again (a client of the old epoch resyncs).</summary>
        public void FallBack(DateTimeOffset now, string reason)
        {
            lock (_gate)
            {
                if (Persisted) _epoch = NewEpoch();
                Persisted = false;
                FallbackSince ??= now;
                FallbackReason = reason;
                _lastAttempt = now; // not at the very next event: Redis has just failed
                foreach (var u in _users.Values) u.Reset();
            }
        }
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
                var envelope = new EventEnvelope(epoch, _seq + 1, e.Name, now, e) { Shared = shared };
                AddLocked(envelope, now);
                return envelope;
            }
        }

        /// <summary>Adds an envelope numbered (and stored) already: its seq is the next one.</summary>
        public void Add(EventEnvelope envelope, DateTimeOffset now)
        {
            lock (_buffer) AddLocked(envelope, now);
        }

        private void AddLocked(EventEnvelope envelope, DateTimeOffset now)
        {
            _seq = envelope.Seq;
            _buffer.Enqueue(envelope);
            while (_buffer.Count > BufferSize || (_buffer.Count > 0 && now - _buffer.Peek().At > BufferAge)) _buffer.Dequeue();
        }

        /// <summary>The stream as a previous holder left it in the store.</summary>
        public void Restore(long seq, IReadOnlyList<EventEnvelope> envelopes, DateTimeOffset now)
        {
            lock (_buffer)
            {
                _buffer.Clear();
                foreach (var envelope in envelopes.Where(x => x.Seq <= seq).OrderBy(x => x.Seq)) _buffer.Enqueue(envelope);
                _seq = seq;
                while (_buffer.Count > BufferSize || (_buffer.Count > 0 && now - _buffer.Peek().At > BufferAge)) _buffer.Dequeue();
            }
        }

        public IReadOnlyList<EventEnvelope> Buffered(DateTimeOffset now)
        {
            lock (_buffer)
            {
                while (_buffer.Count > 0 && now - _buffer.Peek().At > BufferAge) _buffer.Dequeue();
                return _buffer.ToList();
            }
        }

        public void Reset()
        {
            lock (_buffer) { _buffer.Clear(); _seq = 0; }
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
                // A restored buffer may lack a stored envelope (trimmed): replay only an unbroken run.
                var missed = _buffer.Where(x => x.Seq > lastSeq).ToList();
                for (var i = 0; i < missed.Count; i++) if (missed[i].Seq != lastSeq + 1 + i) return null;
                return missed;
            }
        }
    }
}
