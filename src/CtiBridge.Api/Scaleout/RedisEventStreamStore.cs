using System.Globalization;
using System.Text.Json;
using CtiBridge.Api.Events;
using StackExchange.Redis;

namespace CtiBridge.Api.Scaleout;

/// <summary>
/// The tenants' event streams in Redis (docs/architecture.md, "Several nodes"). Per tenant, keys with the tenant id as
/// Redis Cluster hash tag, so one script touches one slot:
/// <c>&lt;prefix&gt;:events:{&lt;tenant&gt;}:owner</c> (the lease epoch of the node that numbers the tenant's events: a script
/// refuses the writes of an older one), <c>…:epoch</c> (the tenant's stream epoch), <c>…:seq</c> (hash: user → last
/// sequence number) and <c>…:log:&lt;user&gt;</c> (list of the user's last <see cref="AgentEventStreams.BufferSize"/>
/// envelopes as sent, expiring <see cref="AgentEventStreams.BufferAge"/> after the last one). The epoch and the sequence
/// numbers expire together after <see cref="StreamTtl"/> without an event (then the next holder starts a new epoch).
/// </summary>
public sealed class RedisEventStreamStore(RedisConnection redis, string prefix) : IEventStreamStore
{
    /// <summary>How long a tenant's epoch and sequence numbers are kept without any event.</summary>
    public static readonly TimeSpan StreamTtl = TimeSpan.FromDays(7);

    // KEYS: owner, epoch, seq. ARGV: fence, proposed epoch, ttl ms. → {0, epoch} or {-1, owner} when a newer holder claimed it.
    private const string LoadScript = """
        local owner = redis.call('GET', KEYS[1])
        if owner and tonumber(owner) > tonumber(ARGV[1]) then return {-1, owner} end
        redis.call('SET', KEYS[1], ARGV[1])
        local epoch = redis.call('GET', KEYS[2])
        if not epoch then
          epoch = ARGV[2]
          redis.call('SET', KEYS[2], epoch, 'PX', ARGV[3])
          redis.call('DEL', KEYS[3])
        end
        return {0, epoch}
        """;

    // KEYS: owner, epoch, seq, log. ARGV: fence, epoch, user, seq, json, max, log ttl ms, stream ttl ms.
    private const string AppendScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
        if redis.call('GET', KEYS[2]) ~= ARGV[2] then return -2 end
        redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
        redis.call('RPUSH', KEYS[4], ARGV[5])
        redis.call('LTRIM', KEYS[4], -tonumber(ARGV[6]), -1)
        redis.call('PEXPIRE', KEYS[4], ARGV[7])
        redis.call('PEXPIRE', KEYS[2], ARGV[8])
        redis.call('PEXPIRE', KEYS[3], ARGV[8])
        return 1
        """;

    // KEYS: owner, epoch, seq. ARGV: fence, epoch, ttl ms. → 1, or -1 when a newer holder claimed it.
    private const string ReplaceScript = """
        local owner = redis.call('GET', KEYS[1])
        if owner and tonumber(owner) > tonumber(ARGV[1]) then return -1 end
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
        redis.call('DEL', KEYS[3])
        return 1
        """;

    // KEYS: owner, epoch, seq, log. ARGV: fence, epoch, user, seq, log ttl ms, stream ttl ms, envelopes…
    private const string ReplaceUserScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
        if redis.call('GET', KEYS[2]) ~= ARGV[2] then return -2 end
        redis.call('DEL', KEYS[4])
        for i = 7, #ARGV do redis.call('RPUSH', KEYS[4], ARGV[i]) end
        redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
        if #ARGV >= 7 then redis.call('PEXPIRE', KEYS[4], ARGV[5]) end
        redis.call('PEXPIRE', KEYS[3], ARGV[6])
        return 1
        """;

    public async Task ReplaceAsync(Guid tenantId, long fence, string epoch, IReadOnlyList<StoredUserStream> users, CancellationToken ct)
    {
        var db = (await redis.GetAsync(ct).ConfigureAwait(false)).GetDatabase();
        var claimed = (long)(await db.ScriptEvaluateAsync(ReplaceScript,
            [Key(tenantId, "owner"), Key(tenantId, "epoch"), Key(tenantId, "seq")],
            [fence, epoch, (long)StreamTtl.TotalMilliseconds]).ConfigureAwait(false));
        if (claimed < 0) throw new InvalidOperationException("Redis refused the streams: another node holds the tenant's streams now.");
        var fenceArg = fence.ToString(CultureInfo.InvariantCulture);
        var writes = users.Select(u => db.ScriptEvaluateAsync(ReplaceUserScript,
            [Key(tenantId, "owner"), Key(tenantId, "epoch"), Key(tenantId, "seq"), Key(tenantId, "log:" + u.UserId.ToString("D"))],
            new RedisValue[] { fenceArg, epoch, u.UserId.ToString("D"), u.Seq, (long)AgentEventStreams.BufferAge.TotalMilliseconds, (long)StreamTtl.TotalMilliseconds }
                .Concat(u.Envelopes.Select(j => (RedisValue)j)).ToArray())).ToList();
        foreach (var write in writes)
            if ((long)(await write.ConfigureAwait(false)) < 0) throw new InvalidOperationException("Redis refused the streams while they were written back.");
    }

    private string Key(Guid tenantId, string part) => $"{prefix}:events:{{{tenantId:D}}}:{part}";

    public async Task<StoredTenantStreams> LoadAsync(Guid tenantId, long fence, string proposedEpoch, CancellationToken ct)
    {
        var db = (await redis.GetAsync(ct).ConfigureAwait(false)).GetDatabase();
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(LoadScript,
            [Key(tenantId, "owner"), Key(tenantId, "epoch"), Key(tenantId, "seq")],
            [fence, proposedEpoch, (long)StreamTtl.TotalMilliseconds]).ConfigureAwait(false))!;
        if ((long)result[0] < 0)
            throw new InvalidOperationException($"Redis: the tenant's event streams are claimed by the holder of lease epoch {(string?)result[1]}, newer than {fence}.");
        var epoch = (string)result[1]!;
        var seqs = await db.HashGetAllAsync(Key(tenantId, "seq")).ConfigureAwait(false);
        var logs = seqs.Select(s => db.ListRangeAsync(Key(tenantId, "log:" + s.Name))).ToList(); // pipelined
        await Task.WhenAll(logs).ConfigureAwait(false);
        var users = new Dictionary<Guid, (long, IReadOnlyList<EventEnvelope>)>();
        for (var i = 0; i < seqs.Length; i++)
        {
            if (!Guid.TryParse((string?)seqs[i].Name, out var user)) continue;
            var envelopes = new List<EventEnvelope>();
            foreach (var json in logs[i].Result)
                if (Parse((byte[]?)json) is { } envelope && envelope.Epoch == epoch) envelopes.Add(envelope);
            users[user] = ((long)seqs[i].Value, envelopes);
        }
        return new StoredTenantStreams(epoch, users);
    }

    public async Task AppendAsync(Guid tenantId, long fence, string epoch, IReadOnlyList<StoredEnvelope> envelopes, CancellationToken ct)
    {
        var db = (await redis.GetAsync(ct).ConfigureAwait(false)).GetDatabase();
        var fenceArg = fence.ToString(CultureInfo.InvariantCulture);
        var writes = envelopes.Select(x => db.ScriptEvaluateAsync(AppendScript,
            [Key(tenantId, "owner"), Key(tenantId, "epoch"), Key(tenantId, "seq"), Key(tenantId, "log:" + x.UserId.ToString("D"))],
            [fenceArg, epoch, x.UserId.ToString("D"), x.Seq, x.Json, AgentEventStreams.BufferSize,
                (long)AgentEventStreams.BufferAge.TotalMilliseconds, (long)StreamTtl.TotalMilliseconds])).ToList(); // pipelined, in order
        foreach (var write in writes)
        {
            var r = (long)(await write.ConfigureAwait(false));
            if (r == -1) throw new InvalidOperationException("Redis refused the event: another node holds the tenant's streams now.");
            if (r == -2) throw new InvalidOperationException("Redis refused the event: the tenant's stream epoch changed or expired.");
        }
    }

    private static EventEnvelope? Parse(byte[]? json)
    {
        if (json is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return new EventEnvelope(root.GetProperty("epoch").GetString()!, root.GetProperty("seq").GetInt64(), root.GetProperty("name").GetString()!,
                root.GetProperty("at").GetDateTimeOffset(), root.GetProperty("data").Clone());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // not ours: the gap check in the stream turns a missing envelope into a resync
        }
    }
}

/// <summary>
/// One connection to the deployment's Redis (<c>Redis:ConnectionString</c>), opened on first use. Never blocks a caller
/// for long: it does not abort when Redis is down at start (it keeps trying in the background), commands fail at once
/// while it is disconnected instead of queueing, and each waits at most 1 s.
/// </summary>
public sealed class RedisConnection(string connectionString) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _mux;

    public static ConfigurationOptions Options(string connectionString)
    {
        var o = ConfigurationOptions.Parse(connectionString);
        o.AbortOnConnectFail = false;
        o.BacklogPolicy = BacklogPolicy.FailFast;
        if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase)) o.ConnectTimeout = 2000;
        if (!connectionString.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase)) o.AsyncTimeout = 1000;
        if (!connectionString.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase)) o.SyncTimeout = 1000;
        return o;
    }

    public async Task<IConnectionMultiplexer> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _mux) is { } mux) return mux;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // On the thread pool: the first connect may block its caller for a while before it returns a task.
            return _mux ??= await Task.Run(() => ConnectionMultiplexer.ConnectAsync(Options(connectionString)), ct).ConfigureAwait(false);
        }
        finally { _gate.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_mux is { } mux) await mux.DisposeAsync().ConfigureAwait(false);
    }
}
