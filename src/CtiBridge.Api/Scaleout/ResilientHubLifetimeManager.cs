using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace CtiBridge.Api.Scaleout;

/// <summary>
/// SignalR's Redis backplane (<see cref="RedisHubLifetimeManager{THub}"/>) made so that Redis being down never stops this
/// node's own connections: every send goes first to the connections on this node (<see cref="DefaultHubLifetimeManager{THub}"/>),
/// then through Redis to the other nodes' connections, excluding this node's (so nobody receives it twice). A Redis that
/// fails or is late (1 s) costs only the other nodes' copies, logged, and is left alone for 5 s; a connection opened while Redis was down is not
/// subscribed there and gets only this node's sends. With forwarding (a tenant's hub connections end on its lease
/// holder, the only node that sends the tenant's events) the Redis copies reach nobody today: docs/architecture.md.
/// </summary>
public sealed class ResilientHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable where THub : Hub
{
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(1);

    private readonly DefaultHubLifetimeManager<THub> _local;
    private readonly RedisHubLifetimeManager<THub> _redis;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _groups = new(StringComparer.Ordinal);
    private long _lastWarning;

    public ResilientHubLifetimeManager(ILoggerFactory loggers, Microsoft.Extensions.Options.IOptions<RedisOptions> options,
        IHubProtocolResolver protocols)
    {
        _local = new DefaultHubLifetimeManager<THub>(loggers.CreateLogger<DefaultHubLifetimeManager<THub>>());
        _redis = new RedisHubLifetimeManager<THub>(loggers.CreateLogger<RedisHubLifetimeManager<THub>>(), options, protocols);
        _log = loggers.CreateLogger<ResilientHubLifetimeManager<THub>>();
    }

    /// <summary>Redis operations that failed or were late (the other nodes' copies of a send, or a subscription).</summary>
    public static long RedisFailures => Interlocked.Read(ref _failures);
    private static long _failures;

    // After a failure Redis is left alone for a while, so a Redis that hangs costs one timeout, not one per send.
    private static readonly TimeSpan RedisPause = TimeSpan.FromSeconds(5);
    private long _redisPausedUntil;

    private async Task ViaRedisAsync(Func<Task> operation, string what)
    {
        if (Environment.TickCount64 < Interlocked.Read(ref _redisPausedUntil)) { Interlocked.Increment(ref _failures); return; }
        // On the thread pool: the backplane connects on first use, which may block its caller before returning a task.
        try { await Task.Run(operation).WaitAsync(RedisTimeout).ConfigureAwait(false); }
        catch (Exception ex)
        {
            Interlocked.Increment(ref _failures);
            Interlocked.Exchange(ref _redisPausedUntil, Environment.TickCount64 + (long)RedisPause.TotalMilliseconds);
            // One warning a minute at most: an outage would otherwise log every event.
            var now = Environment.TickCount64;
            var last = Interlocked.Read(ref _lastWarning);
            if (now - last > 60_000 && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
                _log.LogWarning("SignalR backplane: {What} through Redis failed ({Error}); this node's connections are served without it", what, ex.GetBaseException().Message);
        }
    }

    private IReadOnlyList<string> LocalMembers(string group) =>
        _groups.TryGetValue(group, out var members) ? members.Keys.ToList() : [];

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await _local.OnConnectedAsync(connection).ConfigureAwait(false);
        _connections[connection.ConnectionId] = 0;
        await ViaRedisAsync(() => _redis.OnConnectedAsync(connection), "subscribing a connection").ConfigureAwait(false);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        foreach (var (group, members) in _groups)
            if (members.TryRemove(connection.ConnectionId, out _) && members.IsEmpty) _groups.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(group, members));
        await _local.OnDisconnectedAsync(connection).ConfigureAwait(false);
        await ViaRedisAsync(() => _redis.OnDisconnectedAsync(connection), "unsubscribing a connection").ConfigureAwait(false);
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken ct = default)
    {
        await _local.AddToGroupAsync(connectionId, groupName, ct).ConfigureAwait(false);
        if (_connections.ContainsKey(connectionId)) _groups.GetOrAdd(groupName, _ => new(StringComparer.Ordinal))[connectionId] = 0;
        await ViaRedisAsync(() => _redis.AddToGroupAsync(connectionId, groupName, ct), "joining a group").ConfigureAwait(false);
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken ct = default)
    {
        await _local.RemoveFromGroupAsync(connectionId, groupName, ct).ConfigureAwait(false);
        if (_groups.TryGetValue(groupName, out var members)) members.TryRemove(connectionId, out _);
        await ViaRedisAsync(() => _redis.RemoveFromGroupAsync(connectionId, groupName, ct), "leaving a group").ConfigureAwait(false);
    }

    public override async Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken ct = default)
    {
        await _local.SendGroupAsync(groupName, methodName, args, ct).ConfigureAwait(false);
        await ViaRedisAsync(() => _redis.SendGroupExceptAsync(groupName, methodName, args, LocalMembers(groupName), ct), "a group send").ConfigureAwait(false);
    }

    public override async Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken ct = default)
    {
        foreach (var group in groupNames) await SendGroupAsync(group, methodName, args, ct).ConfigureAwait(false);
    }

    public override async Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken ct = default)
    {
        await _local.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, ct).ConfigureAwait(false);
        await ViaRedisAsync(() => _redis.SendGroupExceptAsync(groupName, methodName, args, LocalMembers(groupName).Concat(excludedConnectionIds).ToList(), ct), "a group send").ConfigureAwait(false);
    }

    public override async Task SendAllAsync(string methodName, object?[] args, CancellationToken ct = default)
    {
        await _local.SendAllAsync(methodName, args, ct).ConfigureAwait(false);
        await ViaRedisAsync(() => _redis.SendAllExceptAsync(methodName, args, _connections.Keys.ToList(), ct), "a send to all").ConfigureAwait(false);
    }

    public override async Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken ct = default)
    {
        await _local.SendAllExceptAsync(methodName, args, excludedConnectionIds, ct).ConfigureAwait(false);
        await ViaRedisAsync(() => _redis.SendAllExceptAsync(methodName, args, _connections.Keys.Concat(excludedConnectionIds).ToList(), ct), "a send to all").ConfigureAwait(false);
    }

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken ct = default) =>
        _connections.ContainsKey(connectionId)
            ? _local.SendConnectionAsync(connectionId, methodName, args, ct)
            : ViaRedisAsync(() => _redis.SendConnectionAsync(connectionId, methodName, args, ct), "a send to a connection");

    public override async Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken ct = default)
    {
        foreach (var id in connectionIds) await SendConnectionAsync(id, methodName, args, ct).ConfigureAwait(false);
    }

    // Users: Redis delivers a user's messages to this node's connections too (no "except" form), so it carries them
    // alone while it answers, and this node's connections get them directly when it does not. CtiBridge sends to groups.
    public override async Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken ct = default)
    {
        try { await Task.Run(() => _redis.SendUserAsync(userId, methodName, args, ct), ct).WaitAsync(RedisTimeout, ct).ConfigureAwait(false); }
        catch (Exception) when (!ct.IsCancellationRequested) { await _local.SendUserAsync(userId, methodName, args, ct).ConfigureAwait(false); }
    }

    public override async Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken ct = default)
    {
        foreach (var user in userIds) await SendUserAsync(user, methodName, args, ct).ConfigureAwait(false);
    }

    public void Dispose() => _redis.Dispose();
}
