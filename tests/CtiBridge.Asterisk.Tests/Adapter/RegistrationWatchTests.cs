using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace CtiBridge.Asterisk.Tests.Adapter;

/// <summary>
/// Asterisk can lose the Stasis application's registration under a WebSocket that has just connected (a cut connection's
/// clean-up runs after the new one registered: reproduced on Asterisk 22.10 by resetting a WebSocket and connecting the
/// next one at once — the new one then gets no event and <c>GET /applications/{app}</c> answers 404). The adapter looks
/// at the registration after each connection and then periodically, and reconnects when it is gone.
/// </summary>
public sealed class RegistrationWatchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string App = """{"name":"cti","channel_ids":[],"bridge_ids":[],"endpoint_ids":[],"device_names":[],"events_allowed":[],"events_disallowed":[]}""";

    private static readonly AsteriskPbxOptions FastChecks = new()
    {
        RegistrationChecksAfterConnect = [TimeSpan.FromMilliseconds(100)],
        RegistrationCheckInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A fake ARI whose application is registered while <paramref name="registered"/> says so.</summary>
    private static Func<HttpContext, string, Task> Rest(Func<bool> registered) => (ctx, line) =>
    {
        string? json = null;
        if (line == "GET /ari/applications/cti")
        {
            if (!registered())
            {
                ctx.Response.StatusCode = 404;
                return ctx.Response.WriteAsync("""{"message":"Application not found"}""");
            }
            json = App;
        }
        else if (line is "GET /ari/channels" or "GET /ari/bridges") json = "[]";
        if (json is null) { ctx.Response.StatusCode = 204; return Task.CompletedTask; }
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    };

    [Fact]
    public async Task A_registration_lost_right_after_connecting_makes_the_adapter_reconnect_and_resync()
    {
        await using var ari = await FakeAriServer.StartAsync();
        var looks = 0; // the first look finds it gone (Asterisk's clean-up of the previous session removed it); the next connection registers it again
        ari.Rest = Rest(() => Interlocked.Increment(ref looks) > 1);
        var (events, pbx) = FakeAdapter.Create(ari, output, FastChecks);
        await using var _ = events;
        await using var __ = pbx;
        await pbx.StartAsync(waitForConnection: true).WithGuard();
        var first = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();

        var second = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();

        Assert.NotSame(first, second);
        Assert.Contains(ari.Requests.Items, r => r.Request == "GET /ari/applications/cti");
        // The reconnection resyncs: what the dead connection missed is read back from Asterisk.
        await ari.Requests.WaitAsync(l => l.Count(r => r.Request == "GET /ari/channels") >= 2); // a resync after the reconnection
        // And the new registration is kept: no third connection.
        await Task.Delay(600);
        Assert.False(ari.Sockets.Reader.TryRead(out var third), "reconnected again although the application was registered");
    }

    [Fact]
    public async Task A_registration_lost_later_is_found_by_the_periodic_look_and_a_kept_one_never_drops_the_connection()
    {
        await using var ari = await FakeAriServer.StartAsync();
        var registered = true;
        ari.Rest = Rest(() => registered);
        var (events, pbx) = FakeAdapter.Create(ari, output, FastChecks);
        await using var _ = events;
        await using var __ = pbx;
        await pbx.StartAsync(waitForConnection: true).WithGuard();
        await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();

        await ari.Requests.WaitAsync(l => l.Count(r => r.Request == "GET /ari/applications/cti") >= 4); // the periodic look
        Assert.False(ari.Sockets.Reader.TryRead(out var _1), "a registered application must not make the adapter reconnect");

        registered = false;
        var next = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
        Assert.NotNull(next);
    }
}
