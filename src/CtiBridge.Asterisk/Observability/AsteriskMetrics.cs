using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace CtiBridge.Asterisk.Observability;

/// <summary>
/// What the Asterisk clients measure, on the meter <see cref="MeterName"/> (and AMI actions as spans of the activity
/// source of the same name). Process-wide, as the runtime's own HttpClient and socket meters are: the clients are built
/// by the host, by tests and by benchmarks, not only by a container.
/// <list type="bullet">
/// <item><c>ctibridge.asterisk.command.duration</c> (s): each ARI request and AMI action, labelled <c>protocol</c>
/// (<c>ari</c>/<c>ami</c>), <c>command</c> (ARI: method and path template such as <c>POST channels/{id}/answer</c>;
/// AMI: the action name) and <c>outcome</c>.</item>
/// <item><c>ctibridge.asterisk.command.errors</c>: the same commands that did not succeed, by <c>outcome</c>:
/// <c>refused</c> (ARI answered 4xx/5xx, AMI <c>Response: Error</c>), <c>timeout</c>, <c>connection_failed</c>,
/// <c>not_connected</c>.</item>
/// <item><c>ctibridge.asterisk.connection.losses</c> and <c>ctibridge.asterisk.reconnects</c>: an established
/// connection lost, and one established again after a loss, by <c>connection</c> (<c>ARI</c>/<c>AMI</c>).</item>
/// <item><c>ctibridge.asterisk.connections</c>: connections up now, by <c>connection</c>.</item>
/// </list>
/// </summary>
public static class AsteriskMetrics
{
    public const string MeterName = "CtiBridge.Asterisk";

    /// <summary>Outcomes of a command.</summary>
    public const string Success = "success", Refused = "refused", Timeout = "timeout", ConnectionFailed = "connection_failed", NotConnected = "not_connected";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly ActivitySource Activities = new(MeterName);

    private static readonly Histogram<double> CommandDuration = Meter.CreateHistogram(
        "ctibridge.asterisk.command.duration", "s", "Time from sending an ARI request or AMI action to its answer.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> CommandErrors = Meter.CreateCounter<long>(
        "ctibridge.asterisk.command.errors", "{command}", "ARI requests and AMI actions that did not succeed.");

    private static readonly Counter<long> ConnectionLosses = Meter.CreateCounter<long>(
        "ctibridge.asterisk.connection.losses", "{loss}", "Established ARI/AMI connections that were lost.");

    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "ctibridge.asterisk.reconnects", "{reconnect}", "ARI/AMI connections established again after a loss.");

    private static readonly UpDownCounter<int> ConnectionsUp = Meter.CreateUpDownCounter<int>(
        "ctibridge.asterisk.connections", "{connection}", "ARI/AMI connections up now.");

    internal static void CommandCompleted(string protocol, string command, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "protocol", protocol }, { "command", command }, { "outcome", outcome } };
        CommandDuration.Record(elapsed.TotalSeconds, tags);
        if (outcome != Success) CommandErrors.Add(1, tags);
    }

    /// <summary>Called by the connection state tracker on every state change.</summary>
    internal static void ConnectionChanged(string connection, bool wasUp, bool isUp, bool everUpBefore)
    {
        if (wasUp == isUp) return;
        var tag = new KeyValuePair<string, object?>("connection", connection);
        ConnectionsUp.Add(isUp ? 1 : -1, tag);
        if (wasUp) ConnectionLosses.Add(1, tag);
        else if (everUpBefore) Reconnects.Add(1, tag);
    }

    /// <summary>
    /// The ARI label of a request: its method and path with every segment that is not a fixed word of the ARI
    /// API replaced by <c>{id}</c> (channel, bridge, recording and application names), so labels stay few.
    /// </summary>
    internal static string AriCommand(HttpMethod method, string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
            if (!AriWords.Contains(segments[i])) segments[i] = "{id}";
        return method.Method + " " + string.Join('/', segments);
    }

    internal static string AriOutcome(HttpStatusCode? status) => status is null ? ConnectionFailed : Refused;

    // The literal segments of the ARI REST paths the client uses (ari.json); anything else is an identifier.
    private static readonly HashSet<string> AriWords = new(StringComparer.Ordinal)
    {
        "asterisk", "info", "ping", "variable", "config", "modules", "logging",
        "applications", "subscription", "eventFilter",
        "channels", "create", "dial", "answer", "ring", "hold", "mute", "moh", "silence", "dtmf", "play", "record", "snoop",
        "continue", "redirect", "move", "externalMedia", "rtp_statistics", "transfer_progress",
        "bridges", "addChannel", "removeChannel", "videoSource",
        "playbacks", "control",
        "recordings", "stored", "live", "file", "copy", "stop", "pause", "unmute",
        "endpoints", "sendMessage", "refer",
        "deviceStates", "sounds", "mailboxes", "events", "user",
    };
}
