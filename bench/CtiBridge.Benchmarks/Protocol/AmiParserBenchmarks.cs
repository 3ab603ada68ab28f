using System.Buffers;
using BenchmarkDotNet.Attributes;
using CtiBridge.Asterisk.Ami;

namespace CtiBridge.Benchmarks.Protocol;

/// <summary>
/// AMI messages parsed per second from the recorded sessions (both calls: 252 messages, 232 of them events),
/// framing + UTF-8 decode + field table, as the client's read loop does it. One op = one message.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AmiParserBenchmarks
{
    private byte[] _stream = [];
    private int _messages;

    [GlobalSetup]
    public void Setup()
    {
        _stream = [.. ProtocolFixtures.AmiStream("ami-raw-call2.txt"), .. ProtocolFixtures.AmiStream("ami-raw-call1-subscribeAll.txt")];
        _messages = ParseAll();
        if (_messages != Ops) throw new InvalidOperationException($"{_messages} messages parsed, expected {Ops}");
        Console.WriteLine($"// AMI: {_messages} messages, {_stream.Length} bytes, {_stream.Length / _messages} bytes/message");
    }

    private const int Ops = 252; // messages in the two recorded sessions (checked in Setup)

    [Benchmark(OperationsPerInvoke = Ops)]
    public int ParseMessages() => ParseAll();

    /// <summary>Parse and read what a dispatcher reads (Event, ActionID) plus two fields an observer reads.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public int ParseAndReadFields()
    {
        var buffer = new ReadOnlySequence<byte>(_stream);
        int n = 0;
        while (AmiParser.TryParseMessage(ref buffer, out var m))
        {
            if (m!.IsEventNamed("VarSet")) n += m.GetSpan("Variable").Length;
            n += m.GetSpan("Channel").Length + (m.ActionId?.Length ?? 0);
        }
        return n;
    }

    private int ParseAll()
    {
        var buffer = new ReadOnlySequence<byte>(_stream);
        int n = 0;
        while (AmiParser.TryParseMessage(ref buffer, out _)) n++;
        return n;
    }
}
