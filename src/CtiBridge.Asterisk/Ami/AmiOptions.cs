using CtiBridge.Asterisk.Connection;

namespace CtiBridge.Asterisk.Ami;

/// <summary>AMI connection settings, bound from configuration section "Asterisk:Ami".</summary>
public sealed class AmiOptions
{
    public const string SectionName = "Asterisk:Ami";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 5038;
    public string Username { get; set; } = "";
    public string Secret { get; set; } = "";

    /// <summary>How often a Ping is sent on an idle logged-in connection; a Ping without an answer drops the connection. Zero disables.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long an action waits for its response (and an event list for its Complete event).</summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TCP connect + banner + login limit per attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Optional <c>Events:</c> mask sent with Login (e.g. "on", "off", "system,call"); null = Asterisk's default.</summary>
    public string? Events { get; set; }

    /// <summary>
    /// The names of the events this session wants (e.g. DeviceStateChange); null or empty = every event the AMI user may
    /// read. Applied after each login as include filters (<c>Action: Filter</c>), so Asterisk neither formats nor sends
    /// the rest: a busy PBX raises dozens of events per call (Newexten, VarSet, RTCP, Cdr …) that an observer of device
    /// states would otherwise parse and drop. Shutdown and Reload, which the client itself acts on, are always included.
    /// </summary>
    public IList<string>? IncludeEvents { get; set; }

    /// <summary>Prefix of generated ActionIDs.</summary>
    public string ActionIdPrefix { get; set; } = "cti";

    /// <summary>Largest accepted single message.</summary>
    public int MaxMessageBytes { get; set; } = AmiParser.DefaultMaxMessageBytes;

    public ReconnectOptions Reconnect { get; set; } = new();

    /// <summary>Defaults for AmiClient.Subscribe and <see cref="AmiClient.ReadEventsAsync"/>.</summary>
    public int EventQueueCapacity { get; set; } = 10_000;
}
