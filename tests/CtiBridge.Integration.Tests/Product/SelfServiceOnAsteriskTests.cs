using System.Net;
using System.Net.Sockets;
using System.Text;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// Self-service on a real Asterisk: a customer (sipp) calls the Sales queue, the agent's desk phone (sipp) answers, the
/// agent sends the customer to a flow through the API, and the customer's sipp types digits as RFC 4733 telephone-events
/// (sipp's DTMF captures, played with <c>play_pcap_audio</c>). Asterisk reports them to CtiBridge, which brings the
/// customer back to the agent as soon as the terminator arrives, with the digits attached to the call.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class SelfServiceOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    [AsteriskSippAndDtmfCapturesFact]
    public async Task The_customer_types_digits_in_a_flow_and_is_back_with_the_agent_at_the_terminator_with_the_digits_attached()
    {
        // A long timeout: coming back within it shows the terminator ended the flow, not the clock.
        await Tenant.Admin.PostJsonAsync("/api/v1/admin/self-service-flows",
            new { name = "account", prompt = "conf-getpin", maxDigits = 12, terminator = "#", timeoutSeconds = 120, dataKey = "accountNumber" }, HttpStatusCode.Created);
        var (agent, _, _) = await AgentOnlineAsync("ssa", "1107", ready: true);
        Assert.Contains((await agent.GetJsonAsync("/api/v1/agent/self-service-flows")).EnumerateArray(), f => f.Str("name") == "account");

        var token = "ss" + Guid.NewGuid().ToString("N")[..10];
        var customer = Track(DtmfCustomer.Start(AsteriskServer, token, "258#"));
        var call = await Wait.CallAsync(agent, c => c.Str("state") == "Connected", "the customer connected with the agent", diagnostics: Diagnostics);
        var callId = call.Str("callId");
        await Wait.UntilAsync(async () => await CustomerInBridgeAsync(), "the customer bridged with the agent on Asterisk", diagnostics: Diagnostics);

        await agent.PostJsonAsync($"/api/v1/calls/{callId}/self-service", new { flow = "account" }, HttpStatusCode.NoContent);
        await Wait.CallAsync(agent, c => c.Str("callId") == callId && c.Str("selfService") == "account", "the call in self-service", diagnostics: Diagnostics);
        await Wait.UntilAsync(async () => !await CustomerInBridgeAsync(), "the customer out of the agent's bridge (hearing the prompt)", diagnostics: Diagnostics);

        var started = DateTime.UtcNow;
        await DtmfCustomer.TypeNowAsync(AsteriskServer, token);
        var back = await Wait.CallAsync(agent, c => c.Str("callId") == callId && c.GetProperty("selfService").ValueKind == System.Text.Json.JsonValueKind.Null,
            "the customer back from self-service", seconds: 30, diagnostics: () => Diagnostics() + "\n" + Host.Log.Since(started.AddSeconds(-30)));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), "back at the terminator, long before the flow's 120 s timeout");
        var attached = back.GetProperty("attachedData").EnumerateArray().FirstOrDefault(d => d.Str("key") == "accountNumber");
        Assert.True(attached.ValueKind != System.Text.Json.JsonValueKind.Undefined, "accountNumber attached: " + back);
        Assert.Equal("258", attached.Str("value"));
        await Wait.UntilAsync(async () => await CustomerInBridgeAsync(), "the customer back in the agent's bridge on Asterisk", diagnostics: Diagnostics);

        await agent.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        Assert.Equal(0, await customer.ExitAsync());
    }

    private async Task<bool> CustomerInBridgeAsync()
    {
        var inBridge = (await AsteriskServer.BridgesAsync()).SelectMany(b => b.Channels).ToHashSet();
        return (await AsteriskServer.ChannelsAsync()).Any(c => c.Name.StartsWith("PJSIP/demo-trunk-", StringComparison.Ordinal) && inBridge.Contains(c.Id));
    }
}

/// <summary>
/// A customer calling the demo trunk's number who offers telephone-event on payload type 101 (as sipp's DTMF captures
/// carry it), waits on the line until the test says "type now" (a SIP INFO sent into its dialog), then plays one
/// capture per key (RFC 4733 events) and stays until Asterisk hangs up.
/// </summary>
internal static class DtmfCustomer
{
    public const string CaptureDir = "/usr/share/sip-tester";

    public static Sipp Start(RealAsterisk asterisk, string token, string keys)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cti-selfservice-sipp-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"customer-{token}.xml");
        File.WriteAllText(path, Scenario(keys));
        // -cid_str: a Call-ID the test knows, so that its INFO reaches this call.
        return Sipp.Start($"-sf \"{path}\" -s 5551001 -set caller 5550222 -cid_str {token}-%u -i 127.0.0.1 -p {asterisk.TrunkPort} " +
                          $"-mp {LoopbackPorts.Reserve()} -m 1 -aa 127.0.0.1:{asterisk.SipPort}");
    }

    /// <summary>Tells the customer to type: an in-dialog INFO to its SIP port (the trunk's provider address).</summary>
    public static async Task TypeNowAsync(RealAsterisk asterisk, string token)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        var info = $"INFO sip:customer@127.0.0.1:{asterisk.TrunkPort} SIP/2.0\r\n" +
                   $"Via: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
                   $"From: <sip:test@127.0.0.1>;tag=test\r\nTo: <sip:customer@127.0.0.1>\r\nCall-ID: {token}-1\r\nCSeq: 1 INFO\r\n" +
                   "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(info);
        await udp.SendAsync(bytes, new IPEndPoint(IPAddress.Loopback, asterisk.TrunkPort));
    }

    private static string CaptureOf(char key) => Path.Combine(CaptureDir, key switch
    {
        '#' => "dtmf_2833_pound.pcap",
        '*' => "dtmf_2833_star.pcap",
        _ => $"dtmf_2833_{key}.pcap",
    });

    private const string Sdp = """
        v=0
        o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=sendrecv
        """;

    private static string Ok(string contact, bool sdp) => $$"""
          <send><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              {{contact}}
              {{(sdp ? "Content-Type: application/sdp\n              Content-Length: [len]\n\n" + Sdp : "Content-Length: 0")}}

            ]]></send>
        """;

    private static string Scenario(string keys)
    {
        const string contact = "Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>";
        var typing = string.Concat(keys.Select(k => $"""
              <nop><action><exec play_pcap_audio="{CaptureOf(k)}" /></action></nop>
              <pause milliseconds="400" />

            """));
        return $$"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <!DOCTYPE scenario SYSTEM "sipp.dtd">
            <scenario name="customer calls, types digits when told, stays until hung up">
              <Global variables="caller" />
              <send retrans="500"><![CDATA[

                  INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: "Customer" <sip:[$caller]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                  To: <sip:[service]@[remote_ip]:[remote_port]>
                  Call-ID: [call_id]
                  CSeq: 1 INVITE
                  {{contact}}
                  Max-Forwards: 70
                  Content-Type: application/sdp
                  Content-Length: [len]

            {{Sdp}}

                ]]></send>
              <recv response="100" optional="true" />
              <recv response="180" optional="true" />
              <recv response="183" optional="true" />
              <recv response="200" rrs="true" />
              <send><![CDATA[

                  ACK [next_url] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: "Customer" <sip:[$caller]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                  [last_To:]
                  Call-ID: [call_id]
                  CSeq: 1 ACK
                  {{contact}}
                  Max-Forwards: 70
                  Content-Length: 0

                ]]></send>

              <label id="wait" />
              <recv request="INVITE" optional="true" next="reinvite-wait" />
              <recv request="INFO" timeout="120000" />
            {{Ok(contact, sdp: false)}}
            {{typing}}
              <label id="talk" />
              <recv request="INVITE" optional="true" next="reinvite-talk" />
              <recv request="BYE" timeout="120000" />
            {{Ok(contact, sdp: false).Replace("<send>", "<send next=\"end\">")}}

              <label id="reinvite-wait" />
            {{Ok(contact, sdp: true)}}
              <recv request="ACK" next="wait" />
              <label id="reinvite-talk" />
            {{Ok(contact, sdp: true)}}
              <recv request="ACK" next="talk" />
              <label id="end" />
            </scenario>
            """;
    }
}

/// <summary>A test that needs Asterisk, sipp and sipp's RFC 4733 DTMF captures; skipped with the reason when one is missing.</summary>
public sealed class AsteriskSippAndDtmfCapturesFactAttribute : FactAttribute
{
    public AsteriskSippAndDtmfCapturesFactAttribute()
    {
        Skip = new AsteriskAndSippFactAttribute().Skip;
        if (Skip is null && !File.Exists(Path.Combine(DtmfCustomer.CaptureDir, "dtmf_2833_pound.pcap")))
            Skip = $"sipp's DTMF captures are not in {DtmfCustomer.CaptureDir} (Debian package 'sip-tester').";
    }
}
