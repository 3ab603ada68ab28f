using CtiBridge.Asterisk.Connection;

namespace CtiBridge.Asterisk.Ari;

/// <summary>ARI settings, bound from configuration section "Asterisk:Ari".</summary>
public sealed class AriOptions
{
    public const string SectionName = "Asterisk:Ari";

    /// <summary>Asterisk's HTTP server, e.g. "http://127.0.0.1:8088" (the "/ari" path is added).</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:8088";
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>The Stasis application name (dialplan: <c>Stasis(ctibridge,…)</c>).</summary>
    public string Application { get; set; } = "ctibridge";

    /// <summary>Subscribe the WebSocket to all event sources (<c>subscribeAll=true</c>): device states, endpoints, every channel.</summary>
    public bool SubscribeAll { get; set; }

    /// <summary>
    /// The event types Asterisk sends to the application (ARI's event filter, <c>PUT /applications/{app}/eventFilter</c>,
    /// set after every (re)connect); null or empty: every type. The Asterisk adapter adds the types it handles, so a
    /// configured list only adds to them. Without a filter a queue call brings ~60 events (ChannelVarset alone ~45:
    /// BRIDGEPEER, RTPAUDIOQOS…) that Asterisk writes and CtiBridge reads for nothing.
    /// </summary>
    public IList<string>? AllowedEvents { get; set; }

    /// <summary>Per-request timeout of REST calls.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>WebSocket connect timeout per attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest accepted event message.</summary>
    public int MaxEventBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Bounded queue size per subscriber lane (see <see cref="EventSubscriptionOptions"/>).</summary>
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>Handler lanes per subscription: channels are handled in parallel across lanes, each channel in order.</summary>
    public int EventHandlerLanes { get; set; } = 8;

    public ReconnectOptions Reconnect { get; set; } = new();

    internal Uri RestBase()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"Asterisk:Ari:BaseUrl '{BaseUrl}' is not an http(s) URL.");
        var s = u.ToString().TrimEnd('/');
        if (!s.EndsWith("/ari", StringComparison.OrdinalIgnoreCase)) s += "/ari";
        return new Uri(s + "/");
    }

    internal Uri EventsUri()
    {
        var b = new UriBuilder(RestBase()) { Scheme = RestBase().Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        b.Path = b.Path.TrimEnd('/') + "/events";
        b.Query = "app=" + Uri.EscapeDataString(Application) + "&subscribeAll=" + (SubscribeAll ? "true" : "false");
        return b.Uri;
    }

    internal string BasicAuth() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Username + ":" + Password));
}
