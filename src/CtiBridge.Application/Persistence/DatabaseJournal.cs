using System.Collections.Concurrent;
using System.Threading.Channels;
using CtiBridge.Application.DialTasks;
using CtiBridge.Application.Events;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DomainStateChange = CtiBridge.Domain.Agents.AgentStateChange;
using RecordingStartedEvent = CtiBridge.Application.Events.RecordingStarted;
using RecordingStoppedEvent = CtiBridge.Application.Events.RecordingStopped;

namespace CtiBridge.Application.Persistence;

/// <summary>
/// Stores what the call center journals — agent state changes, finished calls (record, legs,
/// attached data) and recordings — without ever blocking the engine: every item goes into a large
/// bounded channel (or, should it ever be full, an overflow queue, with a warning), and one
/// background writer (<see cref="RunAsync"/>) saves them in batches. Nothing is dropped.
/// Recordings are written when they start (with a provisional record of their call while it is live) and get their
/// end when they stop or their call ends.
/// Agents' sessions (<see cref="AgentSessionChanged"/>) are kept apart, the latest per agent only (an
/// older one not yet written is replaced), and the same writer upserts them after each batch
/// (<see cref="AgentSessionRows"/>); what is left is written when the writer stops.
/// </summary>
public sealed class DatabaseJournal : ICallCenterJournal
{
    /// <summary>Items the channel holds before new ones spill into the overflow queue.</summary>
    public const int Capacity = 100_000;
    private const int BatchSize = 256;

    private readonly Channel<object> _channel = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly ConcurrentQueue<object> _overflow = new();
    private readonly object _sessionsGate = new();
    private Dictionary<Guid, AgentSessionSnapshot> _sessions = new(); // latest per agent, not yet written
    private bool _sessionsWake; // a wake-up is in the channel for them
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<DatabaseJournal> _log;
    private long _overflowed;
    private long _written;
    private long _failed;
    private long _lastOverflowWarning;

    public DatabaseJournal(IServiceScopeFactory scopes, ILogger<DatabaseJournal> log) : this(scopes, log, DefaultShutdownWait) { }

    /// <param name="shutdownWait">How long the writer still waits for an unreachable database once it is asked to stop.</param>
    public DatabaseJournal(IServiceScopeFactory scopes, ILogger<DatabaseJournal> log, TimeSpan shutdownWait)
    {
        _scopes = scopes;
        _log = log;
        _shutdownWait = shutdownWait;
    }

    private readonly TimeSpan _shutdownWait;

    /// <summary>
    /// Raised (on the writer's thread; keep it short) after finished calls were stored: the tenant and the skill groups
    /// of those calls. Supervision recomputes the groups' figures of the day from the stored records.
    /// </summary>
    public event Action<Guid, IReadOnlyCollection<Guid>>? CallRecordsStored;

    /// <summary>Items waiting to be written.</summary>
    public int Backlog
    {
        get { lock (_sessionsGate) return _channel.Reader.Count + _overflow.Count + _sessions.Count; }
    }
    /// <summary>How many items ever spilled into the overflow queue (the channel was full): a sign the database is too slow.</summary>
    public long Overflowed => Interlocked.Read(ref _overflowed);
    /// <summary>Items written.</summary>
    public long Written => Interlocked.Read(ref _written);
    /// <summary>Items that could not be written (logged with their error).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Items and sessions not written because this node no longer held their tenant's lease (<see cref="Fence"/>).</summary>
    public long Refused => Interlocked.Read(ref _refused);
    private long _refused;

    /// <summary>
    /// Set when several nodes run (docs/architecture.md, "Several nodes"): each write of a tenant's items or sessions
    /// then runs in a transaction that first checks, in the database, that this node still holds the tenant's lease at
    /// the epoch it acts on; a write from a node that lost it is refused and dropped (the new holder owns that state).
    /// </summary>
    public Cluster.ITenantFence? Fence { get; set; }

    private sealed class StaleLeaseException(Guid tenantId) : Exception($"This node does not hold the lease of tenant {tenantId}.");

    /// <summary>Runs <paramref name="write"/> (which saves on <paramref name="db"/>) behind the fence when there is one.</summary>
    /// <param name="atomic">In one transaction also without a fence (a write that saves more than once).</param>
    private async Task FencedAsync(CtiDbContext db, Guid tenantId, Func<Task> write, CancellationToken ct, bool atomic = false)
    {
        var fence = Fence;
        if (fence is null && !atomic) { await write().ConfigureAwait(false); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (fence is not null && (fence.ActingEpoch(tenantId) is not { } epoch
            || !await new Data.Cluster.TenantLeaseStore(db).HoldsAsync(tenantId, epoch, fence.NodeId, ct).ConfigureAwait(false)))
            throw new StaleLeaseException(tenantId);
        await write().ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    public void AgentStateChanged(DomainStateChange change) => Enqueue(change);

    public void CallEnded(CallRecordReady record) => Enqueue(record);

    public void RecordingStarted(RecordingStartedEvent recording) => Enqueue(recording);

    public void RecordingStopped(RecordingStoppedEvent recording) => Enqueue(recording);

    /// <summary>Read now (the call goes on changing), written as the call's provisional record.</summary>
    public void CallInProgress(CallRecordReady call) => Enqueue(new ProvisionalCall(ToRecord(call), NotesOf(call.Call)));

    public void PbxCallsReported(LiveCallsReported live) => Enqueue(live);

    /// <summary>A live call's record as it was when journaled (no end yet), with its agents' notes.</summary>
    private sealed record ProvisionalCall(CallRecord Record, IReadOnlyList<CallAgentDisposition> Notes);

    /// <summary>How many calls were found ended unseen (<see cref="CallEndReason.EndedUnseen"/>) and their records ended.</summary>
    public long EndedUnseen => Interlocked.Read(ref _endedUnseen);
    private long _endedUnseen;

    /// <summary>Keeps the agent's latest session for the writer (replacing one not yet written: the last write wins).</summary>
    public void AgentSessionChanged(AgentSessionSnapshot session)
    {
        bool wake;
        lock (_sessionsGate)
        {
            _sessions[session.AgentId] = session;
            wake = !_sessionsWake;
            _sessionsWake = true;
        }
        if (wake) _channel.Writer.TryWrite(Wake.Instance); // best effort: a full channel means the writer is busy and writes them after its batch
    }

    /// <summary>Completes once everything journaled before the call is written.</summary>
    public Task FlushAsync(CancellationToken ct = default)
    {
        var marker = new FlushMarker();
        Enqueue(marker);
        return marker.Done.Task.WaitAsync(ct);
    }

    private void Enqueue(object item)
    {
        if (_overflow.IsEmpty && _channel.Writer.TryWrite(item)) return;
        _overflow.Enqueue(item);
        var n = Interlocked.Increment(ref _overflowed);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastOverflowWarning);
        if (now - last > 10_000 && Interlocked.CompareExchange(ref _lastOverflowWarning, now, last) == last)
            _log.LogWarning("Journal backlog is over {Capacity} items ({Overflowed} spilled so far): the database is not keeping up", Capacity, n);
        _channel.Writer.TryWrite(Wake.Instance); // best effort: wake the writer
    }

    /// <summary>How long the writer still waits for an unreachable database once it is asked to stop, by default.</summary>
    public static readonly TimeSpan DefaultShutdownWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The background writer: runs until <paramref name="ct"/> is cancelled, then writes what is left (waiting at most
    /// the shutdown wait, 10 s by default, for a database that cannot be reached).
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<object>(BatchSize);
        using var giveUp = new CancellationTokenSource();
        await using var onStop = ct.Register(() => giveUp.CancelAfter(_shutdownWait));
        try
        {
            while (await _channel.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                Drain(batch);
                await WriteAsync(batch, giveUp.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        // Shutdown: write what is left.
        do
        {
            Drain(batch);
            if (batch.Count > 0 || SessionsWaiting) await WriteAsync(batch, giveUp.Token).ConfigureAwait(false);
        } while (batch.Count > 0);
    }

    private void Drain(List<object> batch)
    {
        batch.Clear();
        while (batch.Count < BatchSize && _channel.Reader.TryRead(out var item)) batch.Add(item);
        while (batch.Count < BatchSize && _overflow.TryDequeue(out var spilled)) batch.Add(spilled);
        batch.RemoveAll(i => i is Wake);
    }

    private async Task WriteAsync(List<object> batch, CancellationToken giveUp)
    {
        var markers = batch.OfType<FlushMarker>().ToList();
        var items = batch.Where(i => i is not FlushMarker).ToList();
        foreach (var tenantItems in items.GroupBy(TenantOf))
        {
            var tenantBatch = tenantItems.ToList();
            if (await TryWriteAsync(tenantItems.Key, tenantBatch, giveUp, "Journal batch of tenant {Tenant} failed ({Message}); retrying item by item").ConfigureAwait(false))
                continue;
            // One bad batch: write item by item so one bad row does not lose the others.
            foreach (var item in tenantBatch)
                if (!await TryWriteAsync(tenantItems.Key, [item], giveUp, null).ConfigureAwait(false))
                    Interlocked.Increment(ref _failed); // logged with its error by TryWriteAsync
        }
        await WriteSessionsAsync(giveUp).ConfigureAwait(false);
        foreach (var m in markers) m.Done.TrySetResult();
    }

    /// <summary>
    /// Writes items of one tenant; true when stored. While the database cannot be reached at all (stopped, network down,
    /// failing over) nothing is given up: the items are kept and tried again once it answers (<see cref="WaitForDatabaseAsync"/>),
    /// so an outage delays the journal but loses nothing. Only a failure with the database up (a row it refuses) is
    /// reported false — or one during shutdown once <paramref name="giveUp"/> fires.
    /// </summary>
    private async Task<bool> TryWriteAsync(Guid tenantId, List<object> items, CancellationToken giveUp, string? batchFailure)
    {
        while (true)
        {
            try
            {
                var endedUnseen = await WriteTenantAsync(tenantId, items, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _written, items.Count);
                TellStored(tenantId, items, endedUnseen);
                return true;
            }
            catch (StaleLeaseException)
            {
                Interlocked.Add(ref _refused, items.Count);
                _log.LogWarning("Journal refused {Count} items of tenant {Tenant}: this node no longer holds its lease", items.Count, tenantId);
                return true; // not ours to write any more: dropped, not retried
            }
            catch (Exception ex)
            {
                if (!await DatabaseReachableAsync().ConfigureAwait(false))
                {
                    if (await WaitForDatabaseAsync(ex, giveUp).ConfigureAwait(false)) continue;
                    _log.LogError("Journal gives up {Count} items of tenant {Tenant} at shutdown: the database stayed unreachable", items.Count, tenantId);
                    return false;
                }
                if (batchFailure is not null) _log.LogWarning(ex, batchFailure, tenantId, ex.Message);
                else _log.LogError(ex, "Journal could not store {Item}", items[0].GetType().Name);
                return false;
            }
        }
    }

    private async Task<bool> DatabaseReachableAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CtiDbContext>().Database.CanConnectAsync().ConfigureAwait(false);
        }
        catch (Exception) { return false; } // a provider that throws instead of answering false: unreachable all the same
    }

    /// <summary>
    /// Waits until the database answers again, checking every 0.5 s at first and every 5 s at most; false when
    /// <paramref name="giveUp"/> fires first (shutdown). Meanwhile <see cref="WaitingForDatabaseSince"/> says so (readiness
    /// reports the journal degraded) and new items queue in memory, as always without blocking the engine.
    /// </summary>
    private async Task<bool> WaitForDatabaseAsync(Exception cause, CancellationToken giveUp)
    {
        lock (_sessionsGate) _waitingSince ??= DateTimeOffset.UtcNow;
        _log.LogWarning("The database cannot be reached ({Message}); the journal keeps {Backlog} items in memory and writes them when it answers",
            cause.GetBaseException().Message, Backlog);
        var delay = TimeSpan.FromMilliseconds(500);
        try
        {
            while (true)
            {
                try { await Task.Delay(delay, giveUp).ConfigureAwait(false); }
                catch (OperationCanceledException) { return false; }
                if (await DatabaseReachableAsync().ConfigureAwait(false))
                {
                    _log.LogInformation("The database answers again; the journal writes its {Backlog} waiting items", Backlog);
                    return true;
                }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
            }
        }
        finally
        {
            lock (_sessionsGate) _waitingSince = null;
        }
    }

    /// <summary>Since when the journal waits for an unreachable database (null: it does not).</summary>
    public DateTimeOffset? WaitingForDatabaseSince
    {
        get { lock (_sessionsGate) return _waitingSince; }
    }
    private DateTimeOffset? _waitingSince;

    private void TellStored(Guid tenantId, IEnumerable<object> items, IReadOnlyCollection<CallRecord> endedUnseen)
    {
        if (CallRecordsStored is not { } listeners) return;
        var groups = items.OfType<CallRecordReady>().Select(r => r.Call.SkillGroupId)
            .Concat(endedUnseen.Select(r => r.SkillGroupId)).OfType<Guid>().Distinct().ToList();
        if (groups.Count == 0) return;
        try { listeners(tenantId, groups); }
        catch (Exception ex) { _log.LogWarning(ex, "A listener of stored call records failed"); }
    }

    private bool SessionsWaiting
    {
        get { lock (_sessionsGate) return _sessions.Count > 0; }
    }

    /// <summary>Upserts the agents' latest sessions, per tenant; a failing batch is retried agent by agent.</summary>
    private async Task WriteSessionsAsync(CancellationToken ct)
    {
        Dictionary<Guid, AgentSessionSnapshot> taken;
        lock (_sessionsGate)
        {
            _sessionsWake = false;
            if (_sessions.Count == 0) return;
            taken = _sessions;
            _sessions = new Dictionary<Guid, AgentSessionSnapshot>();
        }
        foreach (var tenant in taken.Values.GroupBy(s => s.TenantId))
        {
            var sessions = tenant.ToList();
            if (await TrySaveSessionsAsync(tenant.Key, sessions, ct, batch: true).ConfigureAwait(false)) continue;
            foreach (var session in sessions)
                if (!await TrySaveSessionsAsync(tenant.Key, [session], ct, batch: false).ConfigureAwait(false))
                    Interlocked.Increment(ref _failed);
        }
    }

    /// <summary>Upserts sessions as <see cref="TryWriteAsync"/> writes items: an unreachable database is waited for.</summary>
    private async Task<bool> TrySaveSessionsAsync(Guid tenantId, List<AgentSessionSnapshot> sessions, CancellationToken giveUp, bool batch)
    {
        while (true)
        {
            try
            {
                await SaveSessionsAsync(tenantId, sessions, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Add(ref _written, sessions.Count);
                return true;
            }
            catch (StaleLeaseException)
            {
                Interlocked.Add(ref _refused, sessions.Count);
                _log.LogWarning("Journal refused {Count} agent sessions of tenant {Tenant}: this node no longer holds its lease", sessions.Count, tenantId);
                return true;
            }
            catch (Exception ex)
            {
                if (!await DatabaseReachableAsync().ConfigureAwait(false))
                {
                    if (await WaitForDatabaseAsync(ex, giveUp).ConfigureAwait(false)) continue;
                    _log.LogError("Journal gives up {Count} agent sessions of tenant {Tenant} at shutdown: the database stayed unreachable", sessions.Count, tenantId);
                    return false;
                }
                if (batch) _log.LogWarning(ex, "Agent sessions of tenant {Tenant} failed; retrying agent by agent", tenantId);
                else _log.LogError(ex, "Journal could not store the session of agent {AgentId}", sessions[0].AgentId);
                return false;
            }
        }
    }

    private async Task SaveSessionsAsync(Guid tenantId, IReadOnlyCollection<AgentSessionSnapshot> sessions, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToTenant(tenantId);
        await FencedAsync(db, tenantId, () => AgentSessionRows.SaveAsync(db, sessions, ct), ct).ConfigureAwait(false);
    }

    private static Guid TenantOf(object item) => item switch
    {
        DomainStateChange c => c.TenantId,
        CallRecordReady r => r.Call.TenantId,
        RecordingStartedEvent r => r.TenantId,
        RecordingStoppedEvent r => r.TenantId,
        ProvisionalCall p => p.Record.TenantId,
        LiveCallsReported l => l.TenantId,
        _ => Guid.Empty,
    };

    /// <summary>Writes one tenant's items in order; returns the records of calls found ended unseen.</summary>
    private async Task<IReadOnlyCollection<CallRecord>> WriteTenantAsync(Guid tenantId, List<object> items, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToTenant(tenantId);
        // A provisional record is worth writing only when nothing later in the batch says more of the same call: its end,
        // or a later state of it (most calls start and end within one batch, so they are written once).
        var supersededAt = new Dictionary<Guid, int>();
        for (var i = items.Count - 1; i >= 0; i--)
            if (items[i] is CallRecordReady or ProvisionalCall && CallIdOf(items[i]) is var id && !supersededAt.ContainsKey(id))
                supersededAt[id] = i;
        var endedUnseen = new List<CallRecord>();
        await FencedAsync(db, tenantId, async () =>
        {
            endedUnseen.Clear(); // a retried transaction starts again
            Dictionary<string, Guid>? reasons = null;
            for (var i = 0; i < items.Count; i++)
            {
                switch (items[i])
                {
                    case DomainStateChange c:
                        reasons ??= await db.PauseReasons.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Id, StringComparer.OrdinalIgnoreCase, ct).ConfigureAwait(false);
                        db.AgentStateChanges.Add(new AgentStateChange
                        {
                            TenantId = tenantId, UserId = c.AgentId, At = c.At, From = c.From, To = c.To,
                            Reason = Cut(c.Reason ?? c.Pending.Reason, 100),
                            PauseReasonId = (c.Reason ?? c.Pending.Reason) is { } why && reasons.TryGetValue(why, out var rid) ? rid : null,
                            Pending = c.Pending.IsSet, CallId = c.CallId,
                            ChangedByUserId = c.ChangedBy?.UserId, Message = Cut(c.ChangedBy?.Message, 200),
                        });
                        break;
                    case CallRecordReady r:
                        await StoreFinishedCallAsync(db, ToRecord(r), NotesOf(r.Call), r.Call.EndedAt, ct).ConfigureAwait(false);
                        break;
                    case ProvisionalCall p when supersededAt[p.Record.Id] == i:
                        await StoreProvisionalCallAsync(db, p, ct).ConfigureAwait(false);
                        break;
                    case LiveCallsReported live:
                        endedUnseen.AddRange(await EndUnseenCallsAsync(db, live, ct).ConfigureAwait(false));
                        break;
                    case RecordingStartedEvent rec:
                        await StoreLiveRecordingAsync(db, rec, ct).ConfigureAwait(false);
                        break;
                    case RecordingStoppedEvent stop:
                        var stopped = db.Recordings.Local.FirstOrDefault(x => x.CallId == stop.CallId && x.Name == stop.Name)
                            ?? await db.Recordings.FirstOrDefaultAsync(x => x.CallId == stop.CallId && x.Name == stop.Name, ct).ConfigureAwait(false);
                        if (stopped is not null && stopped.EndedAt is null)
                        {
                            stopped.EndedAt = stop.StoppedAt;
                            stopped.DurationSeconds = Seconds(stop.StoppedAt - stopped.StartedAt);
                        }
                        break;
                }
            }
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }, ct, atomic: items.Any(i => i is LiveCallsReported)).ConfigureAwait(false);
        if (endedUnseen.Count > 0)
        {
            Interlocked.Add(ref _endedUnseen, endedUnseen.Count);
            _log.LogWarning("Tenant {Tenant}: {Count} calls ended while no process ran the tenant; their records end now as ended unseen",
                tenantId, endedUnseen.Count);
        }
        return endedUnseen;
    }

    private static Guid CallIdOf(object item) => item switch
    {
        CallRecordReady r => r.Call.Id,
        ProvisionalCall p => p.Record.Id,
        _ => Guid.Empty,
    };

    /// <summary>A live call's record, unless its end is stored already (a late provisional write never undoes an end).</summary>
    private static async Task StoreProvisionalCallAsync(CtiDbContext db, ProvisionalCall p, CancellationToken ct)
    {
        var existing = db.CallRecords.Local.FirstOrDefault(c => c.Id == p.Record.Id)
            ?? await db.CallRecords.FirstOrDefaultAsync(c => c.Id == p.Record.Id, ct).ConfigureAwait(false);
        if (existing?.EndedAt is not null) return;
        await StoreFinishedCallAsync(db, p.Record, p.Notes, null, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the provisional records of the tenant's calls that are not live any more (the PBX reported every call it has,
    /// <paramref name="live"/>): they ended while no process ran the tenant. Each ends when it was found gone, as
    /// <see cref="CallEndReason.EndedUnseen"/>: answered ones keep their agent and count their talk up to then, the others
    /// are not answered; open legs, group waits and recordings end with them.
    /// </summary>
    private static async Task<List<CallRecord>> EndUnseenCallsAsync(CtiDbContext db, LiveCallsReported live, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct).ConfigureAwait(false); // the batch's provisional records so far are read with the others
        var running = live.LiveCallIds.ToHashSet();
        // Every provisional record of a call that started before the report is written by now (the journal keeps order,
        // and only the tenant's lease holder writes); those of later calls are not yet.
        var open = (await db.CallRecords.Where(c => c.EndedAt == null).ToListAsync(ct).ConfigureAwait(false))
            .Where(c => !running.Contains(c.Id)).ToList();
        if (open.Count == 0) return open;
        var ids = open.Select(c => c.Id).ToList();
        var legs = await db.CallLegs.Where(l => ids.Contains(l.CallId) && l.EndedAt == null).ToListAsync(ct).ConfigureAwait(false);
        var waits = await db.CallGroupWaits.Where(w => ids.Contains(w.CallId) && w.LeftAt == null).ToListAsync(ct).ConfigureAwait(false);
        var recordings = await db.Recordings.Where(r => ids.Contains(r.CallId) && r.EndedAt == null).ToListAsync(ct).ConfigureAwait(false);
        var at = live.At;
        foreach (var c in open)
        {
            c.EndedAt = at;
            c.EndReason = CallEndReason.EndedUnseen;
            c.Outcome = OutcomeOf(c.AnsweredAt is not null, CallEndReason.EndedUnseen);
            if (c.AnsweredAt is { } answered) c.TalkSeconds = Math.Max(0, Seconds(at - answered) - c.HoldSeconds);
            else if (c.SkillGroupId is not null) c.WaitSeconds = Seconds(at - c.OfferedAt);
        }
        foreach (var l in legs)
        {
            l.EndedAt = at;
            l.EndReason ??= CallEndReason.EndedUnseen;
        }
        foreach (var w in waits) w.LeftAt = at;
        foreach (var r in recordings)
        {
            r.EndedAt = at;
            r.DurationSeconds = Seconds(at - r.StartedAt);
        }
        return open;
    }

    /// <summary>
    /// A recording is stored when it starts, so it is listed while the call is live. Its row references the call
    /// record, so a call still in progress gets a provisional record (no end yet, the recording agent as its party),
    /// completed when the call ends (<see cref="StoreFinishedCallAsync"/>).
    /// </summary>
    private static async Task StoreLiveRecordingAsync(CtiDbContext db, RecordingStartedEvent rec, CancellationToken ct)
    {
        var record = db.CallRecords.Local.FirstOrDefault(c => c.Id == rec.CallId)
            ?? await db.CallRecords.FirstOrDefaultAsync(c => c.Id == rec.CallId, ct).ConfigureAwait(false);
        if (record is null)
        {
            record = new CallRecord
            {
                Id = rec.CallId, TenantId = rec.TenantId, Direction = rec.Direction, CustomerNumber = Cut(rec.CustomerNumber, 32) ?? "",
                OfferedAt = rec.StartedAt, AnsweredAt = rec.StartedAt, Outcome = CallOutcome.Answered, AnsweredByUserId = rec.AgentId,
            };
            record.Legs.Add(new CallLeg
            {
                TenantId = rec.TenantId, CallId = rec.CallId, Role = CallLegRole.Agent, UserId = rec.AgentId,
                StartedAt = rec.StartedAt, AnsweredAt = rec.StartedAt,
            });
            db.CallRecords.Add(record);
        }
        record.HasRecording = true;
        var exists = db.Recordings.Local.Any(x => x.CallId == rec.CallId && x.Name == rec.Name)
            || await db.Recordings.AnyAsync(x => x.CallId == rec.CallId && x.Name == rec.Name, ct).ConfigureAwait(false);
        if (!exists) db.Recordings.Add(ToRecording(rec));
    }

    /// <summary>Writes a finished call's record, completing a provisional one (a recording started during the call).</summary>
    private static async Task StoreFinishedCallAsync(CtiDbContext db, CallRecord finished, IReadOnlyList<CallAgentDisposition> notes,
        DateTimeOffset? endedAt, CancellationToken ct)
    {
        var existing = db.CallRecords.Local.FirstOrDefault(c => c.Id == finished.Id)
            ?? await db.CallRecords.FirstOrDefaultAsync(c => c.Id == finished.Id, ct).ConfigureAwait(false);
        // Each agent's notes: the call's replace that agent's stored ones; other agents' stored notes stay.
        var stored = existing is null ? [] : await db.CallAgentDispositions.Where(n => n.CallId == finished.Id).ToListAsync(ct).ConfigureAwait(false);
        var all = new List<CallAgentDisposition>(stored);
        foreach (var note in notes)
        {
            var row = stored.FirstOrDefault(n => n.UserId == note.UserId);
            if (row is null) { db.CallAgentDispositions.Add(note); all.Add(note); }
            else { row.DispositionId = note.DispositionId; row.Disposition = note.Disposition; row.Remarks = note.Remarks; row.SavedAt = note.SavedAt; }
        }
        if (existing is null)
        {
            CallNotesSummary.Apply(finished, all);
            db.CallRecords.Add(finished);
        }
        else
        {
            await db.Entry(existing).Collection(c => c.Legs).LoadAsync(ct).ConfigureAwait(false);
            await db.Entry(existing).Collection(c => c.AttachedData).LoadAsync(ct).ConfigureAwait(false);
            await db.Entry(existing).Collection(c => c.GroupWaits).LoadAsync(ct).ConfigureAwait(false);
            // A disposition set on the stored record while the call was live stays unless the call brings one.
            finished.DispositionId = existing.DispositionId;
            finished.Remarks = existing.Remarks;
            CallNotesSummary.Apply(finished, all);
            db.Entry(existing).CurrentValues.SetValues(finished);
            db.CallLegs.RemoveRange(existing.Legs);
            db.CallAttachedData.RemoveRange(existing.AttachedData);
            db.CallGroupWaits.RemoveRange(existing.GroupWaits);
            foreach (var leg in finished.Legs) db.CallLegs.Add(leg);
            foreach (var data in finished.AttachedData) db.CallAttachedData.Add(data);
            foreach (var wait in finished.GroupWaits) db.CallGroupWaits.Add(wait);
        }
        var recordings = db.Recordings.Local.Where(r => r.CallId == finished.Id).ToList();
        recordings.AddRange(await db.Recordings.Where(r => r.CallId == finished.Id).ToListAsync(ct).ConfigureAwait(false));
        foreach (var r in recordings.Distinct())
        {
            if (r.EndedAt is not null || endedAt is not { } end) continue;
            r.EndedAt = end;
            r.DurationSeconds = Seconds(end - r.StartedAt);
        }
        if (recordings.Count > 0) (existing ?? finished).HasRecording = true;
    }

    /// <summary>Each agent's own notes on a finished call, as rows of its record.</summary>
    public static IReadOnlyList<CallAgentDisposition> NotesOf(Call call)
    {
        var rows = new List<CallAgentDisposition>();
        foreach (var (agentId, note) in call.Notes)
        {
            var row = new CallAgentDisposition { TenantId = call.TenantId, CallId = call.Id, UserId = agentId };
            CallNotesSummary.Fill(row, note);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The record of a finished call: timings, end reason, one leg per party, attached data (the notes: <see cref="NotesOf"/>).</summary>
    public static CallRecord ToRecord(CallRecordReady ready)
    {
        var call = ready.Call;
        var record = new CallRecord
        {
            Id = call.Id,
            TenantId = call.TenantId,
            Direction = call.Direction,
            SkillGroupId = call.SkillGroupId,
            CustomerNumber = Cut(call.CustomerNumber, 32) ?? "",
            DialedNumber = call.Direction == CallDirection.Outbound ? Cut(call.CustomerNumber, 32) : null,
            OfferedAt = call.CreatedAt,
            AnsweredAt = call.AnsweredAt,
            EndedAt = call.EndedAt,
            WaitSeconds = Seconds(call.WaitTime),
            RingSeconds = Seconds(call.RingTime),
            TalkSeconds = Seconds(call.TalkTime),
            HoldSeconds = Seconds(call.HoldTotal),
            EndReason = call.EndReason,
            Kind = call.Kind,
            CustomerName = Cut(call.CustomerName, 200),
            Outcome = OutcomeOf(call.AnsweredAt is not null, call.EndReason),
            HoldCount = call.HoldCount,
            OfferCount = call.OfferAttempts,
            RonaCount = call.Parties.Count(p => p.Role == PartyRole.Agent && p.AnsweredAt is null
                && p.EndReason is CallEndReason.NoAnswer or CallEndReason.Rejected),
            AnsweredByUserId = call.Parties.Where(p => p.Role == PartyRole.Agent && p.AnsweredAt is not null)
                .OrderBy(p => p.AnsweredAt).Select(p => p.AgentId).FirstOrDefault(),
            DialTaskId = call.AttachedData.TryGetValue(DialTaskCallData.TaskKey, out var task) && Guid.TryParse(task, out var taskId) ? taskId : null,
        };
        foreach (var p in call.Parties)
        {
            record.Legs.Add(new CallLeg
            {
                TenantId = call.TenantId,
                CallId = call.Id,
                Role = p.Role switch
                {
                    PartyRole.Customer => CallLegRole.Customer,
                    PartyRole.Agent when call.AgentIds.Count > 1 && p.AgentId != call.Parties.FirstOrDefault(x => x.Role == PartyRole.Agent)?.AgentId => CallLegRole.Consult,
                    PartyRole.Agent => CallLegRole.Agent,
                    _ => CallLegRole.Conference,
                },
                UserId = p.AgentId,
                Endpoint = Cut(p.Number, 100),
                ChannelId = Cut(p.LegId, 100),
                StartedAt = p.JoinedAt,
                AnsweredAt = p.AnsweredAt,
                EndedAt = p.LeftAt ?? call.EndedAt,
                EndReason = p.EndReason ?? call.EndReason,
            });
        }
        for (var i = 0; i < call.GroupWaits.Count; i++)
        {
            var wait = call.GroupWaits[i];
            record.GroupWaits.Add(new CallGroupWait
            {
                TenantId = call.TenantId, CallId = call.Id, Seq = i, SkillGroupId = wait.GroupId, SkillGroupName = Cut(wait.GroupName, 200) ?? "",
                EnteredAt = wait.EnteredAt, LeftAt = wait.LeftAt ?? call.EndedAt, MovedOn = wait.GroupId != call.SkillGroupId,
            });
        }
        foreach (var (k, v) in call.AttachedData)
        {
            var key = Cut(k, 64)!;
            if (record.AttachedData.Any(a => string.Equals(a.Key, key, StringComparison.Ordinal))) continue;
            record.AttachedData.Add(new CallAttachedData { TenantId = call.TenantId, CallId = call.Id, Key = key, Value = Cut(v, 1000) ?? "" });
        }
        return record;
    }

    /// <summary>What became of a call (docs/reports.md, "Outcome"): answered, abandoned, busy, failed, else not answered.</summary>
    public static CallOutcome OutcomeOf(bool answered, CallEndReason? endReason) => answered
        ? CallOutcome.Answered
        : endReason switch
        {
            CallEndReason.AbandonedWhileWaiting or CallEndReason.AbandonedWhileRinging or CallEndReason.CallerCancelled => CallOutcome.Abandoned,
            CallEndReason.Busy => CallOutcome.Busy,
            CallEndReason.Failed or CallEndReason.Unreachable => CallOutcome.Failed,
            _ => CallOutcome.NotAnswered,
        };

    private static Recording ToRecording(RecordingStartedEvent r) => new()
    {
        TenantId = r.TenantId, CallId = r.CallId, UserId = r.AgentId, Type = r.Type, Name = Cut(r.Name, 200) ?? "",
        StartedAt = r.StartedAt,
    };

    private static int Seconds(TimeSpan t) => t <= TimeSpan.Zero ? 0 : (int)Math.Round(t.TotalSeconds);

    private static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    private sealed class FlushMarker
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Wake
    {
        public static readonly Wake Instance = new();
    }
}
