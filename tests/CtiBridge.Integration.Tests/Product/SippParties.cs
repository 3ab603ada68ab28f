using System.Net;
using System.Net.Sockets;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// SIP parties of the product suite, played by sipp: an agent's desk phone that REGISTERs with its provisioned
/// credentials and then answers (or only rings for) every INVITE Asterisk sends it, and a customer calling the demo
/// trunk's number who stays on the line until Asterisk hangs up.
/// </summary>
public static class SippParties
{
    /// <summary>How a registered phone treats an incoming call.</summary>
    public enum PhoneBehaviour { Answer, RingForever, RegisterOnly }

    /// <summary>
    /// A phone registered as <paramref name="username"/> (the main scenario REGISTERs and stays; sipp's out-of-call
    /// scenario handles Asterisk's INVITEs and qualify OPTIONS).
    /// </summary>
    public static Sipp Phone(RealAsterisk asterisk, string username, string password, PhoneBehaviour behaviour)
    {
        var ooc = behaviour switch
        {
            PhoneBehaviour.Answer => Write("phone-answer.xml", PhoneAnswers),
            PhoneBehaviour.RingForever => Write("phone-ring.xml", PhoneRings),
            _ => Write("phone-idle.xml", PhoneIdle),
        };
        return Sipp.Start($"-sf \"{Write("phone-register.xml", PhoneRegister)}\" -oocsf \"{ooc}\" -s {username} -au {username} " +
                          $"-ap {password} -i 127.0.0.1 -p {LoopbackPorts.Reserve()} -m 1 -aa 127.0.0.1:{asterisk.SipPort}");
    }

    /// <summary>A customer calling <paramref name="did"/> from the demo trunk's provider address (waits for Asterisk's BYE).</summary>
    public static Sipp Customer(RealAsterisk asterisk, string did = "5551001", string from = "5550111") =>
        Sipp.Start($"-sf \"{Write("customer.xml", CustomerCalls)}\" -s {did} -set caller {from} -i 127.0.0.1 -p {asterisk.TrunkPort} " +
                   $"-m 1 -aa 127.0.0.1:{asterisk.SipPort}");

    /// <summary>
    /// Customers calling <paramref name="did"/> from the trunk's address, <paramref name="concurrent"/> at a time: each
    /// stays until Asterisk hangs up, and sipp places the next as soon as one ends (at most <paramref name="total"/>).
    /// </summary>
    public static Sipp Customers(RealAsterisk asterisk, int concurrent, int total, string did = "5551001", string from = "5550111") =>
        Sipp.Start($"-sf \"{Write("customer.xml", CustomerCalls)}\" -s {did} -set caller {from} -i 127.0.0.1 -p {asterisk.TrunkPort} " +
                   $"-m {total} -l {concurrent} -r {concurrent} -aa 127.0.0.1:{asterisk.SipPort}");

    /// <summary>
    /// The agent's desk phone <paramref name="username"/> dials <paramref name="number"/> (authenticating with its
    /// provisioned credentials, as a real phone answers Asterisk's 401) and stays on the line until Asterisk hangs up.
    /// </summary>
    public static Sipp PhoneDials(RealAsterisk asterisk, string username, string password, string number) =>
        Sipp.Start($"-sf \"{Write("phone-dials.xml", PhoneDialsOut)}\" -s {number} -set caller {username} -au {username} -ap {password} " +
                   $"-i 127.0.0.1 -p {LoopbackPorts.Reserve()} -m 1 -aa 127.0.0.1:{asterisk.SipPort}");

    /// <summary>
    /// The party an outbound call reaches through the demo trunk: sipp listening at the trunk's address, answering the
    /// INVITE Asterisk sends and staying until Asterisk hangs up (its trace shows the From the call presented).
    /// </summary>
    public static Sipp CalledParty(RealAsterisk asterisk) =>
        Sipp.Start($"-sf \"{Write("phone-answer.xml", PhoneAnswers)}\" -i 127.0.0.1 -p {asterisk.TrunkPort} -m 1");

    /// <summary>
    /// Many desk phones played by one sipp on one port: each line of <paramref name="phones"/> is REGISTERed with its
    /// credentials (an injection file, digest auth) and registered again every 4 minutes (the aor template's
    /// <c>maximum_expiration</c> is 300 s), so the registrations last as long as sipp runs; every INVITE Asterisk sends to
    /// any of them is answered (sipp's out-of-call scenario, as <see cref="Phone"/>), and qualify OPTIONS too. One port for
    /// both: the endpoints' <c>rewrite_contact</c> points each contact at the address the REGISTER came from.
    /// </summary>
    public static Sipp ManyPhones(RealAsterisk asterisk, IReadOnlyList<(string Username, string Password)> phones)
    {
        var inf = Write($"phones-{Guid.NewGuid():N}.csv", "SEQUENTIAL\n" + string.Concat(phones.Select(p => $"{p.Username};{p.Password}\n")));
        return Sipp.Start($"-sf \"{Write("phones-register.xml", PhonesRegister)}\" -inf \"{inf}\" -oocsf \"{Write("phone-answer.xml", PhoneAnswers)}\" " +
                          $"-i 127.0.0.1 -p {LoopbackPorts.Reserve()} -m {phones.Count} -l {phones.Count} -r 20 -aa 127.0.0.1:{asterisk.SipPort}");
    }

    /// <summary>
    /// Customers calling <paramref name="did"/> from the trunk's address at <paramref name="perSecond"/> calls a second,
    /// <paramref name="total"/> in all, each from its own number (9 and sipp's call number): each talks 30 s once
    /// answered (after Asterisk's last re-INVITE) and hangs up itself. A BYE from Asterisk before that, or no answer within
    /// 60 s, fails the call in sipp's statistics (<c>-trace_stat</c>: <see cref="Sipp.Statistics"/>).
    /// </summary>
    public static Sipp CustomersHangingUp(RealAsterisk asterisk, int perSecond, int total, string did = "5551001") =>
        Sipp.Start($"-sf \"{Write("customer-hangs-up.xml", CustomerHangsUp)}\" -s {did} -i 127.0.0.1 -p {asterisk.TrunkPort} " +
                   $"-r {perSecond} -m {total} -l 1000 -recv_timeout 60000 -trace_stat -fd 5 -aa 127.0.0.1:{asterisk.SipPort}");

    private static readonly string Dir = Path.Combine(Path.GetTempPath(), "cti-product-sipp-" + Environment.ProcessId);

    private static string Write(string name, string xml)
    {
        Directory.CreateDirectory(Dir);
        var path = Path.Combine(Dir, name);
        lock (Dir) if (!File.Exists(path) || File.ReadAllText(path) != xml) File.WriteAllText(path, xml);
        return path;
    }

    private const string Sdp = """
        v=0
        o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        """;

    private const string PhoneRegister = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="phone registers">
          <send retrans="500"><![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[service]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 REGISTER
              Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Expires: 300
              User-Agent: sipp-product-phone
              Content-Length: 0

            ]]></send>
          <recv response="100" optional="true" />
          <recv response="401" auth="true" />
          <send retrans="500"><![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[service]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 2 REGISTER
              Contact: <sip:[service]@[local_ip]:[local_port];transport=[transport]>
              [authentication]
              Max-Forwards: 70
              Expires: 300
              User-Agent: sipp-product-phone
              Content-Length: 0

            ]]></send>
          <recv response="100" optional="true" />
          <recv response="200" />
          <pause milliseconds="280000" />
        </scenario>
        """;

    /// <summary>
    /// Registers the injection file's line (field0 user, field1 password) and again every 240 s, for ever. The fields in
    /// <c>[authentication]</c> are quoted: sipp only reads a keyword inside another's parameters when it is quoted.
    /// </summary>
    private const string PhonesRegister = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="phones register and stay registered">
          <label id="register" />
          <send retrans="500"><![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[field0]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[field0]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: [cseq] REGISTER
              Contact: <sip:[field0]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Expires: 300
              User-Agent: sipp-product-phones
              Content-Length: 0

            ]]></send>
          <recv response="100" optional="true" />
          <recv response="401" auth="true" />
          <send retrans="500"><![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[field0]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[field0]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: [cseq] REGISTER
              Contact: <sip:[field0]@[local_ip]:[local_port];transport=[transport]>
              [authentication username="[field0]" password="[field1]"]
              Max-Forwards: 70
              Expires: 300
              User-Agent: sipp-product-phones
              Content-Length: 0

            ]]></send>
          <recv response="100" optional="true" />
          <recv response="200" />
          <pause milliseconds="240000" next="register" />
        </scenario>
        """;

    private const string OptionsOk = """
          <label id="options" />
          <send><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTagOpt[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]></send>
        """;

    /// <summary>A desk phone takes an INVITE and rings (180), as both phone scenarios begin.</summary>
    private const string PhoneRinging = """
          <recv request="INVITE" />
          <send><![CDATA[

              SIP/2.0 180 Ringing
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:[local_ip]:[local_port];transport=[transport]>
              Content-Length: 0

            ]]></send>
        """;

    private const string PhoneIdle = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="phone: qualify only">
          <recv request="OPTIONS" />
          <send><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTagOpt[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]></send>
        </scenario>
        """;

    private const string UasContact = "Contact: <sip:[local_ip]:[local_port];transport=[transport]>";
    private const string UacContact = "Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>";

    /// <summary>
    /// The shared end of an answered call, for a phone and for a customer alike: talk until the far end's BYE, and
    /// accept the re-INVITE Asterisk sends once a leg is bridged (real phones must too).
    /// </summary>
    /// <param name="sdp">The SDP of the answer to a re-INVITE (the parties' own by default).</param>
    internal static string TalkUntilBye(string contact, string? sdp = null) => $$"""
          <label id="talk" />
          <recv request="INVITE" optional="true" next="reinvite" />
          <recv request="BYE" timeout="280000" />
          <send next="end"><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]></send>
          <label id="reinvite" />
          <send retrans="500"><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              {{contact}}
              Content-Type: application/sdp
              Content-Length: [len]

        {{sdp ?? Sdp}}

            ]]></send>
          <recv request="ACK" next="talk" />
""";

    private static readonly string PhoneAnswers = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="phone answers">
          <recv request="OPTIONS" optional="true" next="options" />
        {{PhoneRinging}}
          <send retrans="500"><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:[local_ip]:[local_port];transport=[transport]>
              Content-Type: application/sdp
              Content-Length: [len]

        {{Sdp}}

            ]]></send>
          <recv request="ACK" />
        {{TalkUntilBye(UasContact)}}
        {{OptionsOk}}
          <label id="end" />
        </scenario>
        """;

    private static readonly string PhoneRings = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="phone rings, nobody answers">
          <recv request="OPTIONS" optional="true" next="options" />
        {{PhoneRinging}}
          <recv request="CANCEL" timeout="280000">
            <action><ereg regexp="[0-9]+" search_in="hdr" header="CSeq:" assign_to="cs" /></action>
          </recv>
          <send><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]></send>
          <send><![CDATA[

              SIP/2.0 487 Request Terminated
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              CSeq: [$cs] INVITE
              Content-Length: 0

            ]]></send>
          <recv request="ACK" next="end" />
        {{OptionsOk}}
          <label id="end" />
        </scenario>
        """;

    private static readonly string PhoneDialsOut = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="an agent's phone dials, authenticates and stays until hung up">
          <Global variables="caller" />
          <send retrans="500"><![CDATA[

              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[$caller]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

        {{Sdp}}

            ]]></send>
          <recv response="100" optional="true" />
          <recv response="401" auth="true" />
          <send><![CDATA[

              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              [last_Via:]
              From: <sip:[$caller]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]></send>
          <send retrans="500"><![CDATA[

              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[$caller]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 2 INVITE
              Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>
              [authentication]
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
              From: <sip:[$caller]@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 2 ACK
              Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Length: 0

            ]]></send>
        {{TalkUntilBye(UacContact)}}
          <label id="end" />
        </scenario>
        """;

    /// <summary>
    /// A customer who talks 30 s and hangs up. The talk is a wait for a re-INVITE that ends in the BYE after 30 s
    /// (sipp takes no message during a pause): Asterisk's re-INVITE (the connected-line update once the agent is bridged,
    /// about a second after the answer) is answered and the 30 s start again. The BYE uses the To (with Asterisk's tag) of
    /// the 200. Asterisk's BYE is not expected.
    /// </summary>
    private static readonly string CustomerHangsUp = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="customer calls, talks, hangs up">
          <send retrans="500"><![CDATA[

              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer" <sip:9[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:9[call_number]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

        {{Sdp}}

            ]]></send>
          <recv response="100" optional="true" />
          <recv response="180" optional="true" />
          <recv response="183" optional="true" />
          <recv response="200" rrs="true">
            <action><ereg regexp=".*" search_in="hdr" header="To:" assign_to="to" /></action>
          </recv>
          <send><![CDATA[

              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer" <sip:9[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To:[$to]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Contact: <sip:9[call_number]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Length: 0

            ]]></send>
          <label id="talk" />
          <recv request="INVITE" timeout="30000" ontimeout="hangup" />
          <send retrans="500"><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              {{UacContact.Replace("[$caller]", "9[call_number]")}}
              Content-Type: application/sdp
              Content-Length: [len]

        {{Sdp}}

            ]]></send>
          <recv request="ACK" next="talk" />
          <label id="hangup" />
          <send retrans="500"><![CDATA[

              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer" <sip:9[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To:[$to]
              Call-ID: [call_id]
              CSeq: 2 BYE
              Contact: <sip:9[call_number]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Length: 0

            ]]></send>
          <recv response="200" />
        </scenario>
        """;

    private static readonly string CustomerCalls = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="customer calls and stays until hung up">
          <Global variables="caller" />
          <send retrans="500"><![CDATA[

              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer" <sip:[$caller]@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>
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
              Contact: <sip:[$caller]@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Length: 0

            ]]></send>
        {{TalkUntilBye(UacContact)}}
          <label id="end" />
        </scenario>
        """;
}
