using System.Text;
using CtiBridge.Api.Events;
using CtiBridge.Api.Scaleout;
using CtiBridge.Api.Tests.Observability;
using CtiBridge.TestSupport;
using StackExchange.Redis;

namespace CtiBridge.Api.Tests.Scaleout;

/// <summary>
/// The Redis store of the event streams on its own (a real redis-server): the lease epoch fences it (a node whose lease
/// is older can neither claim the streams nor write to them once a newer holder claimed them), the epoch survives a
/// reload, each user's backlog is trimmed to the in-memory bound, and a lost epoch starts a new numbering.
/// </summary>
public sealed class RedisEventStreamStoreTests
{
    private static StoredEnvelope Envelope(string epoch, Guid user, long seq) =>
        new(user, seq, DateTimeOffset.UtcNow,
            Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { epoch, seq, name = "agentStateChanged", at = DateTimeOffset.UtcNow, data = new { n = seq } })));

    [RedisInstalledFact]
    public async Task The_lease_epoch_fences_claims_and_writes_the_epoch_survives_a_reload_and_the_backlog_is_bounded()
    {
        await using var redis = await RedisInstance.StartAsync();
        await using var connection = new RedisConnection(redis.ConnectionString);
        var store = new RedisEventStreamStore(connection, "t2");
        var tenant = Guid.NewGuid();
        var ann = Guid.NewGuid();

        // Node of lease epoch 1 claims the streams: the proposed epoch becomes the tenant's.
        var first = await store.LoadAsync(tenant, 1, "epoch-one", default);
        Assert.Equal("epoch-one", first.Epoch);
        Assert.Empty(first.Users);
        for (var seq = 1; seq <= AgentEventStreams.BufferSize + 5; seq++)
            await store.AppendAsync(tenant, 1, "epoch-one", [Envelope("epoch-one", ann, seq)], default);

        // Epoch 2 takes over: same epoch, Ann's last number, her last 500 envelopes (6 … 505), in order.
        var second = await store.LoadAsync(tenant, 2, "epoch-two", default);
        Assert.Equal("epoch-one", second.Epoch);
        var (last, envelopes) = second.Users[ann];
        Assert.Equal(AgentEventStreams.BufferSize + 5, last);
        Assert.Equal(Enumerable.Range(6, AgentEventStreams.BufferSize).Select(i => (long)i), envelopes.Select(e => e.Seq));

        // The old holder is fenced off: its writes and a new claim by it are refused, and nothing of it is stored.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(tenant, 1, "epoch-one", [Envelope("epoch-one", ann, 506)], default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.LoadAsync(tenant, 1, "epoch-x", default));
        await store.AppendAsync(tenant, 2, "epoch-one", [Envelope("epoch-one", ann, 506)], default);
        Assert.Equal(506, (await store.LoadAsync(tenant, 2, "epoch-y", default)).Users[ann].Seq);

        // A write under another epoch is refused (the tenant's epoch expired or was replaced).
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(tenant, 2, "epoch-zzz", [Envelope("epoch-zzz", ann, 1)], default));

        // The epoch lost (expired): the next claim starts a new epoch and no old numbers.
        await using (var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
            await mux.GetDatabase().KeyDeleteAsync($"t2:events:{{{tenant:D}}}:epoch");
        var fresh = await store.LoadAsync(tenant, 3, "epoch-three", default);
        Assert.Equal("epoch-three", fresh.Epoch);
        Assert.Empty(fresh.Users);
    }

    [Fact]
    public async Task An_unreachable_Redis_fails_fast()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var connection = new RedisConnection($"127.0.0.1:{port}");
        var store = new RedisEventStreamStore(connection, "t3");
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<Exception>(() => store.LoadAsync(Guid.NewGuid(), 1, "e", default));
        // Bounded by CtiBridge's own timeouts (connect 2 s, async 1 s: well under 5 s on a quiet machine, 6 s seen on a
        // loaded one) rather than left to the client's defaults; the bound leaves room for a loaded machine.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), $"took {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
    }
}
