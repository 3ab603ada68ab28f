using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Asterisk.Tests.Protocol;

public class ConnectionTests
{
    [Fact]
    public void Backoff_grows_exponentially_is_capped_and_jitter_only_shortens()
    {
        var options = new ReconnectOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), Multiplier = 2, JitterRatio = 0.2 };
        var none = new BackoffPolicy(options, () => 0.0);
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(a => none.GetDelay(a).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), none.GetDelay(10_000)); // no overflow

        var rnd = new Random(99);
        var jittered = new BackoffPolicy(options, rnd.NextDouble);
        for (int attempt = 1; attempt < 50; attempt++)
        {
            var d = jittered.GetDelay(attempt);
            var full = none.GetDelay(attempt);
            Assert.InRange(d, full * 0.8, full);
        }
    }

    [Fact]
    public void Invalid_backoff_settings_are_rejected_with_a_reason()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffPolicy(new ReconnectOptions { InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) }));
        Assert.Contains("MaxDelay", ex.Message);
    }

    [Fact]
    public async Task AddAsteriskClients_binds_both_sections_and_registers_the_clients()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Asterisk:Ari:BaseUrl"] = "http://10.0.0.5:8088",
            ["Asterisk:Ari:Username"] = "cti",
            ["Asterisk:Ari:Password"] = "pw",
            ["Asterisk:Ari:SubscribeAll"] = "true",
            ["Asterisk:Ari:Reconnect:MaxDelay"] = "00:00:20",
            ["Asterisk:Ami:Host"] = "10.0.0.5",
            ["Asterisk:Ami:Username"] = "cti",
            ["Asterisk:Ami:Secret"] = "s",
            ["Asterisk:Ami:KeepAliveInterval"] = "00:00:15",
        }).Build();
        await using var sp = new ServiceCollection().AddLogging().AddAsteriskClients(config).BuildServiceProvider();

        var ari = sp.GetRequiredService<AriClient>();
        Assert.Equal("ctibridge", ari.Options.Application);
        Assert.True(ari.Options.SubscribeAll);
        Assert.Equal(TimeSpan.FromSeconds(20), ari.Options.Reconnect.MaxDelay);
        Assert.Equal(new Uri("ws://10.0.0.5:8088/ari/events?app=ctibridge&subscribeAll=true"), ari.Options.EventsUri());
        Assert.Same(sp.GetRequiredService<AriEventStream>(), sp.GetRequiredService<AriEventStream>());
        var ami = sp.GetRequiredService<AmiClient>();
        Assert.Equal(ConnectionState.Disconnected, ami.Status.State);
        Assert.Equal(5038, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AmiOptions>>().Value.Port);
        Assert.Equal(TimeSpan.FromSeconds(15), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AmiOptions>>().Value.KeepAliveInterval);
    }

    [Fact]
    public void AMI_actions_reject_line_breaks_so_no_header_can_be_injected()
    {
        Assert.Throws<ArgumentException>(() => new AmiAction("Setvar").Add("Value", "x\r\nAction: Hangup"));
        var bytes = new AmiAction("Originate").Add("Channel", "PJSIP/1001").Add("Variable", "A=1").Add("Variable", "B=2").Serialize("cti-7");
        Assert.Equal("Action: Originate\r\nActionID: cti-7\r\nChannel: PJSIP/1001\r\nVariable: A=1\r\nVariable: B=2\r\n\r\n", System.Text.Encoding.UTF8.GetString(bytes));
    }
}
