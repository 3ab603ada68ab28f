namespace CtiBridge.Integration.Tests.Supervision;

/// <summary>
/// What a party heard, by frequency: reads an 8 kHz 16-bit PCM WAV (Asterisk's <c>wav</c> format) and measures the
/// amplitude of given tones with a Goertzel filter, per window.
/// </summary>
public sealed class HeardAudio
{
    public const int SampleRate = 8000;

    private HeardAudio(short[] samples, string path) { Samples = samples; Path = path; }

    public short[] Samples { get; }
    public string Path { get; }
    public TimeSpan Length => TimeSpan.FromSeconds(Samples.Length / (double)SampleRate);

    public static HeardAudio Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // Find the "data" chunk (Asterisk writes a 44-byte header; be tolerant of others).
        var pos = 12;
        while (pos + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            var size = BitConverter.ToInt32(bytes, pos + 4);
            if (id == "data")
            {
                var start = pos + 8;
                var count = Math.Min(size <= 0 ? int.MaxValue : size, bytes.Length - start) / 2;
                var samples = new short[count];
                Buffer.BlockCopy(bytes, start, samples, 0, count * 2);
                return new HeardAudio(samples, path);
            }
            pos += 8 + Math.Max(0, size);
        }
        throw new InvalidDataException(path + " has no data chunk");
    }

    /// <summary>The amplitude (0–32767 scale) of <paramref name="hertz"/> between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double Amplitude(double hertz, TimeSpan from, TimeSpan to)
    {
        var start = Math.Clamp((int)(from.TotalSeconds * SampleRate), 0, Samples.Length);
        var end = Math.Clamp((int)(to.TotalSeconds * SampleRate), start, Samples.Length);
        return Goertzel(Samples.AsSpan(start, end - start), hertz);
    }

    /// <summary>The tone's amplitude in the last <paramref name="span"/> of the audio, leaving out its final <paramref name="skipEnd"/>.</summary>
    public double AmplitudeAtEnd(double hertz, TimeSpan span, TimeSpan skipEnd) =>
        Amplitude(hertz, Length - skipEnd - span, Length - skipEnd);

    /// <summary>The tone's amplitude in each window of <paramref name="window"/>, from the start.</summary>
    public IEnumerable<(TimeSpan At, double Amplitude)> Windows(double hertz, TimeSpan window)
    {
        var n = (int)(window.TotalSeconds * SampleRate);
        for (var i = 0; i + n <= Samples.Length; i += n)
            yield return (TimeSpan.FromSeconds(i / (double)SampleRate), Goertzel(Samples.AsSpan(i, n), hertz));
    }

    public static double Goertzel(ReadOnlySpan<short> x, double hertz)
    {
        if (x.Length == 0) return 0;
        var k = 2 * Math.Cos(2 * Math.PI * hertz / SampleRate);
        double s1 = 0, s2 = 0;
        foreach (var v in x)
        {
            var s = v + k * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        var power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return 2 * Math.Sqrt(Math.Max(0, power)) / x.Length;
    }
}
