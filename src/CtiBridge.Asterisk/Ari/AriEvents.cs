using System.Text.Json;
using System.Text.Json.Serialization;

namespace CtiBridge.Asterisk.Ari;

/// <summary>
/// An ARI WebSocket event. Each known type is a sealed record; anything else arrives as <see cref="AriUnknownEvent"/>
/// with its raw JSON, so nothing is dropped.
/// </summary>
public abstract record AriEvent
{
    /// <summary>The ARI "type" ("StasisStart", …).</summary>
    [JsonIgnore] public abstract string Type { get; }

    public string? Application { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public string? AsteriskId { get; init; }

    /// <summary>
    /// The key that orders handling: events with the same key are handled one at a time in arrival order. The channel
    /// id for channel events (the peer for Dial), the target's id for playbacks/recordings, the bridge id for bridge-only
    /// events, the endpoint or device name otherwise.
    /// </summary>
    [JsonIgnore] public virtual string? OrderingKey => null;

    /// <summary>The channel the event is about, when there is one.</summary>
    [JsonIgnore] public virtual AriChannel? EventChannel => null;

    internal static string? IdOfTargetUri(string? uri)
    {
        if (string.IsNullOrEmpty(uri)) return null;
        int colon = uri.IndexOf(':');
        return colon < 0 ? uri : uri[(colon + 1)..];
    }
}

/// <summary>An event about one channel.</summary>
public abstract record AriChannelEvent : AriEvent
{
    public required AriChannel Channel { get; init; }
    public override string? OrderingKey => Channel.Id;
    public override AriChannel? EventChannel => Channel;
}

public sealed record StasisStartEvent : AriChannelEvent
{
    public override string Type => "StasisStart";
    public IReadOnlyList<string> Args { get; init; } = [];
    public AriChannel? ReplaceChannel { get; init; }
}

public sealed record StasisEndEvent : AriChannelEvent { public override string Type => "StasisEnd"; }

public sealed record ChannelCreatedEvent : AriChannelEvent { public override string Type => "ChannelCreated"; }

public sealed record ChannelDestroyedEvent : AriChannelEvent
{
    public override string Type => "ChannelDestroyed";
    public int Cause { get; init; }
    public string CauseTxt { get; init; } = "";
    public int? TechCause { get; init; }
}

public sealed record ChannelStateChangeEvent : AriChannelEvent { public override string Type => "ChannelStateChange"; }

public sealed record ChannelHangupRequestEvent : AriChannelEvent
{
    public override string Type => "ChannelHangupRequest";
    public int? Cause { get; init; }
    public int? TechCause { get; init; }
    public bool? Soft { get; init; }
}

public sealed record ChannelEnteredBridgeEvent : AriEvent
{
    public override string Type => "ChannelEnteredBridge";
    public required AriBridge Bridge { get; init; }
    public AriChannel? Channel { get; init; }
    public override string? OrderingKey => Channel?.Id ?? Bridge.Id;
    public override AriChannel? EventChannel => Channel;
}

public sealed record ChannelLeftBridgeEvent : AriChannelEvent
{
    public override string Type => "ChannelLeftBridge";
    public required AriBridge Bridge { get; init; }
}

public sealed record ChannelDtmfReceivedEvent : AriChannelEvent
{
    public override string Type => "ChannelDtmfReceived";
    public string Digit { get; init; } = "";
    public int DurationMs { get; init; }
}

public sealed record ChannelHoldEvent : AriChannelEvent
{
    public override string Type => "ChannelHold";
    [JsonPropertyName("musicclass")] public string? MusicClass { get; init; }
}

public sealed record ChannelUnholdEvent : AriChannelEvent { public override string Type => "ChannelUnhold"; }

/// <summary>A variable changed; <see cref="Channel"/> is null for a global variable.</summary>
public sealed record ChannelVarsetEvent : AriEvent
{
    public override string Type => "ChannelVarset";
    public string Variable { get; init; } = "";
    public string Value { get; init; } = "";
    public AriChannel? Channel { get; init; }
    public override string? OrderingKey => Channel?.Id;
    public override AriChannel? EventChannel => Channel;
}

public sealed record ChannelCallerIdEvent : AriChannelEvent
{
    public override string Type => "ChannelCallerId";
    public int CallerPresentation { get; init; }
    public string CallerPresentationTxt { get; init; } = "";
}

public sealed record ChannelConnectedLineEvent : AriChannelEvent { public override string Type => "ChannelConnectedLine"; }

public sealed record ChannelDialplanEvent : AriChannelEvent
{
    public override string Type => "ChannelDialplan";
    public string DialplanApp { get; init; } = "";
    public string DialplanAppData { get; init; } = "";
}

/// <summary>Dialing progress; ordered with the peer (the channel being dialed).</summary>
public sealed record DialEvent : AriEvent
{
    public override string Type => "Dial";
    public AriChannel? Caller { get; init; }
    public required AriChannel Peer { get; init; }
    public string? Forward { get; init; }
    public AriChannel? Forwarded { get; init; }
    [JsonPropertyName("dialstring")] public string? DialString { get; init; }
    /// <summary>Empty while dialing; ANSWER, BUSY, NOANSWER, CANCEL, CHANUNAVAIL, … at the end.</summary>
    [JsonPropertyName("dialstatus")] public string DialStatus { get; init; } = "";
    public override string? OrderingKey => Peer.Id;
    public override AriChannel? EventChannel => Peer;
}

public abstract record AriBridgeEvent : AriEvent
{
    public required AriBridge Bridge { get; init; }
    public override string? OrderingKey => Bridge.Id;
}

public sealed record BridgeCreatedEvent : AriBridgeEvent { public override string Type => "BridgeCreated"; }

public sealed record BridgeDestroyedEvent : AriBridgeEvent { public override string Type => "BridgeDestroyed"; }

public abstract record AriPlaybackEvent : AriEvent
{
    public required AriPlayback Playback { get; init; }
    public override string? OrderingKey => IdOfTargetUri(Playback.TargetUri);
}

public sealed record PlaybackStartedEvent : AriPlaybackEvent { public override string Type => "PlaybackStarted"; }

public sealed record PlaybackFinishedEvent : AriPlaybackEvent { public override string Type => "PlaybackFinished"; }

public abstract record AriRecordingEvent : AriEvent
{
    public required AriLiveRecording Recording { get; init; }
    public override string? OrderingKey => IdOfTargetUri(Recording.TargetUri);
}

public sealed record RecordingStartedEvent : AriRecordingEvent { public override string Type => "RecordingStarted"; }

public sealed record RecordingFinishedEvent : AriRecordingEvent { public override string Type => "RecordingFinished"; }

public sealed record RecordingFailedEvent : AriRecordingEvent { public override string Type => "RecordingFailed"; }

public sealed record EndpointStateChangeEvent : AriEvent
{
    public override string Type => "EndpointStateChange";
    public required AriEndpoint Endpoint { get; init; }
    public override string? OrderingKey => Endpoint.Technology + "/" + Endpoint.Resource;
}

public sealed record DeviceStateChangedEvent : AriEvent
{
    public override string Type => "DeviceStateChanged";
    public required AriDeviceState DeviceState { get; init; }
    public override string? OrderingKey => DeviceState.Name;
}

/// <summary>Another WebSocket registered the same application name: this connection no longer receives its events.</summary>
public sealed record ApplicationReplacedEvent : AriEvent { public override string Type => "ApplicationReplaced"; }

/// <summary>
/// An event whose type this client does not model, or one that could not be read as its type. Nothing is dropped: the
/// raw text and the parsed JSON (when it is valid JSON) are kept.
/// </summary>
public sealed record AriUnknownEvent : AriEvent
{
    public AriUnknownEvent(string type, string rawJson, JsonElement? json, string? error)
    {
        TypeName = type; RawJson = rawJson; Json = json; Error = error;
        if (json is not { ValueKind: JsonValueKind.Object } o) return;
        try
        {
            if (o.TryGetProperty("application", out var app) && app.ValueKind == JsonValueKind.String) Application = app.GetString();
            if (o.TryGetProperty("asterisk_id", out var aid) && aid.ValueKind == JsonValueKind.String) AsteriskId = aid.GetString();
            if (o.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String &&
                AriTimestampConverter.TryParse(ts.GetString(), out var t)) Timestamp = t;
            if (o.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Object &&
                ch.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) _key = id.GetString();
        }
        catch (InvalidOperationException ex)
        {
            Error ??= "unreadable common properties: " + ex.Message; // e.g. invalid UTF-8 inside a string
        }
    }

    private string? _key;
    private string TypeName { get; }

    public override string Type => TypeName;

    /// <summary>The event exactly as received.</summary>
    public string RawJson { get; }

    /// <summary>The parsed event (a detached clone), or null when the text is not valid JSON.</summary>
    public JsonElement? Json { get; }

    /// <summary>Why it is not a typed event when its type is known (a malformed event), else null.</summary>
    public string? Error { get; private set; }

    public override string? OrderingKey => _key;
}
