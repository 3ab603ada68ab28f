namespace CtiBridge.TestSupport;

/// <summary>
/// A clock tests move by hand. Timers created from it fire, in due order, only when
/// <see cref="Advance(TimeSpan)"/> passes their due time, so countdowns run in microseconds of real time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset? start = null) =>
        _now = start ?? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() { lock (_gate) return _now.UtcTicks; }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by));
        DateTimeOffset target;
        lock (_gate) target = _now + by;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } d && d <= target)
                              .OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null) { _now = target; return; }
                _now = next.DueAt!.Value;
                next.Reschedule();
            }
            next.Fire();
        }
    }

    public void Advance(double seconds) => Advance(TimeSpan.FromSeconds(seconds));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
            timer.Set(dueTime, period);
        }
        return timer;
    }

    private long _sequence;

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; private set; }
        public long Sequence { get; private set; }
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        internal void Set(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Sequence = Interlocked.Increment(ref owner._sequence);
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
        }

        internal void Reschedule() =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;

        internal void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate) Set(dueTime, period);
            return true;
        }

        public void Dispose() { lock (owner._gate) { DueAt = null; owner._timers.Remove(this); } }

        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
