using System.Text.Json;
using System.Text.Json.Serialization;

namespace CtiBridge.Api.Events;

/// <summary>
/// One event's <c>data</c> as JSON, made once and shared by the envelopes of all its recipients. Every recipient's
/// envelope differs (its own sequence number), so SignalR serializes one message per recipient: without this, a
/// skill-group stats change for 1,000 members would serialize the same object graph 1,000 times.
/// </summary>
public sealed class SharedEventJson(object data)
{
    private Cached? _cached;

    public object Data { get; } = data;

    /// <summary>The data's JSON for <paramref name="options"/>, serialized on first use (a race serializes twice, harmlessly).</summary>
    public byte[] Json(JsonSerializerOptions options)
    {
        if (Volatile.Read(ref _cached) is { } c && ReferenceEquals(c.Options, options)) return c.Json;
        var json = JsonSerializer.SerializeToUtf8Bytes(Data, Data.GetType(), options);
        Volatile.Write(ref _cached, new Cached(options, json));
        return json;
    }

    private sealed record Cached(JsonSerializerOptions Options, byte[] Json);
}

/// <summary>
/// Writes an <see cref="EventEnvelope"/> as <c>{ epoch, seq, name, at, data }</c> — the shape the default serializer
/// gave it — taking <c>data</c> from the envelope's <see cref="SharedEventJson"/> when it has one.
/// </summary>
public sealed class EventEnvelopeJsonConverter : JsonConverter<EventEnvelope>
{
    public override EventEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Event envelopes are only sent by the server.");

    public override void Write(Utf8JsonWriter writer, EventEnvelope value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Name(options, "Epoch"), value.Epoch);
        writer.WriteNumber(Name(options, "Seq"), value.Seq);
        writer.WriteString(Name(options, "Name"), value.Name);
        writer.WritePropertyName(Name(options, "At"));
        JsonSerializer.Serialize(writer, value.At, options);
        writer.WritePropertyName(Name(options, "Data"));
        if (value.Shared is { } shared && ReferenceEquals(shared.Data, value.Data))
            writer.WriteRawValue(shared.Json(options), skipInputValidation: true);
        else
            JsonSerializer.Serialize(writer, value.Data, value.Data.GetType(), options);
        writer.WriteEndObject();
    }

    private static string Name(JsonSerializerOptions options, string property) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
