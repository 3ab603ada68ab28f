using System.Buffers;
using System.Text;

namespace CtiBridge.Asterisk.Ami;

/// <summary>
/// AMI framing and parsing over <see cref="ReadOnlySequence{T}"/>: a message is a run of "Key: Value" lines ended by an
/// empty line. CRLF (what Asterisk sends) and bare LF are both accepted. The bytes of one message are decoded to one
/// string (UTF-8, invalid bytes replaced, never throwing); fields are positions into it, so parsing allocates the
/// string, the field table and the message object, and nothing per line.
/// </summary>
public static class AmiParser
{
    /// <summary>Default limit for one message; a larger one is a protocol error (the connection is dropped).</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    /// <summary>
    /// Takes one complete message from the front of <paramref name="buffer"/>. Returns false when more bytes are needed
    /// (leaving <paramref name="buffer"/> unchanged apart from skipped blank lines).
    /// </summary>
    /// <exception cref="AmiProtocolException">No message end within <paramref name="maxMessageBytes"/>.</exception>
    public static bool TryParseMessage(ref ReadOnlySequence<byte> buffer, out AmiMessage? message, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        message = null;
        while (true)
        {
            SkipBlankLines(ref buffer);
            if (buffer.IsEmpty) return false;
            if (buffer.IsSingleSegment)
            {
                var span = buffer.FirstSpan;
                int end = FindMessageEnd(span, out int consumed);
                if (end < 0) { CheckLimit(buffer.Length, maxMessageBytes); return false; }
                message = Parse(span[..end]);
                buffer = buffer.Slice(consumed);
                return true;
            }
            if (!FindMessageEnd(buffer, out var bodyEnd, out var next)) { CheckLimit(buffer.Length, maxMessageBytes); return false; }
            var body = buffer.Slice(0, bodyEnd);
            if (body.Length > maxMessageBytes) CheckLimit(body.Length, maxMessageBytes);
            message = ParseSequence(body);
            buffer = buffer.Slice(next);
            return true;
        }
    }

    /// <summary>Reads one line (without CR/LF): the banner <c>Asterisk Call Manager/x.y.z</c>.</summary>
    public static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out string line, int maxLineBytes = 4096)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> raw, (byte)'\n'))
        {
            CheckLimit(buffer.Length, maxLineBytes);
            line = "";
            return false;
        }
        line = Encoding.UTF8.GetString(raw).TrimEnd('\r');
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    /// <summary>Parses the bytes of one message (no terminating blank line needed).</summary>
    public static AmiMessage Parse(ReadOnlySpan<byte> message)
    {
        string text = Encoding.UTF8.GetString(message);
        return ParseText(text);
    }

    private static AmiMessage ParseSequence(in ReadOnlySequence<byte> body)
    {
        int length = checked((int)body.Length);
        if (length <= 1024)
        {
            Span<byte> tmp = stackalloc byte[length];
            body.CopyTo(tmp);
            return Parse(tmp);
        }
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return Parse(rented.AsSpan(0, length));
        }
        finally { ArrayPool<byte>.Shared.Return(rented); }
    }

    internal static AmiMessage ParseText(string text)
    {
        var s = text.AsSpan();
        int lines = s.Count('\n') + 1;
        AmiField[] fields = new AmiField[lines];
        int n = 0, eventIdx = -1, responseIdx = -1, actionIdx = -1;
        int pos = 0;
        while (pos < s.Length)
        {
            int nl = s[pos..].IndexOf('\n');
            int lineEnd = nl < 0 ? s.Length : pos + nl;
            int contentEnd = lineEnd;
            if (contentEnd > pos && s[contentEnd - 1] == '\r') contentEnd--;
            if (contentEnd > pos)
            {
                var line = s[pos..contentEnd];
                int colon = line.IndexOf(':');
                AmiField f;
                if (colon < 0)
                {
                    f = new AmiField(pos, 0, pos, contentEnd - pos); // a line without a key (legacy command output)
                }
                else
                {
                    int vs = colon + 1;
                    if (vs < line.Length && line[vs] == ' ') vs++;
                    f = new AmiField(pos, colon, pos + vs, line.Length - vs);
                    var key = line[..colon];
                    switch (colon)
                    {
                        case 5 when eventIdx < 0 && key.Equals("Event", StringComparison.OrdinalIgnoreCase): eventIdx = n; break;
                        case 8 when actionIdx < 0 && key.Equals("ActionID", StringComparison.OrdinalIgnoreCase): actionIdx = n; break;
                        case 8 when responseIdx < 0 && key.Equals("Response", StringComparison.OrdinalIgnoreCase): responseIdx = n; break;
                    }
                }
                fields[n++] = f;
            }
            pos = lineEnd + 1;
        }
        if (n != fields.Length) Array.Resize(ref fields, n);
        return new AmiMessage(text, fields, eventIdx, responseIdx, actionIdx);
    }

    private static void CheckLimit(long length, int max)
    {
        if (length > max)
            throw new AmiProtocolException($"no AMI message end (blank line) within {max} bytes; the stream is not AMI or is corrupt");
    }

    private static void SkipBlankLines(ref ReadOnlySequence<byte> buffer)
    {
        // Leading CR/LF between messages (and after the banner) are not messages.
        while (!buffer.IsEmpty)
        {
            var first = buffer.FirstSpan;
            int i = 0;
            while (i < first.Length && (first[i] == (byte)'\n' || first[i] == (byte)'\r')) i++;
            if (i == 0) return;
            buffer = buffer.Slice(i);
        }
    }

    /// <summary>Span fast path: returns the body length (up to the end of the last line) or -1; consumed includes the blank line.</summary>
    private static int FindMessageEnd(ReadOnlySpan<byte> span, out int consumed)
    {
        int pos = 0;
        while (true)
        {
            int nl = span[pos..].IndexOf((byte)'\n');
            if (nl < 0) { consumed = 0; return -1; }
            int next = pos + nl + 1;
            if (next >= span.Length) { consumed = 0; return -1; }
            byte b = span[next];
            if (b == (byte)'\n') { consumed = next + 1; return next; }
            if (b == (byte)'\r')
            {
                if (next + 1 >= span.Length) { consumed = 0; return -1; }
                if (span[next + 1] == (byte)'\n') { consumed = next + 2; return next; }
            }
            pos = next;
        }
    }

    private static bool FindMessageEnd(in ReadOnlySequence<byte> buffer, out SequencePosition bodyEnd, out SequencePosition next)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryAdvanceTo((byte)'\n', advancePastDelimiter: true))
        {
            var lineStart = reader.Position;
            if (!reader.TryPeek(out byte b)) break;
            if (b == (byte)'\n')
            {
                bodyEnd = lineStart; reader.Advance(1); next = reader.Position; return true;
            }
            if (b == (byte)'\r')
            {
                if (!reader.TryPeek(1, out byte b2)) break;
                if (b2 == (byte)'\n') { bodyEnd = lineStart; reader.Advance(2); next = reader.Position; return true; }
            }
        }
        bodyEnd = default; next = default;
        return false;
    }
}
