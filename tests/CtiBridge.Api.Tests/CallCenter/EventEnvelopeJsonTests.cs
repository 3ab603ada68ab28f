using System.Text.Json;
using System.Text.Json.Serialization;
using CtiBridge.Api.Events;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>The envelope's JSON: the shape clients read, and one serialization of an event's data for all its recipients.</summary>
public sealed class EventEnvelopeJsonTests
{
    // As the SignalR JSON protocol has them: web defaults (camelCase) plus the enum converter the Api adds.
    private static readonly JsonSerializerOptions HubOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed class CountingData
    {
        public int Reads;
        public string CallId { get { Reads++; return "c-1"; } }
        public DayOfWeek Day => DayOfWeek.Monday;
    }

    [Fact]
    public void The_envelope_is_epoch_seq_name_at_data_in_camelCase_with_the_data_as_its_runtime_type()
    {
        var at = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        var data = new CountingData();
        var plain = JsonSerializer.Serialize(new EventEnvelope("e1", 7, "callOffered", at, data), HubOptions);
        var shared = JsonSerializer.Serialize(new EventEnvelope("e1", 7, "callOffered", at, data) { Shared = new SharedEventJson(data) }, HubOptions);

        Assert.Equal("""{"epoch":"e1","seq":7,"name":"callOffered","at":"2026-11-22T08:00:00+00:00","data":{"callId":"c-1","day":"Monday"}}""", plain);
        Assert.Equal(plain, shared);
    }

    [Fact]
    public void Recipients_of_one_event_share_one_serialization_of_its_data_and_keep_their_own_sequence_numbers()
    {
        var data = new CountingData();
        var shared = new SharedEventJson(data);
        var texts = Enumerable.Range(1, 3)
            .Select(seq => JsonSerializer.Serialize(new EventEnvelope("e1", seq, "skillGroupStatsChanged", DateTimeOffset.UnixEpoch, data) { Shared = shared }, HubOptions))
            .ToList();

        Assert.Equal(1, data.Reads);
        Assert.Equal([1L, 2L, 3L], texts.Select(t => JsonDocument.Parse(t).RootElement.GetProperty("seq").GetInt64()));
        Assert.All(texts, t => Assert.Equal("c-1", JsonDocument.Parse(t).RootElement.GetProperty("data").GetProperty("callId").GetString()));
    }

    [Fact]
    public void Shared_JSON_made_for_other_options_is_not_reused()
    {
        var data = new CountingData();
        var shared = new SharedEventJson(data);
        var camel = Encoding(shared.Json(HubOptions));
        var pascal = Encoding(shared.Json(new JsonSerializerOptions()));

        Assert.Contains("\"callId\"", camel, StringComparison.Ordinal);
        Assert.Contains("\"CallId\"", pascal, StringComparison.Ordinal);
        static string Encoding(byte[] b) => System.Text.Encoding.UTF8.GetString(b);
    }
}
