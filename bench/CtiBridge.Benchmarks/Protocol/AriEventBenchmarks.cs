using BenchmarkDotNet.Attributes;
using CtiBridge.Asterisk.Ari;

namespace CtiBridge.Benchmarks.Protocol;

/// <summary>
/// ARI events deserialized per second: every recorded WebSocket message (both calls, 164 events) into
/// its typed record via the source-generated context ("type" scan + one deserialization). One op = one event.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AriEventBenchmarks
{
    private byte[][] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _events = ProtocolFixtures.AriEvents("ari-ws-events-call2.jsonl", "ari-ws-events-call1-subscribeAll.jsonl");
        if (_events.Length != Ops) throw new InvalidOperationException($"{_events.Length} events, expected {Ops}");
        if (_events.Any(e => AriEventParser.Parse(e) is AriUnknownEvent)) throw new InvalidOperationException("untyped event in the fixtures");
        Console.WriteLine($"// ARI: {_events.Length} events, {_events.Sum(e => e.Length) / _events.Length} bytes/event");
    }

    private const int Ops = 164;

    [Benchmark(OperationsPerInvoke = Ops)]
    public int DeserializeEvents()
    {
        int n = 0;
        foreach (var e in _events) n += AriEventParser.Parse(e).Timestamp.Millisecond;
        return n;
    }

    /// <summary>Baseline: only validating/reading the same JSON (no objects): the floor for any JSON deserializer.</summary>
    [Benchmark(OperationsPerInvoke = Ops, Baseline = true)]
    public int ReadJsonTokensOnly()
    {
        int n = 0;
        foreach (var e in _events)
        {
            var reader = new System.Text.Json.Utf8JsonReader(e);
            while (reader.Read()) n++;
        }
        return n;
    }
}
