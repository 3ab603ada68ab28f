using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>An <see cref="AsteriskPbx"/> connected to the test Asterisk, as production builds it (ARI + AMI).</summary>
public sealed class AdapterHarness : IAsyncDisposable
{
    private AdapterHarness(RealAsterisk asterisk, AriClient ari, AriEventStream events, AmiClient ami, AsteriskPbx pbx)
    {
        Asterisk = asterisk; Ari = ari; Events = events; Ami = ami; Pbx = pbx;
    }

    public RealAsterisk Asterisk { get; }
    public AriClient Ari { get; }
    public AriEventStream Events { get; }
    public AmiClient Ami { get; }
    public AsteriskPbx Pbx { get; }

    /// <param name="beforeStart">Runs once the adapter exists and before it connects (e.g. a call center subscribing to it).</param>
    public static async Task<AdapterHarness> StartAsync(RealAsterisk asterisk, Application.Pbx.IPbxEventHandler? handler = null,
        AsteriskPbxOptions? options = null, Action<AsteriskPbx>? beforeStart = null)
    {
        // A wait that times out says what Asterisk itself was doing meanwhile.
        if (handler is RecordingPbxHandler recording) recording.Diagnostics ??= () => asterisk.ConsoleTail(40);
        var ariOptions = new AriOptions
        {
            BaseUrl = asterisk.AriUrl, Username = asterisk.AriUser, Password = asterisk.AriPassword, Application = "ctibridge",
        };
        var amiOptions = new AmiOptions { Host = "127.0.0.1", Port = asterisk.AmiPort, Username = asterisk.AmiUser, Secret = asterisk.AmiSecret,
            // As production registers it, plus what the tests observe through this session.
            IncludeEvents = [.. AsteriskPbx.AmiEventsUsed, "MusicOnHoldStart"] };
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) });
        var ari = new AriClient(http, ariOptions);
        var events = new AriEventStream(ariOptions);
        var ami = new AmiClient(amiOptions);
        var pbx = new AsteriskPbx(ari, events, ami, options ?? new AsteriskPbxOptions(), FileLogger<AsteriskPbx>.FromEnvironment());
        if (handler is not null) pbx.Subscribe(handler);
        beforeStart?.Invoke(pbx);
        await pbx.StartAsync(waitForConnection: true).WaitAsync(TimeSpan.FromSeconds(30));
        await ami.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new AdapterHarness(asterisk, ari, events, ami, pbx);
    }

    /// <summary>A customer calls the committed dialplan's <paramref name="did"/> from the trunk side; returns (leg, customer's phone).</summary>
    public async Task<(string Leg, string Phone)> CustomerCallsAsync(string did = "5551001", string from = "5550100")
    {
        var leg = "itest-cust-" + Guid.NewGuid().ToString("N")[..12];
        var phone = leg + "-phone";
        // The first half (our leg) runs from-trunk-demo/<did> once the second half (the customer's phone) answers.
        await Asterisk.OriginateAsync("Local/talk@itest-customer/n", "from-trunk-demo", did, $"\"Customer\" <{from}>", leg, phone);
        return (leg, phone);
    }

    /// <summary>Stops the adapter's connections as a crashed process would: nothing is hung up or cleaned up.</summary>
    public async Task StopLikeACrashAsync()
    {
        await Pbx.DisposeAsync();
        await Events.DisposeAsync();
        await Ami.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Pbx.DisposeAsync();
        await Events.DisposeAsync();
        await Ami.DisposeAsync();
        // Whatever a failed test left behind must not spill into the next test.
        foreach (var c in await Asterisk.ChannelsAsync()) await Asterisk.HangupAsync(c.Id);
        foreach (var b in await Asterisk.BridgesAsync()) using (await Asterisk.Http.DeleteAsync("bridges/" + b.Id)) { }
    }
}
