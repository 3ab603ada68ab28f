using System.Text.Json.Serialization;

namespace CtiBridge.Asterisk.Ari;

// Typed ARI models (Asterisk 22 ari-api-docs). Property names map through the snake_case policy of AriJsonContext;
// run-together names ("creationtime", "accountcode") are spelled out.

public sealed record AriCallerId
{
    public string Name { get; init; } = "";
    public string Number { get; init; } = "";
}

public sealed record AriDialplanCep
{
    public string Context { get; init; } = "";
    public string Exten { get; init; } = "";
    public long Priority { get; init; }
    public string? AppName { get; init; }
    public string? AppData { get; init; }
}

public sealed record AriChannel
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    /// <summary>Down, Rsrved, OffHook, Dialing, Ring, Ringing, Up, Busy, Dialing Offhook, Pre-ring, Unknown.</summary>
    public string State { get; init; } = "";
    public string? ProtocolId { get; init; }
    public AriCallerId Caller { get; init; } = new();
    public AriCallerId Connected { get; init; } = new();
    [JsonPropertyName("accountcode")] public string? AccountCode { get; init; }
    public AriDialplanCep? Dialplan { get; init; }
    [JsonPropertyName("creationtime")] public DateTimeOffset CreationTime { get; init; }
    public string? Language { get; init; }
    [JsonPropertyName("channelvars")] public Dictionary<string, string>? ChannelVars { get; init; }
    public string? CallerRdnis { get; init; }
    [JsonPropertyName("tenantid")] public string? TenantId { get; init; }

    public bool IsUp => State == "Up";
}

public sealed record AriBridge
{
    public required string Id { get; init; }
    public string Technology { get; init; } = "";
    /// <summary>mixing, holding, …</summary>
    public string BridgeType { get; init; } = "";
    public string BridgeClass { get; init; } = "";
    public string Creator { get; init; } = "";
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Channels { get; init; } = [];
    public string? VideoMode { get; init; }
    public string? VideoSourceId { get; init; }
    [JsonPropertyName("creationtime")] public DateTimeOffset CreationTime { get; init; }
    [JsonPropertyName("bridgevars")] public Dictionary<string, string>? BridgeVars { get; init; }
}

public sealed record AriPlayback
{
    public required string Id { get; init; }
    public string MediaUri { get; init; } = "";
    public string? NextMediaUri { get; init; }
    /// <summary>"channel:&lt;id&gt;" or "bridge:&lt;id&gt;".</summary>
    public string TargetUri { get; init; } = "";
    public string? Language { get; init; }
    /// <summary>queued, playing, continuing, done, failed.</summary>
    public string State { get; init; } = "";
}

public sealed record AriLiveRecording
{
    public required string Name { get; init; }
    public string Format { get; init; } = "";
    public string TargetUri { get; init; } = "";
    /// <summary>queued, recording, paused, done, failed, canceled.</summary>
    public string State { get; init; } = "";
    public int? Duration { get; init; }
    public int? TalkingDuration { get; init; }
    public int? SilenceDuration { get; init; }
    public string? Cause { get; init; }
}

public sealed record AriStoredRecording
{
    public required string Name { get; init; }
    public string Format { get; init; } = "";
}

public sealed record AriEndpoint
{
    public string Technology { get; init; } = "";
    public string Resource { get; init; } = "";
    /// <summary>unknown, offline, online.</summary>
    public string? State { get; init; }
    public IReadOnlyList<string> ChannelIds { get; init; } = [];
}

public sealed record AriDeviceState
{
    public required string Name { get; init; }
    /// <summary>UNKNOWN, NOT_INUSE, INUSE, BUSY, INVALID, UNAVAILABLE, RINGING, RINGINUSE, ONHOLD.</summary>
    public string State { get; init; } = "";
}

public sealed record AriApplication
{
    public required string Name { get; init; }
    public IReadOnlyList<string> ChannelIds { get; init; } = [];
    public IReadOnlyList<string> BridgeIds { get; init; } = [];
    public IReadOnlyList<string> EndpointIds { get; init; } = [];
    public IReadOnlyList<string> DeviceNames { get; init; } = [];
    /// <summary>The event filter: types sent (empty: all) …</summary>
    public IReadOnlyList<AriEventType> EventsAllowed { get; init; } = [];
    /// <summary>… and types never sent.</summary>
    public IReadOnlyList<AriEventType> EventsDisallowed { get; init; } = [];
}

/// <summary>One entry of an application's event filter: <c>{"type": "StasisStart"}</c>.</summary>
public sealed record AriEventType(string Type);

/// <summary>The body of <c>PUT /applications/{app}/eventFilter</c>.</summary>
public sealed record AriEventFilterBody(IReadOnlyList<AriEventType> Allowed, IReadOnlyList<AriEventType> Disallowed);

public sealed record AriVariable
{
    public string Value { get; init; } = "";
}

public sealed record AriAsteriskPing
{
    public string AsteriskId { get; init; } = "";
    public string Ping { get; init; } = "";
    public string Timestamp { get; init; } = "";
}

public sealed record AriBuildInfo
{
    public string Os { get; init; } = "";
    public string Kernel { get; init; } = "";
    public string Options { get; init; } = "";
    public string Machine { get; init; } = "";
    public string Date { get; init; } = "";
    public string User { get; init; } = "";
}

public sealed record AriSystemInfo
{
    public string Version { get; init; } = "";
    public string EntityId { get; init; } = "";
}

public sealed record AriSetId
{
    public string User { get; init; } = "";
    public string Group { get; init; } = "";
}

public sealed record AriConfigInfo
{
    public string Name { get; init; } = "";
    public string DefaultLanguage { get; init; } = "";
    public int? MaxChannels { get; init; }
    public int? MaxOpenFiles { get; init; }
    public double? MaxLoad { get; init; }
    public AriSetId? Setid { get; init; }
}

public sealed record AriStatusInfo
{
    public DateTimeOffset StartupTime { get; init; }
    public DateTimeOffset LastReloadTime { get; init; }
}

public sealed record AriAsteriskInfo
{
    public AriBuildInfo? Build { get; init; }
    public AriSystemInfo? System { get; init; }
    public AriConfigInfo? Config { get; init; }
    public AriStatusInfo? Status { get; init; }
}

/// <summary>Body of the operations that take channel/bridge variables.</summary>
public sealed record AriVariablesBody(IReadOnlyDictionary<string, string> Variables);

/// <summary>An ARI error body: {"message": "..."}.</summary>
public sealed record AriErrorBody
{
    public string? Message { get; init; }
}
