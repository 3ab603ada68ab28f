using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;

namespace CtiBridge.Asterisk.Tests.Fakes;

/// <summary>The adapter on a <see cref="FakeAriServer"/> (application "cti", fast reconnects), as the adapter tests use it.</summary>
internal static class FakeAdapter
{
    public static (AriEventStream Events, AsteriskPbx Pbx) Create(FakeAriServer ari, Xunit.Abstractions.ITestOutputHelper output,
        AsteriskPbxOptions? options = null)
    {
        var ariOptions = new AriOptions
        {
            BaseUrl = ari.BaseUrl, Username = "cti", Password = "secret", Application = "cti",
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), JitterRatio = 0 },
        };
        var events = new AriEventStream(ariOptions);
        return (events, new AsteriskPbx(new AriClient(new HttpClient(), ariOptions), events, null, options ?? new AsteriskPbxOptions(), new XunitLogger<AsteriskPbx>(output)));
    }
}
