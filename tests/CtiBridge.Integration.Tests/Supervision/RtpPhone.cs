using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Supervision;

/// <summary>
/// The media half of a SIP phone played by the test (sipp does the signalling and puts this socket's port in its SDP):
/// it says its own tone as PCMU RTP (20 ms packets, one SSRC, sequence and timestamp counting on) to Asterisk, and
/// keeps every PCMU packet Asterisk sends it, decoded, with the moment it arrived — so what the phone received can be
/// measured by frequency over any span of wall-clock time.
/// </summary>
public sealed class RtpPhone : IAsyncDisposable
{
    private const int SamplesPerPacket = 160; // 20 ms at 8 kHz
    private const byte Pcmu = 0;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(DateTime At, short[] Samples)> _received = [];
    private readonly Task _receiving;
    private Thread? _sending;
    private volatile IPEndPoint? _remote;

    public RtpPhone(string name, double toneHertz, short toneAmplitude = 8000)
    {
        Name = name;
        ToneHertz = toneHertz;
        ToneAmplitude = toneAmplitude;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiving = Task.Run(ReceiveAsync);
    }

    public string Name { get; }
    public double ToneHertz { get; }
    public short ToneAmplitude { get; }
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;
    /// <summary>Where the phone sends: Asterisk's RTP address from its SDP, then the source of what Asterisk sends (symmetric RTP).</summary>
    public IPEndPoint? Remote => _remote;
    public int PacketsReceived { get { lock (_received) return _received.Count; } }
    public int PacketsSent => Volatile.Read(ref _packetsSent);
    private int _packetsSent;

    /// <summary>Starts saying the tone to <paramref name="asterisksRtp"/> (Asterisk's media address from the SDP it sent or answered).</summary>
    public void StartTalking(IPEndPoint asterisksRtp)
    {
        _remote ??= asterisksRtp;
        if (_sending is not null) return;
        _sending = new Thread(SendTone) { IsBackground = true, Name = "rtp " + Name };
        _sending.Start();
    }

    /// <summary>The amplitude (0–32767 scale, Goertzel) of <paramref name="hertz"/> in the audio that arrived between the two moments.</summary>
    public double Amplitude(double hertz, DateTime from, DateTime to) => HeardAudio.Goertzel(ReceivedBetween(from, to), hertz);

    /// <summary>
    /// The loudest <paramref name="hertz"/> in any 200 ms of the audio that arrived between the two moments (windows every
    /// 100 ms): for a short sound such as a beep. Tones on multiples of 5 Hz do not leak into each other over 200 ms.
    /// </summary>
    public double PeakAmplitude(double hertz, DateTime from, DateTime to)
    {
        const int window = 1600, step = 800;
        var x = ReceivedBetween(from, to);
        double peak = 0;
        for (var i = 0; i + window <= x.Length; i += step) peak = Math.Max(peak, HeardAudio.Goertzel(x.AsSpan(i, window), hertz));
        return peak;
    }

    /// <summary>When the first 20 ms packet carrying <paramref name="hertz"/> above <paramref name="threshold"/> arrived after <paramref name="after"/>, if one did.</summary>
    public DateTime? FirstArrivalWith(double hertz, DateTime after, double threshold)
    {
        lock (_received)
            foreach (var (at, samples) in _received)
                if (at >= after && HeardAudio.Goertzel(samples, hertz) > threshold) return at;
        return null;
    }

    /// <summary>How many milliseconds of audio arrived between the two moments.</summary>
    public double MillisecondsReceived(DateTime from, DateTime to) => ReceivedBetween(from, to).Length / 8.0;

    private short[] ReceivedBetween(DateTime from, DateTime to)
    {
        lock (_received)
            return _received.Where(p => p.At >= from && p.At < to).SelectMany(p => p.Samples).ToArray();
    }

    /// <summary>
    /// Asterisk's media address in the SDP of the last SIP message <paramref name="sipp"/> received (the INVITE a phone is
    /// rung with, the 200 OK a caller is answered with); null while there is none.
    /// </summary>
    public static IPEndPoint? AsterisksMediaIn(Sipp sipp)
    {
        IPEndPoint? found = null;
        foreach (var message in sipp.Messages.Split("-----------------------------------------------"))
        {
            if (!message.Contains("message received", StringComparison.Ordinal)) continue;
            var c = Regex.Match(message, @"^c=IN IP4 (\S+)", RegexOptions.Multiline);
            var m = Regex.Match(message, @"^m=audio (\d+) ", RegexOptions.Multiline);
            if (c.Success && m.Success) found = new IPEndPoint(IPAddress.Parse(c.Groups[1].Value), int.Parse(m.Groups[1].Value));
        }
        return found;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult r;
            try { r = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { continue; } // e.g. an ICMP port-unreachable reported on the socket
            var arrived = DateTime.UtcNow;
            var packet = buffer.AsSpan(0, r.ReceivedBytes);
            if (packet.Length < 12 || packet[0] >> 6 != 2 || (packet[1] & 0x7F) != Pcmu) continue; // RTCP, events, other codecs
            var headerLength = 12 + 4 * (packet[0] & 0x0F);
            if ((packet[0] & 0x10) != 0 && packet.Length >= headerLength + 4)
                headerLength += 4 + 4 * ((packet[headerLength + 2] << 8) | packet[headerLength + 3]);
            var payloadLength = packet.Length - headerLength;
            if ((packet[0] & 0x20) != 0 && payloadLength > 0) payloadLength -= packet[^1]; // padding
            if (payloadLength <= 0) continue;
            var samples = new short[payloadLength];
            for (var i = 0; i < payloadLength; i++) samples[i] = G711.UlawToLinear(packet[headerLength + i]);
            // Symmetric RTP: answer where Asterisk sends from.
            _remote = (IPEndPoint)r.RemoteEndPoint;
            lock (_received) _received.Add((arrived, samples));
        }
    }

    /// <summary>One packet every 20 ms on a clock of its own (a late packet is sent at once; a long stall is skipped, not burst).</summary>
    private void SendTone()
    {
        var ssrc = (uint)Random.Shared.Next();
        ushort sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
        var timestamp = (uint)Random.Shared.Next();
        var packet = new byte[12 + SamplesPerPacket];
        long sample = 0;
        var clock = Stopwatch.StartNew();
        long next = 0; // in ms
        while (!_stop.IsCancellationRequested)
        {
            var wait = next - clock.ElapsedMilliseconds;
            if (wait > 0) { Thread.Sleep((int)Math.Min(wait, 5)); continue; }
            if (wait < -200) next = clock.ElapsedMilliseconds; // stalled: go on from now
            packet[0] = 0x80;
            packet[1] = (byte)(PacketsSent == 0 ? 0x80 | Pcmu : Pcmu); // marker on the first packet
            packet[2] = (byte)(sequence >> 8); packet[3] = (byte)sequence;
            packet[4] = (byte)(timestamp >> 24); packet[5] = (byte)(timestamp >> 16); packet[6] = (byte)(timestamp >> 8); packet[7] = (byte)timestamp;
            packet[8] = (byte)(ssrc >> 24); packet[9] = (byte)(ssrc >> 16); packet[10] = (byte)(ssrc >> 8); packet[11] = (byte)ssrc;
            for (var i = 0; i < SamplesPerPacket; i++, sample++)
                packet[12 + i] = G711.LinearToUlaw((short)(ToneAmplitude * Math.Sin(2 * Math.PI * ToneHertz * sample / HeardAudio.SampleRate)));
            try { _socket.SendTo(packet, _remote!); }
            catch (SocketException) { } // the far end is gone (ICMP unreachable): the call is ending
            catch (ObjectDisposedException) { return; }
            Interlocked.Increment(ref _packetsSent);
            sequence++;
            timestamp += SamplesPerPacket;
            next += 20;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _sending?.Join(TimeSpan.FromSeconds(2));
        _socket.Dispose();
        await _receiving;
        _stop.Dispose();
    }
}

/// <summary>G.711 μ-law (PCMU), the codec of the test phones' RTP.</summary>
public static class G711
{
    public static byte LinearToUlaw(short sample)
    {
        const int bias = 0x84, clip = 32635;
        var sign = (sample >> 8) & 0x80;
        int s = sample;
        if (sign != 0) s = -s;
        if (s > clip) s = clip;
        s += bias;
        var exponent = 7;
        for (var mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        var mantissa = (s >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static short UlawToLinear(byte ulaw)
    {
        int u = ~ulaw & 0xFF;
        var t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }
}
