using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Asterisk.Connection;

/// <summary>Options of one event subscription.</summary>
public sealed class EventSubscriptionOptions
{
    /// <summary>
    /// Bounded queue size between the socket reader and this subscriber (per lane). When it is full the newest
    /// event is dropped (never blocking the reader), counted, logged, and a resync is requested.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// Handler lanes. Events with the same ordering key (the channel id) always go to the same lane and are handled
    /// one at a time, in arrival order; different channels run in parallel across lanes. 1 = one total order.
    /// </summary>
    public int Lanes { get; set; } = 1;
}

/// <summary>The fan-out from a single socket reader to many subscribers. Publish is called by one reader at a time.</summary>
internal sealed class EventFanout<T> where T : class
{
    private volatile EventSubscription<T>[] _subscribers = [];
    private readonly object _gate = new();

    public int Count => _subscribers.Length;

    public void Add(EventSubscription<T> subscription)
    {
        lock (_gate) _subscribers = [.. _subscribers, subscription];
    }

    public void Remove(EventSubscription<T> subscription)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => !ReferenceEquals(s, subscription)).ToArray();
    }

    /// <summary>Offers the event to every subscriber without waiting.</summary>
    public void Publish(T item)
    {
        foreach (var s in _subscribers) s.Offer(item);
    }

    public void CompleteAll()
    {
        EventSubscription<T>[] subs;
        lock (_gate) { subs = _subscribers; _subscribers = []; }
        foreach (var s in subs) s.Dispose();
    }
}

/// <summary>A subscriber's bounded inbox. Offer never blocks; overflow drops the event and reports it once per burst.</summary>
internal abstract class EventSubscription<T> : IDisposable where T : class
{
    private readonly Func<T, bool>? _filter;
    private readonly Action<long>? _onOverflow;
    protected readonly ILogger Logger;
    protected readonly string Name;
    private long _dropped;
    private bool _overflowing;
    private EventFanout<T>? _owner;

    protected EventSubscription(string name, ILogger logger, Func<T, bool>? filter, Action<long>? onOverflow)
    {
        Name = name; Logger = logger; _filter = filter; _onOverflow = onOverflow;
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    internal void Attach(EventFanout<T> owner) { _owner = owner; owner.Add(this); }

    public void Offer(T item)
    {
        if (_filter is not null && !_filter(item)) return;
        if (TryEnqueue(item))
        {
            if (_overflowing)
            {
                _overflowing = false;
                Logger.LogWarning("{Subscription}: subscriber caught up; {Dropped} events were dropped in total", Name, Dropped);
            }
            return;
        }
        if (IsCompleted) return;
        long dropped = Interlocked.Increment(ref _dropped);
        if (!_overflowing)
        {
            _overflowing = true;
            Logger.LogError("{Subscription}: the subscriber's queue is full (slow handler), dropping events so the socket reader is not blocked; a resync is requested", Name);
            _onOverflow?.Invoke(dropped);
        }
    }

    protected abstract bool TryEnqueue(T item);
    protected abstract bool IsCompleted { get; }
    protected abstract void Complete();

    public void Dispose()
    {
        _owner?.Remove(this);
        Complete();
    }
}

/// <summary>Handler subscription: N lanes, each a bounded channel and one worker task; handler exceptions are logged and contained.</summary>
internal sealed class HandlerSubscription<T> : EventSubscription<T> where T : class
{
    private readonly Channel<T>[] _lanes;
    private readonly Task[] _workers;
    private readonly Func<T, CancellationToken, ValueTask> _handler;
    private readonly Func<T, string?> _key;
    private readonly CancellationTokenSource _cts = new();
    private volatile bool _completed;

    public HandlerSubscription(string name, ILogger logger, Func<T, CancellationToken, ValueTask> handler, Func<T, string?> key,
        EventSubscriptionOptions options, Func<T, bool>? filter, Action<long>? onOverflow) : base(name, logger, filter, onOverflow)
    {
        int lanes = Math.Max(1, options.Lanes);
        int capacity = Math.Max(1, options.QueueCapacity);
        _handler = handler; _key = key;
        _lanes = new Channel<T>[lanes];
        _workers = new Task[lanes];
        for (int i = 0; i < lanes; i++)
        {
            _lanes[i] = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
            { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
            var reader = _lanes[i].Reader;
            _workers[i] = Task.Run(() => RunLaneAsync(reader));
        }
    }

    /// <summary>Completes when all queued events were handled after <see cref="IDisposable.Dispose"/>.</summary>
    public Task Completion => Task.WhenAll(_workers);

    protected override bool IsCompleted => _completed;

    protected override bool TryEnqueue(T item)
    {
        if (_completed) return false;
        var lane = _lanes.Length == 1 ? _lanes[0] : _lanes[LaneOf(_key(item), _lanes.Length)];
        return lane.Writer.TryWrite(item);
    }

    internal static int LaneOf(string? key, int lanes) =>
        key is null ? 0 : (int)((uint)string.GetHashCode(key.AsSpan(), StringComparison.Ordinal) % (uint)lanes);

    private async Task RunLaneAsync(ChannelReader<T> reader)
    {
        var ct = _cts.Token;
        try
        {
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    try { await _handler(item, ct).ConfigureAwait(false); }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                    catch (Exception ex)
                    {
                        Logger.LogError(ex, "{Subscription}: event handler threw on {Event}; the exception was contained and the next event is handled", Name, item);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    protected override void Complete()
    {
        if (_completed) return;
        _completed = true;
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        _cts.Cancel();
    }
}

/// <summary>Async-stream subscription: one bounded channel read by an <c>await foreach</c>; one total order.</summary>
internal sealed class StreamSubscription<T> : EventSubscription<T> where T : class
{
    private readonly Channel<T> _channel;

    public StreamSubscription(string name, ILogger logger, int capacity, Func<T, bool>? filter, Action<long>? onOverflow)
        : base(name, logger, filter, onOverflow)
    {
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(Math.Max(1, capacity))
        { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    private volatile bool _completed;

    protected override bool IsCompleted => _completed;

    protected override bool TryEnqueue(T item) => !_completed && _channel.Writer.TryWrite(item);

    protected override void Complete() { _completed = true; _channel.Writer.TryComplete(); }

    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        try
        {
            await foreach (var item in _channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                yield return item;
        }
        finally { Dispose(); }
    }
}

/// <summary>Returned by Subscribe: dispose to stop receiving.</summary>
internal sealed class SubscriptionHandle(IDisposable inner) : IDisposable
{
    private IDisposable? _inner = inner;
    public void Dispose() => Interlocked.Exchange(ref _inner, null)?.Dispose();
}
