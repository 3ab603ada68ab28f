using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CtiBridge.Asterisk.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Asterisk.Ari;

/// <summary>
/// The ARI REST client: typed operations grouped by resource (<c>ari.Channels.AnswerAsync(id)</c>). Stateless over a
/// (typed, factory-managed) <see cref="HttpClient"/>; every failure is an <see cref="AriException"/> naming the call,
/// the HTTP status and Asterisk's message.
/// </summary>
public sealed class AriClient
{
    private readonly HttpClient _http;
    private readonly ILogger _logger;

    /// <param name="httpClient">Its BaseAddress and Authorization are set from <paramref name="options"/> when not set already.</param>
    public AriClient(HttpClient httpClient, AriOptions options, ILogger<AriClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var name in options.AllowedEvents ?? []) AriApplicationsResource.AriEventTypeName(name); // a typo fails at start
        _http = httpClient;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Options = options;
        _http.BaseAddress ??= options.RestBase();
        _http.DefaultRequestHeaders.Authorization ??= new AuthenticationHeaderValue("Basic", options.BasicAuth());
        if (_http.Timeout == TimeSpan.FromSeconds(100)) _http.Timeout = options.RequestTimeout;
        Asterisk = new AriAsteriskResource(this);
        Applications = new AriApplicationsResource(this);
        Channels = new AriChannelsResource(this);
        Bridges = new AriBridgesResource(this);
        Playbacks = new AriPlaybacksResource(this);
        Recordings = new AriRecordingsResource(this);
        Endpoints = new AriEndpointsResource(this);
        DeviceStates = new AriDeviceStatesResource(this);
    }

    public AriOptions Options { get; }
    public AriAsteriskResource Asterisk { get; }
    public AriApplicationsResource Applications { get; }
    public AriChannelsResource Channels { get; }
    public AriBridgesResource Bridges { get; }
    public AriPlaybacksResource Playbacks { get; }
    public AriRecordingsResource Recordings { get; }
    public AriEndpointsResource Endpoints { get; }
    public AriDeviceStatesResource DeviceStates { get; }

    // ------------------------------------------------------------ transport

    internal async Task<T> SendAsync<T>(HttpMethod method, string path, AriQuery? query, JsonTypeInfo<T> result,
        HttpContent? content, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, query, content, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        try
        {
            var value = await response.Content.ReadFromJsonAsync(result, ct).ConfigureAwait(false);
            return value ?? throw new AriException(method, path + query, response.StatusCode, "empty response body");
        }
        catch (JsonException ex)
        {
            throw new AriException(method, path + query, response.StatusCode, "unreadable response body: " + ex.Message, ex);
        }
    }

    internal async Task SendAsync(HttpMethod method, string path, AriQuery? query, HttpContent? content, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, query, content, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
    }

    internal async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, AriQuery? query, HttpContent? content,
        HttpCompletionOption completion, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path + query, UriKind.Relative)) { Content = content };
        HttpResponseMessage response;
        var started = Stopwatch.GetTimestamp();
        try
        {
            response = await _http.SendAsync(request, completion, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            var timedOut = ex is TaskCanceledException;
            AsteriskMetrics.CommandCompleted("ari", AsteriskMetrics.AriCommand(method, path),
                timedOut ? AsteriskMetrics.Timeout : AsteriskMetrics.ConnectionFailed, Stopwatch.GetElapsedTime(started));
            var reason = timedOut ? $"timed out after {_http.Timeout}" : ex.Message;
            _logger.LogWarning("ARI {Method} {Path} failed: {Reason}", method, path, reason);
            throw new AriException(method, path + query, null, reason, ex);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        AsteriskMetrics.CommandCompleted("ari", AsteriskMetrics.AriCommand(method, path),
            response.IsSuccessStatusCode ? AsteriskMetrics.Success : AsteriskMetrics.Refused, elapsed);
        // Every command that changes something on Asterisk, at Debug: what a node did to a call, to read after a fault.
        if (method != HttpMethod.Get && _logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("ARI {Method} {Path}{Query} answered {Status} in {Milliseconds:0.0} ms", method, path, query, (int)response.StatusCode, elapsed.TotalMilliseconds);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            string? message = null;
            try
            {
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (body.Length > 0)
                {
                    try { message = JsonSerializer.Deserialize(body, AriJsonContext.Default.AriErrorBody)?.Message; }
                    catch (JsonException) { }
                    message ??= body.Length > 200 ? body[..200] : body;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException) { }
            _logger.LogDebug("ARI {Method} {Path} answered {Status}: {Message}", method, path, (int)response.StatusCode, message);
            throw new AriException(method, path + query, response.StatusCode, message);
        }
    }

    internal static HttpContent? VariablesContent(IReadOnlyDictionary<string, string>? variables) =>
        variables is null || variables.Count == 0
            ? null
            : JsonContent.Create(new AriVariablesBody(variables), AriJsonContext.Default.AriVariablesBody);

    internal static string Seg(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }
}

/// <summary>Builds a query string; null values are left out.</summary>
internal sealed class AriQuery
{
    private readonly StringBuilder _sb = new();

    public AriQuery Add(string name, string? value)
    {
        if (value is null) return this;
        _sb.Append(_sb.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public AriQuery Add(string name, int? value) => value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));
    public AriQuery Add(string name, bool? value) => value is null ? this : Add(name, value.Value ? "true" : "false");

    public override string ToString() => _sb.ToString();
}

// ================================================================ resources

/// <summary>/asterisk</summary>
public sealed class AriAsteriskResource(AriClient c)
{
    public Task<AriAsteriskInfo> GetInfoAsync(CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, "asterisk/info", null, AriJsonContext.Default.AriAsteriskInfo, null, ct);

    public Task<AriAsteriskPing> PingAsync(CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, "asterisk/ping", null, AriJsonContext.Default.AriAsteriskPing, null, ct);

    public async Task<string> GetGlobalVariableAsync(string variable, CancellationToken ct = default) =>
        (await c.SendAsync(HttpMethod.Get, "asterisk/variable", new AriQuery().Add("variable", variable), AriJsonContext.Default.AriVariable, null, ct).ConfigureAwait(false)).Value;

    public Task SetGlobalVariableAsync(string variable, string? value, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, "asterisk/variable", new AriQuery().Add("variable", variable).Add("value", value), null, ct);
}

/// <summary>/applications</summary>
public sealed class AriApplicationsResource(AriClient c)
{
    public async Task<IReadOnlyList<AriApplication>> ListAsync(CancellationToken ct = default) =>
        await c.SendAsync(HttpMethod.Get, "applications", null, AriJsonContext.Default.ListAriApplication, null, ct).ConfigureAwait(false);

    /// <summary>Gets an application (default: ours): its channels, bridges, endpoints and devices.</summary>
    public Task<AriApplication> GetAsync(string? application = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, "applications/" + AriClient.Seg(application ?? c.Options.Application), null, AriJsonContext.Default.AriApplication, null, ct);

    /// <summary>Subscribes the application to event sources: "channel:&lt;id&gt;", "bridge:&lt;id&gt;", "endpoint:PJSIP/1001", "endpoint:PJSIP", "deviceState:PJSIP/1001".</summary>
    public Task<AriApplication> SubscribeAsync(IEnumerable<string> eventSources, string? application = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, "applications/" + AriClient.Seg(application ?? c.Options.Application) + "/subscription",
            new AriQuery().Add("eventSource", string.Join(',', eventSources)), AriJsonContext.Default.AriApplication, null, ct);

    /// <summary>
    /// Sets the application's event filter: Asterisk sends only the <paramref name="allowed"/> types (none given: all),
    /// never the <paramref name="disallowed"/> ones. The filter lives as long as the application in Asterisk.
    /// </summary>
    public Task<AriApplication> SetEventFilterAsync(IEnumerable<string>? allowed, IEnumerable<string>? disallowed = null,
        string? application = null, CancellationToken ct = default)
    {
        static List<AriEventType> Types(IEnumerable<string>? names) => (names ?? []).Select(AriEventTypeName).Distinct().Select(n => new AriEventType(n)).ToList();
        var body = JsonContent.Create(new AriEventFilterBody(Types(allowed), Types(disallowed)), AriJsonContext.Default.AriEventFilterBody);
        return c.SendAsync(HttpMethod.Put, "applications/" + AriClient.Seg(application ?? c.Options.Application) + "/eventFilter",
            null, AriJsonContext.Default.AriApplication, body, ct);
    }

    /// <summary>An ARI event type name ("StasisStart"): letters and digits only, so a typo fails here, not silently in Asterisk.</summary>
    internal static string AriEventTypeName(string name) =>
        !string.IsNullOrEmpty(name) && name.All(char.IsAsciiLetterOrDigit)
            ? name
            : throw new ArgumentException($"'{name}' is not an ARI event type (letters and digits only, e.g. StasisStart).", nameof(name));

    public Task<AriApplication> UnsubscribeAsync(IEnumerable<string> eventSources, string? application = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Delete, "applications/" + AriClient.Seg(application ?? c.Options.Application) + "/subscription",
            new AriQuery().Add("eventSource", string.Join(',', eventSources)), AriJsonContext.Default.AriApplication, null, ct);
}

/// <summary>Originate parameters (POST /channels). Without Extension/Context and App, the call goes into our application.</summary>
public sealed record AriOriginateRequest
{
    /// <summary>"PJSIP/1001", "Local/5551000@from-internal", …</summary>
    public required string Endpoint { get; init; }
    /// <summary>Stasis app (default: <see cref="AriOptions.Application"/> when no Extension is given).</summary>
    public string? App { get; init; }
    /// <summary>StasisStart args, comma-separated ("agent,1795319139.18").</summary>
    public string? AppArgs { get; init; }
    public string? Extension { get; init; }
    public string? Context { get; init; }
    public long? Priority { get; init; }
    public string? Label { get; init; }
    /// <summary>"\"Name\" &lt;number&gt;".</summary>
    public string? CallerId { get; init; }
    /// <summary>Ring timeout in seconds (-1: none). Asterisk's default is 30.</summary>
    public int? Timeout { get; init; }
    public string? ChannelId { get; init; }
    public string? OtherChannelId { get; init; }
    public string? Originator { get; init; }
    public string? Formats { get; init; }
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary>/channels</summary>
public sealed class AriChannelsResource(AriClient c)
{
    private static string P(string id, string? sub = null) => "channels/" + AriClient.Seg(id) + (sub is null ? "" : "/" + sub);

    public async Task<IReadOnlyList<AriChannel>> ListAsync(CancellationToken ct = default) =>
        await c.SendAsync(HttpMethod.Get, "channels", null, AriJsonContext.Default.ListAriChannel, null, ct).ConfigureAwait(false);

    public Task<AriChannel> GetAsync(string channelId, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, P(channelId), null, AriJsonContext.Default.AriChannel, null, ct);

    /// <summary>Originates a call. Returns at once (state Down); StasisStart follows when the far end answers.</summary>
    public Task<AriChannel> OriginateAsync(AriOriginateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var app = request.App ?? (request.Extension is null ? c.Options.Application : null);
        var q = new AriQuery().Add("endpoint", request.Endpoint).Add("extension", request.Extension).Add("context", request.Context)
            .Add("priority", request.Priority?.ToString(CultureInfo.InvariantCulture)).Add("label", request.Label)
            .Add("app", app).Add("appArgs", request.AppArgs).Add("callerId", request.CallerId).Add("timeout", request.Timeout)
            .Add("channelId", request.ChannelId).Add("otherChannelId", request.OtherChannelId).Add("originator", request.Originator)
            .Add("formats", request.Formats);
        return c.SendAsync(HttpMethod.Post, "channels", q, AriJsonContext.Default.AriChannel, AriClient.VariablesContent(request.Variables), ct);
    }

    /// <summary>Creates a channel into the app without dialing it (then <see cref="DialAsync"/>).</summary>
    public Task<AriChannel> CreateAsync(string endpoint, string? appArgs = null, string? channelId = null, string? otherChannelId = null,
        string? originator = null, string? formats = null, IReadOnlyDictionary<string, string>? variables = null, string? app = null,
        CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, "channels/create", new AriQuery().Add("endpoint", endpoint).Add("app", app ?? c.Options.Application)
            .Add("appArgs", appArgs).Add("channelId", channelId).Add("otherChannelId", otherChannelId).Add("originator", originator)
            .Add("formats", formats), AriJsonContext.Default.AriChannel, AriClient.VariablesContent(variables), ct);

    /// <summary>Dials a channel made by <see cref="CreateAsync"/>.</summary>
    public Task DialAsync(string channelId, string? caller = null, int? timeoutSeconds = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "dial"), new AriQuery().Add("caller", caller).Add("timeout", timeoutSeconds), null, ct);

    public Task AnswerAsync(string channelId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Post, P(channelId, "answer"), null, null, ct);

    public Task RingAsync(string channelId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Post, P(channelId, "ring"), null, null, ct);

    public Task RingStopAsync(string channelId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, P(channelId, "ring"), null, null, ct);

    /// <summary>Hangs up. <paramref name="reason"/>: normal, busy, congestion, no_answer, timeout, rejected, unallocated, …</summary>
    public Task HangupAsync(string channelId, string? reason = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Delete, P(channelId), new AriQuery().Add("reason", reason), null, ct);

    public Task HoldAsync(string channelId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Post, P(channelId, "hold"), null, null, ct);

    public Task UnholdAsync(string channelId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, P(channelId, "hold"), null, null, ct);

    /// <summary>Mutes; <paramref name="direction"/>: both (default), in, out.</summary>
    public Task MuteAsync(string channelId, string? direction = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "mute"), new AriQuery().Add("direction", direction), null, ct);

    public Task UnmuteAsync(string channelId, string? direction = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Delete, P(channelId, "mute"), new AriQuery().Add("direction", direction), null, ct);

    public Task StartMohAsync(string channelId, string? mohClass = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "moh"), new AriQuery().Add("mohClass", mohClass), null, ct);

    public Task StopMohAsync(string channelId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, P(channelId, "moh"), null, null, ct);

    public Task SendDtmfAsync(string channelId, string dtmf, int? beforeMs = null, int? betweenMs = null, int? durationMs = null,
        int? afterMs = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "dtmf"), new AriQuery().Add("dtmf", dtmf).Add("before", beforeMs).Add("between", betweenMs)
            .Add("duration", durationMs).Add("after", afterMs), null, ct);

    /// <summary>Plays media ("sound:hello-world", "recording:x", "tone:ring", several comma-joined).</summary>
    public Task<AriPlayback> PlayAsync(string channelId, string media, string? lang = null, string? playbackId = null,
        int? offsetMs = null, int? skipMs = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "play"), new AriQuery().Add("media", media).Add("lang", lang).Add("offsetms", offsetMs)
            .Add("skipms", skipMs).Add("playbackId", playbackId), AriJsonContext.Default.AriPlayback, null, ct);

    /// <summary>Records a channel. <paramref name="ifExists"/>: fail (default), overwrite, append.</summary>
    public Task<AriLiveRecording> RecordAsync(string channelId, string name, string format = "wav", int? maxDurationSeconds = null,
        int? maxSilenceSeconds = null, string? ifExists = null, bool? beep = null, string? terminateOn = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "record"), new AriQuery().Add("name", name).Add("format", format)
            .Add("maxDurationSeconds", maxDurationSeconds).Add("maxSilenceSeconds", maxSilenceSeconds).Add("ifExists", ifExists)
            .Add("beep", beep).Add("terminateOn", terminateOn), AriJsonContext.Default.AriLiveRecording, null, ct);

    /// <summary>Snoops on a channel (supervisor listen/whisper): a new channel into the app. spy/whisper: none, both, out, in.</summary>
    public Task<AriChannel> SnoopAsync(string channelId, string? spy = null, string? whisper = null, string? appArgs = null,
        string? snoopId = null, string? app = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "snoop"), new AriQuery().Add("spy", spy).Add("whisper", whisper)
            .Add("app", app ?? c.Options.Application).Add("appArgs", appArgs).Add("snoopId", snoopId), AriJsonContext.Default.AriChannel, null, ct);

    /// <summary>Gets a channel variable (404 when the channel is gone; the value is "" when unset).</summary>
    public async Task<string> GetVariableAsync(string channelId, string variable, CancellationToken ct = default) =>
        (await c.SendAsync(HttpMethod.Get, P(channelId, "variable"), new AriQuery().Add("variable", variable),
            AriJsonContext.Default.AriVariable, null, ct).ConfigureAwait(false)).Value;

    public Task SetVariableAsync(string channelId, string variable, string? value, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "variable"), new AriQuery().Add("variable", variable).Add("value", value), null, ct);

    /// <summary>Leaves Stasis and continues in the dialplan (at the given place, or where it was).</summary>
    public Task ContinueInDialplanAsync(string channelId, string? context = null, string? extension = null, int? priority = null,
        string? label = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "continue"), new AriQuery().Add("context", context).Add("extension", extension)
            .Add("priority", priority).Add("label", label), null, ct);

    /// <summary>Redirects (blind transfer) the channel to an endpoint (e.g. "PJSIP/1002").</summary>
    public Task RedirectAsync(string channelId, string endpoint, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "redirect"), new AriQuery().Add("endpoint", endpoint), null, ct);

    /// <summary>Moves the channel to another Stasis application.</summary>
    public Task MoveAsync(string channelId, string app, string? appArgs = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(channelId, "move"), new AriQuery().Add("app", app).Add("appArgs", appArgs), null, ct);
}

/// <summary>/bridges</summary>
public sealed class AriBridgesResource(AriClient c)
{
    private static string P(string id, string? sub = null) => "bridges/" + AriClient.Seg(id) + (sub is null ? "" : "/" + sub);

    public async Task<IReadOnlyList<AriBridge>> ListAsync(CancellationToken ct = default) =>
        await c.SendAsync(HttpMethod.Get, "bridges", null, AriJsonContext.Default.ListAriBridge, null, ct).ConfigureAwait(false);

    public Task<AriBridge> GetAsync(string bridgeId, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, P(bridgeId), null, AriJsonContext.Default.AriBridge, null, ct);

    /// <summary>Creates a bridge. <paramref name="type"/>: "mixing", "holding", "dtmf_events", "proxy_media", comma-joined.</summary>
    public Task<AriBridge> CreateAsync(string type = "mixing", string? name = null, string? bridgeId = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, "bridges", new AriQuery().Add("type", type).Add("name", name).Add("bridgeId", bridgeId),
            AriJsonContext.Default.AriBridge, null, ct);

    public Task DestroyAsync(string bridgeId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, P(bridgeId), null, null, ct);

    /// <summary>Adds channels. <paramref name="role"/>: e.g. "announcer"/"participant" for holding bridges.</summary>
    public Task AddChannelAsync(string bridgeId, string channelId, string? role = null, bool? absorbDtmf = null, bool? mute = null,
        bool? inhibitConnectedLineUpdates = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(bridgeId, "addChannel"), new AriQuery().Add("channel", channelId).Add("role", role)
            .Add("absorbDTMF", absorbDtmf).Add("mute", mute).Add("inhibitConnectedLineUpdates", inhibitConnectedLineUpdates), null, ct);

    public Task RemoveChannelAsync(string bridgeId, string channelId, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(bridgeId, "removeChannel"), new AriQuery().Add("channel", channelId), null, ct);

    public Task StartMohAsync(string bridgeId, string? mohClass = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(bridgeId, "moh"), new AriQuery().Add("mohClass", mohClass), null, ct);

    public Task StopMohAsync(string bridgeId, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, P(bridgeId, "moh"), null, null, ct);

    public Task<AriPlayback> PlayAsync(string bridgeId, string media, string? lang = null, string? playbackId = null,
        int? offsetMs = null, int? skipMs = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(bridgeId, "play"), new AriQuery().Add("media", media).Add("lang", lang).Add("offsetms", offsetMs)
            .Add("skipms", skipMs).Add("playbackId", playbackId), AriJsonContext.Default.AriPlayback, null, ct);

    /// <summary>Records the bridge mix (fails with 500 when Asterisk's recording directory is missing).</summary>
    public Task<AriLiveRecording> RecordAsync(string bridgeId, string name, string format = "wav", int? maxDurationSeconds = null,
        int? maxSilenceSeconds = null, string? ifExists = null, bool? beep = null, string? terminateOn = null, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, P(bridgeId, "record"), new AriQuery().Add("name", name).Add("format", format)
            .Add("maxDurationSeconds", maxDurationSeconds).Add("maxSilenceSeconds", maxSilenceSeconds).Add("ifExists", ifExists)
            .Add("beep", beep).Add("terminateOn", terminateOn), AriJsonContext.Default.AriLiveRecording, null, ct);
}

/// <summary>/playbacks</summary>
public sealed class AriPlaybacksResource(AriClient c)
{
    public Task<AriPlayback> GetAsync(string playbackId, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, "playbacks/" + AriClient.Seg(playbackId), null, AriJsonContext.Default.AriPlayback, null, ct);

    public Task StopAsync(string playbackId, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Delete, "playbacks/" + AriClient.Seg(playbackId), null, null, ct);

    /// <summary><paramref name="operation"/>: restart, pause, unpause, reverse, forward.</summary>
    public Task ControlAsync(string playbackId, string operation, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Post, "playbacks/" + AriClient.Seg(playbackId) + "/control", new AriQuery().Add("operation", operation), null, ct);
}

/// <summary>/recordings</summary>
public sealed class AriRecordingsResource(AriClient c)
{
    private static string Stored(string name, string? sub = null) => "recordings/stored/" + AriClient.Seg(name) + (sub is null ? "" : "/" + sub);
    private static string Live(string name, string? sub = null) => "recordings/live/" + AriClient.Seg(name) + (sub is null ? "" : "/" + sub);

    public async Task<IReadOnlyList<AriStoredRecording>> ListStoredAsync(CancellationToken ct = default) =>
        await c.SendAsync(HttpMethod.Get, "recordings/stored", null, AriJsonContext.Default.ListAriStoredRecording, null, ct).ConfigureAwait(false);

    public Task<AriStoredRecording> GetStoredAsync(string name, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, Stored(name), null, AriJsonContext.Default.AriStoredRecording, null, ct);

    public Task DeleteStoredAsync(string name, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, Stored(name), null, null, ct);

    /// <summary>Streams a stored recording's file into <paramref name="destination"/>; returns its content type.</summary>
    public async Task<string?> DownloadStoredAsync(string name, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await c.SendCoreAsync(HttpMethod.Get, Stored(name, "file"), null, null, HttpCompletionOption.ResponseHeadersRead, ct)
            .ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await body.CopyToAsync(destination, ct).ConfigureAwait(false);
        return response.Content.Headers.ContentType?.MediaType;
    }

    public Task<AriLiveRecording> GetLiveAsync(string name, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, Live(name), null, AriJsonContext.Default.AriLiveRecording, null, ct);

    /// <summary>Stops and stores a live recording.</summary>
    public Task StopAsync(string name, CancellationToken ct = default) => c.SendAsync(HttpMethod.Post, Live(name, "stop"), null, null, ct);

    /// <summary>Stops and discards a live recording.</summary>
    public Task CancelAsync(string name, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, Live(name), null, null, ct);

    public Task PauseAsync(string name, CancellationToken ct = default) => c.SendAsync(HttpMethod.Post, Live(name, "pause"), null, null, ct);

    public Task UnpauseAsync(string name, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, Live(name, "pause"), null, null, ct);

    public Task MuteAsync(string name, CancellationToken ct = default) => c.SendAsync(HttpMethod.Post, Live(name, "mute"), null, null, ct);

    public Task UnmuteAsync(string name, CancellationToken ct = default) => c.SendAsync(HttpMethod.Delete, Live(name, "mute"), null, null, ct);
}

/// <summary>/endpoints</summary>
public sealed class AriEndpointsResource(AriClient c)
{
    public async Task<IReadOnlyList<AriEndpoint>> ListAsync(CancellationToken ct = default) =>
        await c.SendAsync(HttpMethod.Get, "endpoints", null, AriJsonContext.Default.ListAriEndpoint, null, ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<AriEndpoint>> ListByTechnologyAsync(string technology, CancellationToken ct = default) =>
        await c.SendAsync(HttpMethod.Get, "endpoints/" + AriClient.Seg(technology), null, AriJsonContext.Default.ListAriEndpoint, null, ct).ConfigureAwait(false);

    /// <summary>Gets one endpoint (its state: online/offline, and its channels).</summary>
    public Task<AriEndpoint> GetAsync(string technology, string resource, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, "endpoints/" + AriClient.Seg(technology) + "/" + AriClient.Seg(resource), null,
            AriJsonContext.Default.AriEndpoint, null, ct);
}

/// <summary>/deviceStates</summary>
public sealed class AriDeviceStatesResource(AriClient c)
{
    public async Task<IReadOnlyList<AriDeviceState>> ListAsync(CancellationToken ct = default) =>
        await c.SendAsync(HttpMethod.Get, "deviceStates", null, AriJsonContext.Default.ListAriDeviceState, null, ct).ConfigureAwait(false);

    /// <summary>Gets a device state ("PJSIP/1001" or a custom "Stasis:&lt;name&gt;").</summary>
    public Task<AriDeviceState> GetAsync(string deviceName, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Get, "deviceStates/" + AriClient.Seg(deviceName), null, AriJsonContext.Default.AriDeviceState, null, ct);

    /// <summary>Sets a custom device state ("Stasis:&lt;name&gt;" only).</summary>
    public Task UpdateAsync(string deviceName, string deviceState, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Put, "deviceStates/" + AriClient.Seg(deviceName), new AriQuery().Add("deviceState", deviceState), null, ct);

    public Task DeleteAsync(string deviceName, CancellationToken ct = default) =>
        c.SendAsync(HttpMethod.Delete, "deviceStates/" + AriClient.Seg(deviceName), null, null, ct);
}
