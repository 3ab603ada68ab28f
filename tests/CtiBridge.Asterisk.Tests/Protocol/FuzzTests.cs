using System.Buffers;
using System.Text;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Tests.Fakes;

namespace CtiBridge.Asterisk.Tests.Protocol;

/// <summary>Seeded random, mutated and truncated input: the parsers never throw anything but their one protocol error.</summary>
public class FuzzTests
{
    private static readonly byte[] AmiRecorded = Encoding.UTF8.GetBytes(TestHelpers.AmiServerText("ami-raw-call2.txt"));
    private static readonly string[] AriRecorded = TestHelpers.ReadFixture("ari-ws-events-call1-subscribeAll.jsonl")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Feeds bytes in random chunks the way the client's read loop does; returns the messages.</summary>
    private static int DrainAmi(byte[] input, Random rnd, int maxMessageBytes = 4096)
    {
        var pending = new List<byte>();
        int messages = 0, pos = 0;
        while (pos < input.Length)
        {
            int n = Math.Min(input.Length - pos, 1 + rnd.Next(300));
            pending.AddRange(input.AsSpan(pos, n).ToArray());
            pos += n;
            var buffer = Segmented(pending.ToArray(), rnd);
            try
            {
                while (AmiParser.TryParseMessage(ref buffer, out var m, maxMessageBytes))
                {
                    messages++;
                    _ = m!.EventName; _ = m.ActionId; _ = m.Response; _ = m.IsSuccess; _ = m["Channel"]; _ = m.GetValues("Output");
                    foreach (var f in m.Fields) _ = f.Key.Length + f.Value.Length;
                }
            }
            catch (AmiProtocolException)
            {
                return -1; // the only permitted failure: a "message" without an end beyond the limit (the client reconnects)
            }
            pending = buffer.ToArray().ToList();
        }
        return messages;
    }

    private static ReadOnlySequence<byte> Segmented(byte[] data, Random rnd)
    {
        if (data.Length < 2 || rnd.Next(2) == 0) return new ReadOnlySequence<byte>(data);
        // Split into up to 4 segments to exercise the multi-segment path.
        var cuts = Enumerable.Range(0, rnd.Next(1, 4)).Select(_ => rnd.Next(1, data.Length)).Distinct().Order().ToList();
        Segment? first = null, last = null;
        int start = 0;
        foreach (var cut in cuts.Append(data.Length))
        {
            var seg = new Segment(data.AsMemory(start, cut - start), last?.RunningIndex + last?.Memory.Length ?? 0);
            if (first is null) first = seg; else last!.SetNext(seg);
            last = seg;
            start = cut;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex) { Memory = memory; RunningIndex = runningIndex; }
        public void SetNext(Segment next) => Next = next;
    }

    [Fact]
    public void Random_bytes_never_crash_the_AMI_parser()
    {
        var rnd = new Random(20261122);
        for (int i = 0; i < 3000; i++)
        {
            var bytes = new byte[rnd.Next(0, 2000)];
            rnd.NextBytes(bytes);
            // Bias towards protocol-ish bytes so that framing paths are hit.
            for (int j = 0; j < bytes.Length; j++)
                if (rnd.Next(4) == 0) bytes[j] = "\r\n: AE"u8[rnd.Next(6)];
            DrainAmi(bytes, rnd);
        }
    }

    [Fact]
    public void Mutated_and_truncated_recordings_never_crash_the_AMI_parser_and_intact_prefixes_parse_fully()
    {
        var rnd = new Random(42);
        var whole = DrainAmi(AmiRecorded, new Random(1), AmiParser.DefaultMaxMessageBytes);
        Assert.True(whole > 100, $"only {whole} messages in the whole recording");
        for (int i = 0; i < 2000; i++)
        {
            var bytes = AmiRecorded.AsSpan(0, rnd.Next(AmiRecorded.Length)).ToArray();
            bool mutate = rnd.Next(2) == 0;
            if (mutate)
                for (int k = rnd.Next(1, 20); k > 0 && bytes.Length > 0; k--) bytes[rnd.Next(bytes.Length)] = (byte)rnd.Next(256);
            int n = DrainAmi(bytes, rnd, AmiParser.DefaultMaxMessageBytes);
            if (!mutate) Assert.True(n >= 0 && n <= whole);
        }
    }

    [Fact]
    public void Random_and_mutated_messages_never_crash_the_ARI_event_reader_and_always_yield_an_event()
    {
        var rnd = new Random(7);
        for (int i = 0; i < 5000; i++)
        {
            byte[] input;
            var source = Encoding.UTF8.GetBytes(AriRecorded[rnd.Next(AriRecorded.Length)]);
            switch (rnd.Next(4))
            {
                case 0: input = source.AsSpan(0, rnd.Next(source.Length)).ToArray(); break; // truncated
                case 1:
                    input = (byte[])source.Clone();
                    for (int k = rnd.Next(1, 10); k > 0; k--) input[rnd.Next(input.Length)] = (byte)rnd.Next(256);
                    break;
                case 2:
                    input = (byte[])source.Clone();
                    for (int k = rnd.Next(1, 6); k > 0; k--) input[rnd.Next(input.Length)] = "{}[]\",:0tn"u8[rnd.Next(10)];
                    break;
                default: input = new byte[rnd.Next(200)]; rnd.NextBytes(input); break;
            }
            var e = AriEventParser.Parse(input);
            Assert.NotNull(e);
            if (e is AriUnknownEvent u) Assert.Equal(Encoding.UTF8.GetString(input), u.RawJson);
            _ = e.OrderingKey; _ = e.EventChannel; _ = e.ToString();
        }
    }

    [Fact]
    public void Intact_recorded_events_survive_reordering_of_their_properties()
    {
        var rnd = new Random(3);
        foreach (var line in AriRecorded)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            var props = doc.RootElement.EnumerateObject().OrderBy(_ => rnd.Next()).ToList();
            var shuffled = "{" + string.Join(",", props.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Name) + ":" + p.Value.GetRawText())) + "}";
            var e = AriEventParser.Parse(shuffled);
            Assert.False(e is AriUnknownEvent, shuffled);
            Assert.Equal(AriEventParser.Parse(line).ToString(), e.ToString());
        }
    }
}
