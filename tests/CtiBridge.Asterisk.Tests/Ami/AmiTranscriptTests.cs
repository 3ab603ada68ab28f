using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Tests.Fakes;

namespace CtiBridge.Asterisk.Tests.Ami;

/// <summary>The AMI parser on traffic recorded from a real Asterisk 22.10.1.</summary>
public class AmiTranscriptTests
{
    internal static (string Banner, List<AmiMessage> Messages) ParseAll(string text)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text));
        Assert.True(AmiParser.TryReadLine(ref buffer, out var banner));
        var messages = new List<AmiMessage>();
        while (AmiParser.TryParseMessage(ref buffer, out var m)) messages.Add(m!);
        Assert.True(buffer.IsEmpty || buffer.ToArray().All(b => b is (byte)'\r' or (byte)'\n'), "bytes left over: " + Encoding.UTF8.GetString(buffer.ToArray()));
        return (banner, messages);
    }

    [Theory]
    [InlineData("ami-raw-call2.txt")]
    [InlineData("ami-raw-call1-subscribeAll.txt")]
    public void Every_message_of_a_recorded_call_is_parsed_with_its_fields(string fixture)
    {
        var raw = TestHelpers.ReadFixture(fixture);
        var (banner, messages) = ParseAll(TestHelpers.AmiServerText(fixture));

        Assert.Equal("Asterisk Call Manager/11.0.0", banner);
        int expectedEvents = raw.Split('\n').Count(l => l.StartsWith("Event: ", StringComparison.Ordinal));
        int expectedResponses = raw.Split('\n').Count(l => l.StartsWith("Response: ", StringComparison.Ordinal));
        Assert.Equal(expectedEvents, messages.Count(m => m.IsEvent));
        Assert.Equal(expectedResponses, messages.Count(m => m.IsResponse));
        Assert.Equal(expectedEvents + expectedResponses, messages.Count);

        // Every "Key: Value" line of the recording is a field of some message.
        int expectedFields = raw.Split('\n').Count(l => !l.StartsWith(">>> ") && !l.StartsWith("<<< ") && l.Contains(": "));
        Assert.Equal(expectedFields, messages.Sum(m => m.Count));

        var login = messages[0];
        Assert.True(login.IsResponse && login.IsSuccess);
        Assert.Equal("cti-1", login.ActionId);
        Assert.Equal("Authentication accepted", login.Message);

        var booted = messages.First(m => m.IsEventNamed("FullyBooted"));
        Assert.Equal("Fully Booted", booted["Status"]);
        Assert.Equal("system,all", booted["privilege"]); // keys are case-insensitive

        var newchannel = messages.First(m => m.IsEventNamed("Newchannel"));
        Assert.StartsWith("PJSIP/trunk-0000000", newchannel["Channel"]);
        Assert.Equal("Customer", newchannel["CallerIDName"]);
        Assert.Equal("+15551234567", newchannel["CallerIDNum"]);
        Assert.Equal("", newchannel["AccountCode"]);
        Assert.Equal(4, newchannel.GetInt32("ChannelState"));

        var varset = messages.Where(m => m.IsEventNamed("VarSet")).ToList();
        Assert.Contains(varset, v => v["Variable"] == "MIXMONITOR_FILENAME" && v["Value"]!.StartsWith("/var/spool/asterisk/monitor/cti-call", StringComparison.Ordinal));
        // A value containing ": " is kept whole.
        var stasis = messages.First(m => m.IsEventNamed("Newexten") && m["Application"] == "Stasis");
        Assert.Equal("cti,inbound,5551000", stasis["AppData"]);
        var noop = messages.First(m => m.IsEventNamed("Newexten") && m["Application"] == "NoOp");
        Assert.Equal("Inbound trunk call to 5551000 from \"Customer\" <+15551234567>", noop["AppData"]);

        var goodbye = messages[^1];
        Assert.Equal("Goodbye", goodbye.Response);
        Assert.Equal("cti-10", goodbye.ActionId);
    }

    [Fact]
    public void Event_lists_of_the_recorded_call_map_to_typed_items()
    {
        var (_, messages) = ParseAll(TestHelpers.AmiServerText("ami-raw-call2.txt"));

        var endpoints = messages.Where(m => m.IsEventNamed("EndpointList") && m.ActionId == "cti-2").Select(AmiPjsipEndpoint.From).ToList();
        Assert.Equal(["1001", "1002", "1003", "trunk"], endpoints.Select(e => e.ObjectName));
        Assert.Equal("Not in use", endpoints[0].DeviceState);
        Assert.Equal(["1001/sip:1001@127.0.0.1:5061"], endpoints[0].ContactList);
        Assert.Equal("Unavailable", endpoints[1].DeviceState);
        Assert.Empty(endpoints[1].ContactList);
        Assert.Equal("transport-udp", endpoints[3].Transport);
        var complete = messages.Single(m => m.IsEventNamed("EndpointListComplete") && m.ActionId == "cti-2");
        Assert.Equal("Complete", complete["EventList"]);
        Assert.Equal(4, complete.GetInt32("ListItems"));

        var contact = AmiPjsipContact.From(messages.Single(m => m.IsEventNamed("ContactList")));
        Assert.Equal("1001", contact.Aor);
        Assert.Equal("1001", contact.Endpoint);
        Assert.Equal("sip:1001@127.0.0.1:5061", contact.Uri);
        Assert.Equal("NonQualified", contact.Status);
        Assert.Equal("sipp-phone", contact.UserAgent);
        Assert.Equal(5061, contact.ViaPort);
        Assert.Equal(1795322736L, contact.ExpirationTime);

        var channels = messages.Where(m => m.IsEventNamed("CoreShowChannel")).Select(AmiCoreChannel.From).ToList();
        Assert.NotEmpty(channels);
        Assert.All(channels, c => Assert.False(string.IsNullOrEmpty(c.Uniqueid)));
        Assert.Contains(channels, c => c.Channel == "PJSIP/trunk-00000006" && c.Uniqueid == "1795319139.18");

        var bridge = AmiBridge.From(messages.Single(m => m.IsEventNamed("BridgeListItem")));
        Assert.Equal("457685ab-99b1-4fd4-9aa8-d10f6bed3786", bridge.BridgeUniqueid);
        Assert.Equal("cti-call1", bridge.BridgeName);
        Assert.Equal("softmix", bridge.BridgeTechnology);
        Assert.Equal(3, bridge.BridgeNumChannels);

        // The MixMonitor action's response is a bare success, interleaved with call events.
        var mixmon = messages.Single(m => m.ActionId == "cti-5");
        Assert.True(mixmon.IsResponse && mixmon.IsSuccess);
        Assert.Contains(messages, m => m.IsEventNamed("MixMonitorStart") && m["Channel"] == "PJSIP/trunk-00000006");
    }

    [Fact]
    public void A_login_session_parses_success_events_ping_and_goodbye()
    {
        var (banner, m) = ParseAll(TestHelpers.ReadFixture("ami-nc-login.txt"));
        Assert.Equal("Asterisk Call Manager/11.0.0", banner);
        Assert.Equal(5, m.Count);
        Assert.True(m[0].IsSuccess);
        Assert.Equal("1", m[0].ActionId);
        Assert.Equal("FullyBooted", m[1].EventName);
        Assert.Equal(17, m[1].GetInt32("Uptime"));
        Assert.Equal("SuccessfulAuth", m[2].EventName);
        Assert.Equal("IPV4/TCP/127.0.0.1/5038", m[2]["LocalAddress"]);
        Assert.Equal("Pong", m[3]["Ping"]);
        Assert.Equal("Thanks for all the fish.", m[4].Message);
    }

    [Fact]
    public void A_refused_login_is_an_error_response()
    {
        var (_, m) = ParseAll(TestHelpers.ReadFixture("ami-nc-badlogin.txt"));
        var r = Assert.Single(m);
        Assert.False(r.IsSuccess);
        Assert.Equal("Error", r.Response);
        Assert.Equal("Authentication failed", r.Message);
        Assert.Null(r.ActionId);
    }

    [Fact]
    public void An_originate_into_music_on_hold_and_its_channel_list_parse()
    {
        var (_, m) = ParseAll(TestHelpers.ReadFixture("ami-nc-originate-moh.txt"));
        Assert.Equal("Originate successfully queued", m.Single(x => x.ActionId == "2").Message);
        var listStart = m.Single(x => x.ActionId == "3" && x.IsResponse);
        Assert.Equal("start", listStart["EventList"]);
        var channels = m.Where(x => x.IsEventNamed("CoreShowChannel")).Select(AmiCoreChannel.From).ToList();
        Assert.Equal(["Local/s@moh-00000008;1", "Local/s@moh-00000008;2"], channels.Select(c => c.Channel).Take(2));
        Assert.Equal("moh", channels[0].Context);
        Assert.Equal("Up", channels[0].ChannelStateDesc);
        Assert.Equal(6, channels[0].ChannelState);
        Assert.Null(channels[0].BridgeId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task The_same_messages_come_out_whatever_the_segmentation(int chunk)
    {
        var text = TestHelpers.AmiServerText("ami-raw-call1-subscribeAll.txt");
        var expected = ParseAll(text).Messages.Select(m => m.Raw.Replace("\r\n", "\n")).ToList();

        var pipe = new Pipe(new PipeOptions(minimumSegmentSize: 16, pauseWriterThreshold: 0));
        var bytes = Encoding.UTF8.GetBytes(text);
        var writer = Task.Run(async () =>
        {
            for (int i = 0; i < bytes.Length; i += chunk)
                await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)));
            await pipe.Writer.CompleteAsync();
        });

        var actual = new List<string>();
        bool bannerRead = false;
        while (true)
        {
            var result = await pipe.Reader.ReadAsync();
            var buffer = result.Buffer;
            if (!bannerRead) bannerRead = AmiParser.TryReadLine(ref buffer, out _);
            if (bannerRead)
                while (AmiParser.TryParseMessage(ref buffer, out var m)) actual.Add(m!.Raw.Replace("\r\n", "\n"));
            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted) break;
        }
        await writer;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Command_output_lines_of_Asterisk_22_are_all_kept_in_order()
    {
        var m = AmiParser.Parse(TestHelpers.Utf8(
            "Response: Success\r\nActionID: cti-9\r\nMessage: Command output follows\r\nOutput: Name/username             Host\r\nOutput: 1001/1001  127.0.0.1:5061\r\nOutput: 2 objects found.\r\n"));
        Assert.Equal(["Name/username             Host", "1001/1001  127.0.0.1:5061", "2 objects found."], m.GetValues("Output"));
    }

    [Fact]
    public void Bare_LF_line_endings_and_UTF8_values_are_accepted()
    {
        var buffer = new ReadOnlySequence<byte>(TestHelpers.Utf8("\n\nEvent: Newchannel\nCallerIDName: Zoë Müller\nChannel: PJSIP/1001-1\n\n"));
        Assert.True(AmiParser.TryParseMessage(ref buffer, out var m));
        Assert.Equal("Zoë Müller", m!["CallerIDName"]);
        Assert.True(buffer.IsEmpty);
    }
}
