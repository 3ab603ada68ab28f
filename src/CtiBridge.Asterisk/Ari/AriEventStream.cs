using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using CtiBridge.Asterisk.Connection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Asterisk.Ari;

/// <summary>
/// The ARI event WebSocket (<c>/ari/events?app=…</c>) kept open by a supervisor that reconnects with capped exponential
/// backoff and jitter. One reader task turns each message into a typed <see cref="AriEvent"/> (unknown types as
/// <see cref="AriUnknownEvent"/>) and offers it to every subscriber's bounded queue without waiting. Handlers run on the
/// subscription's lanes: events of one channel in arrival order, different channels in parallel. After every
/// (re)connect <see cref="ResyncRequired"/> is raised, because Asterisk does not replay missed events.
/// </summary>
public sealed class AriEventStream : IConnectionStateSource, IAsyncDisposable
{
    private readonly AriOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly BackoffPolicy _backoff;
    private readonly ConnectionStateTracker _state;
    private readonly EventFanout<AriEvent> _events = new();
    private readonly object _gate = new();
    private readonly List<TaskCompletionSource> _connectWaiters = [];
    private CancellationTokenSource? _lifetime;
    private Task? _supervisor;
    private volatile WebSocket? _socket;
    private long _droppedEvents;
    private long _connections;
    private long _received;
    private bool _disposed;

    private string? _reconnectReason;

    public AriEventStream(AriOptions options, ILogger<AriEventStream>? logger = null, TimeProvider? timeProvider = null,
        Func<double>? jitterSource = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _backoff = new BackoffPolicy(options.Reconnect, jitterSource);
        _state = new ConnectionStateTracker("ARI", this, _logger, _time);
    }

    public string ConnectionName => "ARI";

    /// <inheritdoc/>
    public ConnectionStatus Status => _state.Status;

    public bool IsConnected => _socket is not null;

    /// <summary>How many times the WebSocket has connected: a number that changes when events may have been missed.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <inheritdoc/>
    public event EventHandler<ConnectionStateChangedEventArgs>? StateChanged
    {
        add => _state.Changed += value;
        remove => _state.Changed -= value;
    }

    /// <summary>
    /// Raised on the thread pool after each (re)connect and when a subscriber dropped events: list the app's channels and
    /// bridges (<c>ari.Applications.GetAsync()</c>, <c>ari.Channels.ListAsync()</c>, <c>ari.Bridges.ListAsync()</c>) to rebuild state.
    /// </summary>
    public event EventHandler<ResyncEventArgs>? ResyncRequired;

    /// <summary>Events dropped because a subscriber's queue was full.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Events read from the socket since start.</summary>
    public long EventsReceived => Interlocked.Read(ref _received);

    /// <summary>Starts the supervisor (idempotent) without waiting.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_supervisor is not null) return;
            _ = _options.EventsUri(); // validates BaseUrl now, with a clear message
            _lifetime = new CancellationTokenSource();
            var token = _lifetime.Token;
            _supervisor = Task.Run(() => SuperviseAsync(token));
        }
    }

    /// <summary>Starts the supervisor and waits for the WebSocket to be open. Failed attempts are retried until <paramref name="ct"/> ends.</summary>
    public async Task ConnectAsync(CancellationToken ct = default)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _connectWaiters.Add(waiter);
        try
        {
            Start();
            if (_socket is not null) return;
            await waiter.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally { lock (_gate) _connectWaiters.Remove(waiter); }
    }

    /// <summary>
    /// Registers a handler for every event. Each subscription has its own lanes (<see cref="AriOptions.EventHandlerLanes"/>)
    /// and bounded queues (<see cref="AriOptions.EventQueueCapacity"/>); handler exceptions are logged and contained.
    /// </summary>
    public IDisposable Subscribe(Func<AriEvent, CancellationToken, ValueTask> handler, Func<AriEvent, bool>? filter = null,
        EventSubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new EventSubscriptionOptions { QueueCapacity = _options.EventQueueCapacity, Lanes = _options.EventHandlerLanes };
        var sub = new HandlerSubscription<AriEvent>("ARI subscriber", _logger, handler, static e => e.OrderingKey, options, filter, OnOverflow);
        sub.Attach(_events);
        return new SubscriptionHandle(sub);
    }

    /// <summary>Registers a handler for one event type, e.g. <c>Subscribe&lt;StasisStartEvent&gt;((e, ct) =&gt; …)</c>.</summary>
    public IDisposable Subscribe<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler, EventSubscriptionOptions? options = null)
        where TEvent : AriEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Subscribe((e, ct) => handler((TEvent)e, ct), static e => e is TEvent, options);
    }

    /// <summary>
    /// Every event as an async stream in arrival order (one total order). Subscribed when called; ends with the
    /// enumeration or on dispose. A consumer that falls behind by the queue capacity loses the newest events (counted,
    /// logged, <see cref="ResyncRequired"/> raised).
    /// </summary>
    public IAsyncEnumerable<AriEvent> ReadEventsAsync(CancellationToken ct = default, Func<AriEvent, bool>? filter = null)
    {
        var sub = new StreamSubscription<AriEvent>("ARI event stream", _logger, _options.EventQueueCapacity, filter, OnOverflow);
        sub.Attach(_events);
        return sub.ReadAllAsync(ct);
    }

    /// <summary>
    /// Drops the current connection; the stream connects again after its usual backoff and asks for a resync. For a
    /// connection that is up but no longer delivers the application's events: Asterisk can lose the application's
    /// registration under a live WebSocket (docs/asterisk-clients.md, "The application's registration").
    /// </summary>
    public void Reconnect(string reason)
    {
        if (_socket is not { } ws) return;
        _reconnectReason = reason;
        ws.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        CancellationTokenSource? lifetime;
        Task? supervisor;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            lifetime = _lifetime; supervisor = _supervisor;
        }
        if (_socket is { State: WebSocketState.Open } ws)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1)); // wall clock: a courtesy on shutdown
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client stopping", cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) { _logger.LogDebug(ex, "ARI WebSocket close handshake failed; aborting"); }
        }
        lifetime?.Cancel();
        if (supervisor is not null)
        {
            try { await supervisor.ConfigureAwait(false); }
            catch (Exception ex) { _logger.LogError(ex, "ARI supervisor ended with an error"); }
        }
        _events.CompleteAll();
        _state.Set(ConnectionState.Disconnected, reason: "disposed");
        lifetime?.Dispose();
    }

    private void OnOverflow(long dropped)
    {
        Interlocked.Increment(ref _droppedEvents);
        RaiseResync(ResyncReason.EventsDropped);
    }

    private void RaiseResync(ResyncReason reason)
    {
        var handler = ResyncRequired;
        if (handler is null) return;
        var args = new ResyncEventArgs(reason, DroppedEvents);
        // Off the reader's thread: a resync lists channels and bridges over REST.
        _ = Task.Run(() => ContainedEvents.Raise(handler, this, args, _logger, "ARI ResyncRequired"));
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        int attempt = 0;
        bool everConnected = false;
        var uri = _options.EventsUri();
        while (!ct.IsCancellationRequested)
        {
            _state.Set(everConnected || attempt > 0 ? ConnectionState.Reconnecting : ConnectionState.Connecting, attempt);
            ClientWebSocket? ws = null;
            Exception failure;
            try
            {
                ws = await OpenAsync(uri, ct).ConfigureAwait(false);
                _socket = ws;
                Interlocked.Increment(ref _connections);
                attempt = 0;
                _state.Set(ConnectionState.Connected);
                CompleteConnectWaiters();
                RaiseResync(everConnected ? ResyncReason.Reconnected : ResyncReason.Connected);
                everConnected = true;
                failure = await ReadLoopAsync(ws, ct).ConfigureAwait(false);
                _socket = null;
                if (ct.IsCancellationRequested) break;
                if (Interlocked.Exchange(ref _reconnectReason, null) is { } asked) failure = new WebSocketException(WebSocketError.Faulted, asked);
                _logger.LogWarning("ARI WebSocket {Uri} lost: {Reason}", Redacted(uri), ConnectionStateTracker.Describe(failure));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                failure = ex;
                _logger.LogWarning("ARI WebSocket connect to {Uri} failed: {Reason}", Redacted(uri), ConnectionStateTracker.Describe(ex));
            }
            finally
            {
                _socket = null;
                ws?.Abort();
                ws?.Dispose();
            }

            attempt++;
            var delay = _backoff.GetDelay(attempt);
            var wait = Task.Delay(delay, _time, ct); // armed before it is announced
            _state.Set(ConnectionState.Reconnecting, attempt, failure, retryIn: delay);
            _logger.LogInformation("ARI reconnect attempt {Attempt} in {Delay}", attempt, delay);
            try { await wait.ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
    }

    private void CompleteConnectWaiters()
    {
        TaskCompletionSource[] waiters;
        lock (_gate) { waiters = [.. _connectWaiters]; _connectWaiters.Clear(); }
        foreach (var w in waiters) w.TrySetResult();
    }

    private static string Redacted(Uri uri) => uri.GetLeftPart(UriPartial.Path) + uri.Query;

    private async Task<ClientWebSocket> OpenAsync(Uri uri, CancellationToken ct)
    {
        var ws = new ClientWebSocket();
        ws.Options.SetRequestHeader("Authorization", "Basic " + _options.BasicAuth());
        ws.Options.CollectHttpResponseDetails = true;
        ws.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await ws.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
            _logger.LogInformation("ARI WebSocket connected to {Uri}", Redacted(uri));
            return ws;
        }
        catch (Exception ex)
        {
            var status = ws.HttpStatusCode;
            ws.Dispose();
            if (ct.IsCancellationRequested) throw;
            if (timeout.IsCancellationRequested) throw new TimeoutException($"ARI WebSocket connect timed out after {_options.ConnectTimeout}", ex);
            throw status switch
            {
                HttpStatusCode.Unauthorized => new WebSocketException(WebSocketError.NotAWebSocket,
                    $"ARI refused the credentials of user '{_options.Username}' (401 Unauthorized)", ex),
                HttpStatusCode.NotFound => new WebSocketException(WebSocketError.NotAWebSocket,
                    "ARI events endpoint not found (404): is res_ari loaded and the URL right?", ex),
                0 => new WebSocketException(WebSocketError.Faulted, "ARI WebSocket connect failed: " + ex.Message, ex),
                _ => new WebSocketException(WebSocketError.NotAWebSocket, $"ARI WebSocket upgrade refused: {(int)status} {status}", ex),
            };
        }
    }

    private async Task<Exception> ReadLoopAsync(ClientWebSocket ws, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult r;
                do
                {
                    r = await ws.ReceiveAsync(buffer.GetMemory(8 * 1024), ct).ConfigureAwait(false);
                    if (r.MessageType == WebSocketMessageType.Close)
                    {
                        try
                        {
                            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1)); // wall clock: close handshake courtesy
                            await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token).ConfigureAwait(false);
                        }
                        catch (Exception) { }
                        return new WebSocketException(WebSocketError.ConnectionClosedPrematurely,
                            $"Asterisk closed the WebSocket ({ws.CloseStatus} {ws.CloseStatusDescription})".TrimEnd());
                    }
                    buffer.Advance(r.Count);
                    if (buffer.WrittenCount > _options.MaxEventBytes)
                        return new InvalidDataException($"an ARI event exceeded {_options.MaxEventBytes} bytes; the stream is dropped");
                } while (!r.EndOfMessage);

                var evt = AriEventParser.Parse(buffer.WrittenSpan);
                Interlocked.Increment(ref _received);
                if (evt is AriUnknownEvent { Error: { } error } u)
                    _logger.LogWarning("ARI event {Type} could not be read as a typed event ({Error}); delivered raw", u.Type, error);
                else if (evt is ApplicationReplacedEvent)
                    _logger.LogError("ARI application {App} was taken over by another WebSocket connection; this one receives no more events", _options.Application);
                _events.Publish(evt);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return new OperationCanceledException(ct); }
        catch (Exception ex)
        {
            return buffer.WrittenCount > 0
                ? new WebSocketException(WebSocketError.ConnectionClosedPrematurely,
                    $"the WebSocket broke in the middle of a message ({buffer.WrittenCount} bytes discarded): {ex.Message}", ex)
                : ex;
        }
    }
}
