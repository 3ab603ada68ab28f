using System.Buffers.Text;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CtiBridge.Asterisk.Ari;

/// <summary>Source-generated (de)serialization for every ARI model and event: no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(AriTimestampConverter)])]
[JsonSerializable(typeof(AriChannel))]
[JsonSerializable(typeof(List<AriChannel>))]
[JsonSerializable(typeof(AriBridge))]
[JsonSerializable(typeof(List<AriBridge>))]
[JsonSerializable(typeof(AriPlayback))]
[JsonSerializable(typeof(AriLiveRecording))]
[JsonSerializable(typeof(AriStoredRecording))]
[JsonSerializable(typeof(List<AriStoredRecording>))]
[JsonSerializable(typeof(AriEndpoint))]
[JsonSerializable(typeof(List<AriEndpoint>))]
[JsonSerializable(typeof(AriDeviceState))]
[JsonSerializable(typeof(List<AriDeviceState>))]
[JsonSerializable(typeof(AriApplication))]
[JsonSerializable(typeof(List<AriApplication>))]
[JsonSerializable(typeof(AriVariable))]
[JsonSerializable(typeof(AriAsteriskInfo))]
[JsonSerializable(typeof(AriAsteriskPing))]
[JsonSerializable(typeof(AriVariablesBody))]
[JsonSerializable(typeof(AriEventFilterBody))]
[JsonSerializable(typeof(AriErrorBody))]
[JsonSerializable(typeof(StasisStartEvent))]
[JsonSerializable(typeof(StasisEndEvent))]
[JsonSerializable(typeof(ChannelCreatedEvent))]
[JsonSerializable(typeof(ChannelDestroyedEvent))]
[JsonSerializable(typeof(ChannelStateChangeEvent))]
[JsonSerializable(typeof(ChannelHangupRequestEvent))]
[JsonSerializable(typeof(ChannelEnteredBridgeEvent))]
[JsonSerializable(typeof(ChannelLeftBridgeEvent))]
[JsonSerializable(typeof(ChannelDtmfReceivedEvent))]
[JsonSerializable(typeof(ChannelHoldEvent))]
[JsonSerializable(typeof(ChannelUnholdEvent))]
[JsonSerializable(typeof(ChannelVarsetEvent))]
[JsonSerializable(typeof(ChannelCallerIdEvent))]
[JsonSerializable(typeof(ChannelConnectedLineEvent))]
[JsonSerializable(typeof(ChannelDialplanEvent))]
[JsonSerializable(typeof(DialEvent))]
[JsonSerializable(typeof(BridgeCreatedEvent))]
[JsonSerializable(typeof(BridgeDestroyedEvent))]
[JsonSerializable(typeof(PlaybackStartedEvent))]
[JsonSerializable(typeof(PlaybackFinishedEvent))]
[JsonSerializable(typeof(RecordingStartedEvent))]
[JsonSerializable(typeof(RecordingFinishedEvent))]
[JsonSerializable(typeof(RecordingFailedEvent))]
[JsonSerializable(typeof(EndpointStateChangeEvent))]
[JsonSerializable(typeof(DeviceStateChangedEvent))]
[JsonSerializable(typeof(ApplicationReplacedEvent))]
public sealed partial class AriJsonContext : JsonSerializerContext;

/// <summary>
/// ARI timestamps ("2026-11-22T03:45:39.031+0000": the offset has no colon, which the default DateTimeOffset reader
/// rejects). Fast path over the UTF-8 bytes of that exact shape; other ISO-8601 shapes fall back to a general parse.
/// </summary>
public sealed class AriTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("an ARI timestamp must be a string");
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseFast(reader.ValueSpan, out var fast)) return fast;
        var s = reader.GetString();
        if (TryParse(s, out var value)) return value;
        throw new JsonException($"'{s}' is not an ARI timestamp");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture).Remove(26, 1));

    /// <summary>Parses ARI's and other ISO-8601 forms.</summary>
    public static bool TryParse(string? s, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(s)) return false;
        if (s.Length < 64)
        {
            Span<byte> tmp = stackalloc byte[s.Length];
            for (int i = 0; i < s.Length; i++) { if (s[i] > 127) goto slow; tmp[i] = (byte)s[i]; }
            if (TryParseFast(tmp, out value)) return true;
        }
    slow:
        return DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static readonly string[] Formats =
        ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffzz00", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffK"];

    // yyyy-MM-ddTHH:mm:ss.fff+hhmm (28 bytes)
    private static bool TryParseFast(ReadOnlySpan<byte> v, out DateTimeOffset value)
    {
        value = default;
        if (v.Length != 28 || v[4] != '-' || v[7] != '-' || v[10] != 'T' || v[13] != ':' || v[16] != ':' || v[19] != '.'
            || (v[23] != '+' && v[23] != '-')) return false;
        if (!D(v, 0, 4, out int y) || !D(v, 5, 2, out int mo) || !D(v, 8, 2, out int d) || !D(v, 11, 2, out int h)
            || !D(v, 14, 2, out int mi) || !D(v, 17, 2, out int s) || !D(v, 20, 3, out int ms)
            || !D(v, 24, 2, out int oh) || !D(v, 26, 2, out int om)) return false;
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Max(1, y), mo) || h > 23 || mi > 59 || s > 59 || oh > 14 || om > 59)
            return false;
        if (y < 1) return false;
        var offset = new TimeSpan(oh, om, 0);
        if (v[23] == '-') offset = -offset;
        try { value = new DateTimeOffset(y, mo, d, h, mi, s, ms, offset); return true; }
        catch (ArgumentOutOfRangeException) { return false; }
    }

    private static bool D(ReadOnlySpan<byte> v, int start, int len, out int result)
    {
        result = 0;
        for (int i = start; i < start + len; i++)
        {
            int c = v[i] - '0';
            if ((uint)c > 9) return false;
            result = result * 10 + c;
        }
        return true;
    }
}

/// <summary>
/// Reads one ARI WebSocket message into a typed event. The "type" property is found with a forward-only scan of the
/// top level (Asterisk writes it first, so this is a few bytes), then the message is deserialized once, straight into
/// the right record by its source-generated metadata. Never throws: anything it cannot type becomes an
/// <see cref="AriUnknownEvent"/> with the raw text.
/// </summary>
public static class AriEventParser
{
    private static readonly FrozenDictionary<string, JsonTypeInfo> TypeInfos = new Dictionary<string, JsonTypeInfo>
    {
        ["StasisStart"] = AriJsonContext.Default.StasisStartEvent,
        ["StasisEnd"] = AriJsonContext.Default.StasisEndEvent,
        ["ChannelCreated"] = AriJsonContext.Default.ChannelCreatedEvent,
        ["ChannelDestroyed"] = AriJsonContext.Default.ChannelDestroyedEvent,
        ["ChannelStateChange"] = AriJsonContext.Default.ChannelStateChangeEvent,
        ["ChannelHangupRequest"] = AriJsonContext.Default.ChannelHangupRequestEvent,
        ["ChannelEnteredBridge"] = AriJsonContext.Default.ChannelEnteredBridgeEvent,
        ["ChannelLeftBridge"] = AriJsonContext.Default.ChannelLeftBridgeEvent,
        ["ChannelDtmfReceived"] = AriJsonContext.Default.ChannelDtmfReceivedEvent,
        ["ChannelHold"] = AriJsonContext.Default.ChannelHoldEvent,
        ["ChannelUnhold"] = AriJsonContext.Default.ChannelUnholdEvent,
        ["ChannelVarset"] = AriJsonContext.Default.ChannelVarsetEvent,
        ["ChannelCallerId"] = AriJsonContext.Default.ChannelCallerIdEvent,
        ["ChannelConnectedLine"] = AriJsonContext.Default.ChannelConnectedLineEvent,
        ["ChannelDialplan"] = AriJsonContext.Default.ChannelDialplanEvent,
        ["Dial"] = AriJsonContext.Default.DialEvent,
        ["BridgeCreated"] = AriJsonContext.Default.BridgeCreatedEvent,
        ["BridgeDestroyed"] = AriJsonContext.Default.BridgeDestroyedEvent,
        ["PlaybackStarted"] = AriJsonContext.Default.PlaybackStartedEvent,
        ["PlaybackFinished"] = AriJsonContext.Default.PlaybackFinishedEvent,
        ["RecordingStarted"] = AriJsonContext.Default.RecordingStartedEvent,
        ["RecordingFinished"] = AriJsonContext.Default.RecordingFinishedEvent,
        ["RecordingFailed"] = AriJsonContext.Default.RecordingFailedEvent,
        ["EndpointStateChange"] = AriJsonContext.Default.EndpointStateChangeEvent,
        ["DeviceStateChanged"] = AriJsonContext.Default.DeviceStateChangedEvent,
        ["ApplicationReplaced"] = AriJsonContext.Default.ApplicationReplacedEvent,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, JsonTypeInfo>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        TypeInfos.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The event types this client models.</summary>
    public static IReadOnlyCollection<string> KnownTypes => TypeInfos.Keys;

    /// <summary>Parses one message (UTF-8 JSON object). Never throws.</summary>
    public static AriEvent Parse(ReadOnlySpan<byte> utf8)
    {
        string? type = null;
        string? error;
        try
        {
            var info = FindType(utf8, out type);
            if (info is null)
                return Unknown(utf8, type ?? "", type is null ? "no \"type\" property" : null);
            type = null;
            if (JsonSerializer.Deserialize(utf8, info) is AriEvent typed) return typed;
            error = "the event is null";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = ex.Message;
        }
        return Unknown(utf8, type ?? "", error);
    }

    /// <summary>Parses one message given as text.</summary>
    public static AriEvent Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Scans the top level for "type"; returns its metadata, or null with the type name (null when absent).</summary>
    private static JsonTypeInfo? FindType(ReadOnlySpan<byte> utf8, out string? typeName)
    {
        typeName = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isType = reader.ValueTextEquals("type"u8);
            if (!reader.Read()) return null;
            if (!isType) { if (!reader.TrySkip()) return null; continue; }
            if (reader.TokenType != JsonTokenType.String) return null;
            int len = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (len <= 64)
            {
                Span<char> buf = stackalloc char[64];
                int n = reader.CopyString(buf);
                if (ByChars.TryGetValue(buf[..n], out var info)) return info;
                typeName = new string(buf[..n]);
                return null;
            }
            typeName = reader.GetString();
            return null;
        }
        return null;
    }

    private static AriUnknownEvent Unknown(ReadOnlySpan<byte> utf8, string type, string? error)
    {
        string raw = System.Text.Encoding.UTF8.GetString(utf8);
        JsonElement? json = null;
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
            return new AriUnknownEvent(type, raw, null, error ?? "not valid UTF-8");
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            json = doc.RootElement.Clone();
            if (type.Length == 0 && json.Value.ValueKind == JsonValueKind.Object &&
                json.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String)
            {
                try { type = t.GetString() ?? ""; } catch (InvalidOperationException) { type = ""; }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            error ??= "not valid JSON: " + ex.Message;
        }
        return new AriUnknownEvent(type, raw, json, error);
    }
}
