using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Asterisk.Ami;

/// <summary>
/// The AMI client: one TCP session to Asterisk's manager interface, kept alive by a supervisor that reconnects with
/// capped exponential backoff and jitter and logs in again before anything else is sent. Actions are correlated by
/// ActionID; responses are completed off the reader (so an action sent from an event handler cannot deadlock it);
/// events fan out to subscribers through bounded queues that never block the reader.
/// </summary>
public sealed partial class AmiClient : IConnectionStateSource, IAsyncDisposable
{
    private readonly AmiOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly BackoffPolicy _backoff;
    private readonly ConnectionStateTracker _state;
    private readonly EventFanout<AmiMessage> _events = new();
    private readonly object _gate = new();
    private readonly List<TaskCompletionSource> _connectWaiters = [];
    private CancellationTokenSource? _lifetime;
    private Task? _supervisor;
    private volatile AmiSession? _session;
    private long _actionCounter;
    private long _droppedEvents;
    private bool _disposed;

    /// <param name="options">Host, port, credentials, timeouts.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="timeProvider">Clock for backoff, keep-alive and timeouts (tests pass a manual clock).</param>
    /// <param name="jitterSource">Values in [0,1) for backoff jitter (tests pass a constant or seeded source).</param>
    public AmiClient(AmiOptions options, ILogger<AmiClient>? logger = null, TimeProvider? timeProvider = null, Func<double>? jitterSource = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IncludeEvents?.FirstOrDefault(n => n is not null && n.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_')) is { } bad)
            throw new ArgumentException($"'{bad}' in AmiOptions.IncludeEvents is not an AMI event name (letters, digits and _ only).", nameof(options));
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _backoff = new BackoffPolicy(options.Reconnect, jitterSource);
        _state = new ConnectionStateTracker("AMI", this, _logger, _time);
    }

    public string ConnectionName => "AMI";

    /// <inheritdoc/>
    public ConnectionStatus Status => _state.Status;

    /// <summary>True when a logged-in session is available.</summary>
    public bool IsConnected => _session is not null;

    /// <summary>The banner of the current session ("Asterisk Call Manager/11.0.0"), or null.</summary>
    public string? Banner => _session?.Banner;

    /// <inheritdoc/>
    public event EventHandler<ConnectionStateChangedEventArgs>? StateChanged
    {
        add => _state.Changed += value;
        remove => _state.Changed -= value;
    }

    /// <summary>
    /// Raised (on the thread pool) after each successful login, and when a subscriber dropped events: AMI does not
    /// replay what was missed, so observers re-read state (e.g. <see cref="PjsipShowContactsAsync"/>).
    /// </summary>
    public event EventHandler<ResyncEventArgs>? ResyncRequired;

    /// <summary>Events dropped because a subscriber's queue was full.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Starts the connection supervisor (idempotent) without waiting for the connection.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_supervisor is not null) return;
            if (string.IsNullOrWhiteSpace(_options.Host)) throw new InvalidOperationException("Asterisk:Ami:Host is not configured.");
            if (string.IsNullOrEmpty(_options.Username)) throw new InvalidOperationException("Asterisk:Ami:Username is not configured.");
            _lifetime = new CancellationTokenSource();
            var token = _lifetime.Token;
            _supervisor = Task.Run(() => SuperviseAsync(token));
        }
    }

    /// <summary>
    /// Starts the supervisor and waits until a session is logged in. Fails with <see cref="AmiAuthenticationException"/>
    /// when Asterisk refuses the login (the supervisor keeps retrying with backoff in the background); other failures
    /// (refused TCP connection, timeouts) are retried and this call keeps waiting until <paramref name="ct"/> ends.
    /// </summary>
    public async Task ConnectAsync(CancellationToken ct = default)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _connectWaiters.Add(waiter);
        try
        {
            Start();
            if (_session is not null) return;
            await waiter.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally { lock (_gate) _connectWaiters.Remove(waiter); }
    }

    /// <summary>Stops: logs off politely (best effort), closes the socket, fails pending actions, ends event streams.</summary>
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
        if (_session is { } s)
        {
            try
            {
                // A courtesy bounded by wall-clock time (not the injected clock, which may be a test's stopped clock).
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await s.SendAsync(new AmiAction("Logoff"), isList: false, cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) { _logger.LogDebug(ex, "AMI Logoff on dispose failed; closing anyway"); }
        }
        lifetime?.Cancel();
        if (supervisor is not null)
        {
            try { await supervisor.ConfigureAwait(false); }
            catch (Exception ex) { _logger.LogError(ex, "AMI supervisor ended with an error"); }
        }
        _events.CompleteAll();
        _state.Set(ConnectionState.Disconnected, reason: "disposed");
        lifetime?.Dispose();
    }

    // ---------------------------------------------------------------- actions

    /// <summary>
    /// Sends an action and returns its response (also for <c>Response: Error</c>; check <see cref="AmiMessage.IsSuccess"/>
    /// or call <see cref="AmiClientExtensions.EnsureSuccess"/>).
    /// </summary>
    /// <exception cref="AmiNotConnectedException">No logged-in session.</exception>
    /// <exception cref="AmiTimeoutException">No response within <see cref="AmiOptions.ActionTimeout"/>.</exception>
    /// <exception cref="AmiConnectionLostException">The connection dropped before the response.</exception>
    public async Task<AmiMessage> SendActionAsync(AmiAction action, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var result = await MeasuredAsync(action, isList: false, ct).ConfigureAwait(false);
        return result.Response;
    }

    /// <summary>
    /// Sends an action answered by an event list (<c>EventList: start</c> … <c>EventList: Complete</c>) and returns the
    /// response and the list's events, in order. An error response completes at once with no events.
    /// </summary>
    public Task<AmiEventList> SendEventListActionAsync(AmiAction action, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return MeasuredAsync(action, isList: true, ct);
    }

    /// <summary>Sends an action on the current session, measuring it (<see cref="AsteriskMetrics"/>) as one span.</summary>
    private async Task<AmiEventList> MeasuredAsync(AmiAction action, bool isList, CancellationToken ct)
    {
        using var activity = AsteriskMetrics.Activities.StartActivity("AMI " + action.Name, ActivityKind.Client);
        var started = Stopwatch.GetTimestamp();
        var outcome = AsteriskMetrics.ConnectionFailed;
        try
        {
            var result = await CurrentSession(action).SendAsync(action, isList, ct).ConfigureAwait(false);
            outcome = result.Response.IsSuccess ? AsteriskMetrics.Success : AsteriskMetrics.Refused;
            return result;
        }
        catch (AmiNotConnectedException) { outcome = AsteriskMetrics.NotConnected; throw; }
        catch (AmiTimeoutException) { outcome = AsteriskMetrics.Timeout; throw; }
        finally
        {
            if (outcome != AsteriskMetrics.Success) activity?.SetStatus(ActivityStatusCode.Error, outcome);
            // A caller's cancellation is not Asterisk's failure: not measured.
            if (!ct.IsCancellationRequested) AsteriskMetrics.CommandCompleted("ami", action.Name, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private AmiSession CurrentSession(AmiAction action) =>
        _session ?? throw new AmiNotConnectedException(
            $"cannot send AMI action {action.Name}: not connected (state {Status.State}" +
            (Status.LastError is { } e ? ", last error: " + e : "") + ")");

    internal string NextActionId() => _options.ActionIdPrefix + "-" + Interlocked.Increment(ref _actionCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- events

    /// <summary>
    /// Registers a handler for AMI events (not responses, not event-list items of our own actions). Handlers run on the
    /// subscription's own workers, in arrival order per lane (see <see cref="EventSubscriptionOptions.Lanes"/>: events
    /// keyed by Uniqueid), never on the socket reader; exceptions are logged and contained. Dispose to unsubscribe.
    /// </summary>
    public IDisposable Subscribe(Func<AmiMessage, CancellationToken, ValueTask> handler, Func<AmiMessage, bool>? filter = null,
        EventSubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new EventSubscriptionOptions { QueueCapacity = _options.EventQueueCapacity };
        var sub = new HandlerSubscription<AmiMessage>("AMI subscriber", _logger, handler,
            static m => m["Uniqueid"] ?? m["Channel"], options, filter, OnOverflow);
        sub.Attach(_events);
        return new SubscriptionHandle(sub);
    }

    /// <summary>Registers a handler for one event name (case-insensitive).</summary>
    public IDisposable Subscribe(string eventName, Func<AmiMessage, CancellationToken, ValueTask> handler) =>
        Subscribe(handler, m => m.IsEventNamed(eventName));

    /// <summary>
    /// All AMI events as an async stream, in arrival order. The subscription starts when this method is called and
    /// ends when the enumeration ends; a consumer that falls <see cref="AmiOptions.EventQueueCapacity"/> events behind
    /// loses the newest ones (counted in <see cref="DroppedEvents"/>, <see cref="ResyncRequired"/> raised).
    /// </summary>
    public IAsyncEnumerable<AmiMessage> ReadEventsAsync(CancellationToken ct = default, Func<AmiMessage, bool>? filter = null)
    {
        var sub = new StreamSubscription<AmiMessage>("AMI event stream", _logger, _options.EventQueueCapacity, filter, OnOverflow);
        sub.Attach(_events);
        return sub.ReadAllAsync(ct);
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
        _ = Task.Run(() => ContainedEvents.Raise(handler, this, args, _logger, "AMI ResyncRequired"));
    }

    // ---------------------------------------------------------------- connection supervisor

    private async Task SuperviseAsync(CancellationToken ct)
    {
        int attempt = 0;
        bool everConnected = false;
        while (!ct.IsCancellationRequested)
        {
            _state.Set(everConnected || attempt > 0 ? ConnectionState.Reconnecting : ConnectionState.Connecting, attempt);
            AmiSession? session = null;
            Exception? failure;
            try
            {
                session = await OpenSessionAsync(ct).ConfigureAwait(false);
                _session = session;
                attempt = 0;
                session.StartKeepAlive(); // armed before Connected is announced: observers may move a test clock on it
                _state.Set(ConnectionState.Connected);
                CompleteConnectWaiters(null);
                RaiseResync(everConnected ? ResyncReason.Reconnected : ResyncReason.Connected);
                everConnected = true;
                failure = await session.Completion.ConfigureAwait(false);
                _session = null;
                // Disposing logs off first, and Asterisk closes the connection before the supervisor is cancelled.
                if (ct.IsCancellationRequested || Volatile.Read(ref _disposed)) break;
                _logger.LogWarning("AMI connection to {Host}:{Port} lost: {Reason}", _options.Host, _options.Port,
                    ConnectionStateTracker.Describe(failure));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                failure = ex;
                if (ex is AmiAuthenticationException) CompleteConnectWaiters(ex);
                _logger.LogWarning("AMI connection to {Host}:{Port} failed: {Reason}", _options.Host, _options.Port,
                    ConnectionStateTracker.Describe(ex));
            }
            finally
            {
                _session = null;
                if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
            }

            attempt++;
            var delay = _backoff.GetDelay(attempt);
            // Start the timer before announcing it, so an observer that advances a clock on this event is never early.
            var wait = Task.Delay(delay, _time, ct);
            _state.Set(ConnectionState.Reconnecting, attempt, failure, retryIn: delay);
            _logger.LogInformation("AMI reconnect attempt {Attempt} in {Delay}", attempt, delay);
            try { await wait.ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
    }

    private void CompleteConnectWaiters(Exception? error)
    {
        TaskCompletionSource[] waiters;
        lock (_gate) { waiters = [.. _connectWaiters]; _connectWaiters.Clear(); }
        foreach (var w in waiters)
        {
            if (error is null) w.TrySetResult(); else w.TrySetException(error);
        }
    }

    private async Task<AmiSession> OpenSessionAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var token = linked.Token;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        AmiSession? session = null;
        string step = "connect";
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, token).ConfigureAwait(false);
            step = "banner";
            session = new AmiSession(this, socket, ct);
            await session.ReadBannerAsync(token).ConfigureAwait(false);
            session.StartReading();
            step = "login";
            var login = new AmiAction("Login").Add("Username", _options.Username).Add("Secret", _options.Secret).Add("Events", _options.Events);
            var response = (await session.SendAsync(login, isList: false, token, Timeout.InfiniteTimeSpan).ConfigureAwait(false)).Response; // bounded by ConnectTimeout
            if (!response.IsSuccess)
                throw new AmiAuthenticationException(
                    $"AMI login as '{_options.Username}' to {_options.Host}:{_options.Port} was refused: {response.Message ?? response.Response}");
            _logger.LogInformation("AMI logged in to {Host}:{Port} as {User} ({Banner})", _options.Host, _options.Port, _options.Username, session.Banner);
            step = "event filters";
            await ApplyEventFiltersAsync(session, token).ConfigureAwait(false);
            return session;
        }
        catch (Exception ex) when (ex is not AmiAuthenticationException)
        {
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false); else socket.Dispose();
            if (ex is OperationCanceledException && ct.IsCancellationRequested) throw;
            if (timeout.IsCancellationRequested)
                throw new TimeoutException($"AMI {step} to {_options.Host}:{_options.Port} timed out after {_options.ConnectTimeout}", ex);
            throw new AmiException($"AMI {step} to {_options.Host}:{_options.Port} failed: {ex.Message}", ex);
        }
        catch
        {
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Events the client itself acts on (<see cref="Dispatch"/>): kept whatever <see cref="AmiOptions.IncludeEvents"/> says.</summary>
    private static readonly string[] ClientEvents = ["Shutdown", "Reload"];

    /// <summary>
    /// Include filters for <see cref="AmiOptions.IncludeEvents"/>: Asterisk 21+'s by-name criteria (a hash compare per
    /// event), else the older regular expression on the event's text. A filter Asterisk refuses is logged and the
    /// session goes on unfiltered for it (more events than asked, never fewer): an AMI user without the "system" write
    /// permission is refused every filter, which leaves the session unfiltered and complete.
    /// </summary>
    private async Task ApplyEventFiltersAsync(AmiSession session, CancellationToken ct)
    {
        if (_options.IncludeEvents is not { Count: > 0 } wanted) return;
        var refused = new List<string>();
        foreach (var name in wanted.Concat(ClientEvents).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var byName = new AmiAction("Filter").Add("Operation", "Add").Add("MatchCriteria", $"action(include),name({name})").Add("Filter", "");
            var response = (await session.SendAsync(byName, isList: false, ct, _options.ActionTimeout).ConfigureAwait(false)).Response;
            if (response.IsSuccess) continue;
            var byText = new AmiAction("Filter").Add("Operation", "Add").Add("Filter", $"^Event: {name}[^A-Za-z0-9_]");
            response = (await session.SendAsync(byText, isList: false, ct, _options.ActionTimeout).ConfigureAwait(false)).Response;
            if (!response.IsSuccess) refused.Add($"{name} ({response.Message ?? response.Response})");
        }
        if (refused.Count > 0)
            _logger.LogWarning("AMI refused event filters {Filters}: events are not filtered for them", string.Join(", ", refused));
    }

    // ---------------------------------------------------------------- dispatch (socket reader thread)

    private void Dispatch(AmiSession session, AmiMessage message)
    {
        if (message.ActionId is { } id && session.Pending.TryGetValue(id, out var pending))
        {
            if (message.IsResponse) { pending.OnResponse(message); return; }
            if (pending.IsList && !pending.IsCompleted) { pending.OnListEvent(message); return; }
        }
        if (message.IsEvent)
        {
            _events.Publish(message);
            if (message.IsEventNamed("Shutdown"))
            {
                session.Abort(new AmiConnectionLostException(
                    $"Asterisk is shutting down (Shutdown: {message["Shutdown"]}, Restart: {message["Restart"]})"));
            }
            else if (message.IsEventNamed("Reload"))
            {
                _logger.LogInformation("Asterisk reloaded ({Module}: {Status}); the AMI session stays up", message["Module"] ?? "all", message["Status"]);
            }
            else if (message.IsEventNamed("FullyBooted"))
            {
                _logger.LogDebug("Asterisk fully booted ({Status})", message["Status"]);
            }
            return;
        }
        _logger.LogDebug("AMI {Message} matches no pending action; ignored", message);
    }

    // ---------------------------------------------------------------- one TCP session

    private sealed class PendingAction(string id, string name, bool isList)
    {
        private readonly TaskCompletionSource<AmiEventList> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private AmiMessage? _response;
        private List<AmiMessage>? _events;

        public string Id { get; } = id;
        public string Name { get; } = name;
        public bool IsList { get; } = isList;
        public bool IsCompleted => _tcs.Task.IsCompleted;
        public Task<AmiEventList> Task => _tcs.Task;

        public void OnResponse(AmiMessage response)
        {
            _response = response;
            bool listFollows = IsList && response.IsSuccess &&
                response.GetSpan("EventList").Equals("start", StringComparison.OrdinalIgnoreCase);
            if (!listFollows) _tcs.TrySetResult(new AmiEventList(response, [], null));
        }

        public void OnListEvent(AmiMessage e)
        {
            if (e.GetSpan("EventList").Equals("Complete", StringComparison.OrdinalIgnoreCase))
            {
                _tcs.TrySetResult(new AmiEventList(_response ?? e, (IReadOnlyList<AmiMessage>?)_events ?? [], e));
                return;
            }
            (_events ??= []).Add(e);
        }

        public void Fail(Exception error) => _tcs.TrySetException(error);
    }

    private sealed class AmiSession : IAsyncDisposable
    {
        private readonly AmiClient _client;
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly PipeReader _reader;
        private readonly PipeWriter _writer;
        private readonly SemaphoreSlim _writeLock = new(1, 1);
        private readonly CancellationTokenSource _cts;
        private Exception? _abortReason;
        private Task<Exception>? _readLoop;
        private ITimer? _keepAlive;
        private int _pinging;

        public AmiSession(AmiClient client, Socket socket, CancellationToken lifetime)
        {
            _client = client;
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: true);
            _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
            _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
            _cts = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        }

        public ConcurrentDictionary<string, PendingAction> Pending { get; } = new(StringComparer.Ordinal);
        public string Banner { get; private set; } = "";

        /// <summary>Completes with the reason the session ended.</summary>
        public Task<Exception> Completion => _readLoop ?? Task.FromResult<Exception>(new AmiException("not started"));

        public async Task ReadBannerAsync(CancellationToken ct)
        {
            while (true)
            {
                var result = await _reader.ReadAsync(ct).ConfigureAwait(false);
                var buffer = result.Buffer;
                bool got = AmiParser.TryReadLine(ref buffer, out var line);
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (got)
                {
                    if (!line.StartsWith("Asterisk Call Manager", StringComparison.Ordinal))
                        throw new AmiProtocolException($"unexpected banner '{Truncate(line)}' (not an Asterisk manager port?)");
                    Banner = line;
                    return;
                }
                if (result.IsCompleted) throw new AmiConnectionLostException("the server closed the connection before sending the AMI banner");
            }
        }

        public void StartReading() => _readLoop = Task.Run(ReadLoopAsync);

        private async Task<Exception> ReadLoopAsync()
        {
            var ct = _cts.Token;
            try
            {
                while (true)
                {
                    var result = await _reader.ReadAsync(ct).ConfigureAwait(false);
                    var buffer = result.Buffer;
                    try
                    {
                        while (AmiParser.TryParseMessage(ref buffer, out var message, _client._options.MaxMessageBytes))
                        {
                            try { _client.Dispatch(this, message!); }
                            catch (Exception ex) { _client._logger.LogError(ex, "AMI dispatch of {Message} failed; contained", message); }
                        }
                    }
                    finally { _reader.AdvanceTo(buffer.Start, buffer.End); }
                    if (result.IsCompleted)
                    {
                        return _abortReason ?? new AmiConnectionLostException(buffer.IsEmpty
                            ? "Asterisk closed the connection"
                            : $"Asterisk closed the connection in the middle of a message ({buffer.Length} bytes discarded)");
                    }
                }
            }
            catch (OperationCanceledException) { return _abortReason ?? new AmiConnectionLostException("the session was closed"); }
            catch (Exception ex) { return _abortReason ?? ex; }
        }

        public async Task<AmiEventList> SendAsync(AmiAction action, bool isList, CancellationToken ct, TimeSpan? timeout = null)
        {
            var id = _client.NextActionId();
            var pending = new PendingAction(id, action.Name, isList);
            var bytes = action.Serialize(id);
            Pending[id] = pending;
            // The timeout runs from before the write, so it covers a stalled socket too.
            var limit = timeout ?? _client._options.ActionTimeout;
            var response = pending.Task.WaitAsync(limit, _client._time, ct);
            try
            {
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _cts.Token))
                {
                    await _writeLock.WaitAsync(linked.Token).ConfigureAwait(false);
                    try
                    {
                        var flush = await _writer.WriteAsync(bytes, linked.Token).ConfigureAwait(false);
                        if (flush.IsCompleted) throw new AmiConnectionLostException("the AMI connection is closed");
                    }
                    finally { _writeLock.Release(); }
                }
                return await response.ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new AmiTimeoutException($"AMI action {action.Name} (ActionID {id}) got no {(isList ? "complete event list" : "response")} within {limit}");
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new AmiConnectionLostException($"AMI connection lost while sending {action.Name} (ActionID {id})", _abortReason);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                throw new AmiConnectionLostException($"AMI connection lost while sending {action.Name} (ActionID {id}): {ex.Message}", ex);
            }
            finally
            {
                Pending.TryRemove(id, out _);
                if (!response.IsCompleted)
                {
                    pending.Fail(new OperationCanceledException("the action was abandoned"));
                    _ = response.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }

        public void StartKeepAlive()
        {
            var interval = _client._options.KeepAliveInterval;
            if (interval <= TimeSpan.Zero) return;
            _keepAlive = _client._time.CreateTimer(_ => OnKeepAlive(), null, interval, interval);
        }

        private void OnKeepAlive()
        {
            if (_cts.IsCancellationRequested || Interlocked.Exchange(ref _pinging, 1) == 1) return;
            _ = PingAsync();
        }

        private async Task PingAsync()
        {
            try
            {
                var r = await SendAsync(new AmiAction("Ping"), isList: false, _cts.Token).ConfigureAwait(false);
                if (!r.Response.IsSuccess) _client._logger.LogWarning("AMI keep-alive Ping answered {Response}", r.Response.Response);
            }
            catch (Exception ex) when (!_cts.IsCancellationRequested)
            {
                Abort(new AmiConnectionLostException($"keep-alive Ping failed, the connection is considered dead: {ex.Message}", ex));
            }
            catch (Exception) { }
            finally { Volatile.Write(ref _pinging, 0); }
        }

        public void Abort(Exception reason)
        {
            Interlocked.CompareExchange(ref _abortReason, reason, null);
            try { _cts.Cancel(); } catch (ObjectDisposedException) { }
            try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception) { }
        }

        public async ValueTask DisposeAsync()
        {
            _keepAlive?.Dispose();
            Abort(new AmiConnectionLostException("the session was closed"));
            if (_readLoop is not null) await _readLoop.ConfigureAwait(false);
            var reason = _abortReason;
            foreach (var p in Pending.Values)
                p.Fail(new AmiConnectionLostException(
                    $"AMI connection lost before the response to {p.Name} (ActionID {p.Id}) arrived: {reason?.Message}", reason));
            // The socket is gone: completing the pipes may throw (a flush into a closed socket); that is expected.
            try { await _reader.CompleteAsync().ConfigureAwait(false); } catch (Exception) { }
            try { await _writer.CompleteAsync().ConfigureAwait(false); } catch (Exception) { }
            try { await _stream.DisposeAsync().ConfigureAwait(false); } catch (Exception) { }
            _cts.Dispose();
        }

        private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";
    }
}

/// <summary>The response of an event-list action and its events (without the Complete event).</summary>
public sealed record AmiEventList(AmiMessage Response, IReadOnlyList<AmiMessage> Events, AmiMessage? Complete)
{
    public bool IsSuccess => Response.IsSuccess;
}
