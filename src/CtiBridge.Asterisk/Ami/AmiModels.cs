namespace CtiBridge.Asterisk.Ami;

/// <summary>One <c>EndpointList</c> item of PJSIPShowEndpoints.</summary>
public sealed record AmiPjsipEndpoint(string ObjectName, string? Transport, string? Aor, string? Auths, string? OutboundAuths,
    string? Contacts, string? DeviceState, int ActiveChannels)
{
    /// <summary>The registered contacts ("1001/sip:1001@127.0.0.1:5061"), split on commas, empties removed.</summary>
    public IReadOnlyList<string> ContactList =>
        (Contacts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static AmiPjsipEndpoint From(AmiMessage m) => new(
        m["ObjectName"] ?? "", m["Transport"], m["Aor"], m["Auths"], m["OutboundAuths"], m["Contacts"], m["DeviceState"],
        m.GetInt32("ActiveChannels") ?? 0);
}

/// <summary>One <c>ContactList</c> item of PJSIPShowContacts.</summary>
public sealed record AmiPjsipContact(string ObjectName, string? Endpoint, string? Uri, string? Status, string? UserAgent,
    string? ViaAddress, int? ViaPort, string? CallId, string? RoundtripUsec, long? ExpirationTime)
{
    /// <summary>The AOR part of ObjectName ("1001" of "1001;@f59e…").</summary>
    public string Aor => ObjectName.Split(';', 2)[0];

    public static AmiPjsipContact From(AmiMessage m) => new(
        m["ObjectName"] ?? "", m["Endpoint"], m["Uri"], m["Status"], m["UserAgent"], m["ViaAddr"], m.GetInt32("ViaPort"),
        m["CallId"], m["RoundtripUsec"],
        long.TryParse(m.GetSpan("ExpirationTime"), System.Globalization.CultureInfo.InvariantCulture, out var exp) ? exp : null);
}

/// <summary>One <c>CoreShowChannel</c> item of CoreShowChannels.</summary>
public sealed record AmiCoreChannel(string Channel, string Uniqueid, string? Linkedid, int? ChannelState, string? ChannelStateDesc,
    string? CallerIdNum, string? CallerIdName, string? ConnectedLineNum, string? ConnectedLineName, string? Context,
    string? Exten, int? Priority, string? Application, string? ApplicationData, string? Duration, string? BridgeId, string? AccountCode)
{
    public static AmiCoreChannel From(AmiMessage m) => new(
        m["Channel"] ?? "", m["Uniqueid"] ?? "", m["Linkedid"], m.GetInt32("ChannelState"), m["ChannelStateDesc"],
        m["CallerIDNum"], m["CallerIDName"], m["ConnectedLineNum"], m["ConnectedLineName"], m["Context"], m["Exten"],
        m.GetInt32("Priority"), m["Application"], m["ApplicationData"], m["Duration"], NullIfEmpty(m["BridgeId"]), m["AccountCode"]);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}

/// <summary>One <c>BridgeListItem</c> of BridgeList.</summary>
public sealed record AmiBridge(string BridgeUniqueid, string? BridgeType, string? BridgeTechnology, string? BridgeCreator,
    string? BridgeName, int BridgeNumChannels)
{
    public static AmiBridge From(AmiMessage m) => new(
        m["BridgeUniqueid"] ?? "", m["BridgeType"], m["BridgeTechnology"], m["BridgeCreator"], m["BridgeName"],
        m.GetInt32("BridgeNumChannels") ?? 0);
}

/// <summary>An AMI Originate (Async by default: the response says "queued", the outcome arrives as an OriginateResponse event with the same ActionID).</summary>
public sealed record AmiOriginateRequest
{
    /// <summary>Channel to call, e.g. "PJSIP/1001" or "Local/s@moh".</summary>
    public required string Channel { get; init; }
    public string? Context { get; init; }
    public string? Exten { get; init; }
    public int? Priority { get; init; }
    /// <summary>Application instead of Context/Exten/Priority.</summary>
    public string? Application { get; init; }
    public string? Data { get; init; }
    public TimeSpan? Timeout { get; init; }
    public string? CallerId { get; init; }
    public string? Account { get; init; }
    public string? ChannelId { get; init; }
    public string? OtherChannelId { get; init; }
    public bool Async { get; init; } = true;
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary>A Command's output (Asterisk 22: <c>Response: Success</c> with one <c>Output:</c> field per line).</summary>
public sealed record AmiCommandResult(AmiMessage Response, IReadOnlyList<string> Output)
{
    public string Text => string.Join('\n', Output);
}
