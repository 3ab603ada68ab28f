using CtiBridge.Domain.Tenants;

namespace CtiBridge.Data.Entities;

/// <summary>
/// A customer organisation, identified at login by its <see cref="Domain"/> (lower-case, unique).
/// A tenant "owns" itself: <see cref="TenantId"/> always equals <see cref="Id"/>, so the same
/// tenant filter applies to it as to every other row.
/// </summary>
public class Tenant : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Same as <see cref="Id"/>; kept so the tenant row is filtered like any other.</summary>
    public Guid TenantId { get => Id; set => Id = value; }

    /// <summary>The name an agent types at login, lower-case (e.g. <c>demo</c>).</summary>
    public string Domain { get; set; } = "";
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public TenantSettings Settings { get; set; } = new();

    /// <summary>
    /// The Asterisk server the tenant runs on (a name under <c>Asterisk:Servers</c>); null = the default server. Set by
    /// platform admins; a change takes effect when the tenant is next loaded (docs/architecture.md, "Several Asterisk servers").
    /// </summary>
    public string? AsteriskServer { get; set; }
}

/// <summary>Per-tenant behaviour switches (a complex type stored in the tenant's row).</summary>
public class TenantSettings
{
    public bool NotificationsEnabled { get; set; } = true;

    /// <summary>
    /// How customer numbers are masked for users without the right to see them: <c>keep-last:N</c>
    /// keeps the last N characters (e.g. <c>keep-last:4</c> → <c>*******1234</c>), <c>keep-first:N</c> the first N
    /// (<c>keep-first:3</c> → <c>+49********</c>); empty or <c>none</c> = no masking. N is 0–20.
    /// </summary>
    public string NumberMaskingRule { get; set; } = "";

    /// <summary>Up to 10 attached-data key names shown in the toolbar, in display order.</summary>
    public List<string> AttachedDataKeys { get; set; } = new();

    public string DefaultMusicOnHoldClass { get; set; } = "default";
    public RecordingPolicy RecordingPolicy { get; set; } = RecordingPolicy.OnDemand;

    /// <summary>When true, direct (non-queue) calls to an agent are only offered when the agent is Ready.</summary>
    public bool DirectCallsRequireReady { get; set; }

    /// <summary>When true, agents go Not Ready before dialling out (a Ready agent's dial is refused).</summary>
    public bool OutboundRequiresNotReady { get; set; }

    /// <summary>When true, an agent put NotReady("Device unavailable") returns to Ready when the device registers again.</summary>
    public bool DeviceUnavailableAutoReturn { get; set; } = true;

    public NoAgentRule NoAgentRule { get; set; } = NoAgentRule.KeepWaiting;

    /// <summary>When true, agents may switch auto-answer on and off themselves (admins set it in the agent's profile anyway).</summary>
    public bool AgentsMayChooseAutoAnswer { get; set; }

    /// <summary>Supervision: the monitored agent and customer are told (a beep) when a supervisor monitors, whispers, barges or takes over.</summary>
    public bool TellMonitoredParties { get; set; }

    /// <summary>The sound they hear then: a sound file name Asterisk has (default <c>beep</c>; an announcement such as a recorded "this call may be monitored" works too).</summary>
    public string MonitoringNoticeSound { get; set; } = "beep";

    /// <summary>Wrap-up length for agents whose profile does not set one.</summary>
    public int WrapUpDefaultSeconds { get; set; } = 30;

    /// <summary>
    /// ISO 3166 alpha-2 country (e.g. <c>DE</c>) used to read numbers written without a country code into E.164
    /// (contacts, screen pop); empty = only numbers written with <c>+</c> and a country code are understood.
    /// </summary>
    public string Country { get; set; } = "";

    /// <summary>Third-party screen pop: an http(s) URL template with <c>{number}</c>, <c>{callId}</c>, <c>{agent}</c>, <c>{data.KEY}</c> (docs/contacts.md); empty = off.</summary>
    public string ScreenPopUrlTemplate { get; set; } = "";

    /// <summary>When the third-party page opens.</summary>
    public ScreenPopTrigger ScreenPopTrigger { get; set; } = ScreenPopTrigger.Offered;

    /// <summary>Where the third-party page opens.</summary>
    public ScreenPopTarget ScreenPopTarget { get; set; } = ScreenPopTarget.NewTab;

    /// <summary>Recordings and call records older than this many days are purged daily (0 = kept forever); legal holds are kept.</summary>
    public int RecordingRetentionDays { get; set; }

    /// <summary>Passwords must also contain a letter, a digit and a symbol (the rule of older call-center manuals).</summary>
    public bool RequirePasswordCharacterClasses { get; set; }

    /// <summary>The tenant's IANA time zone (e.g. <c>Europe/Berlin</c>): times are stored in UTC and shown in this zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long a due callback's reminder waits for the agent to act before it is escalated (seconds).</summary>
    public int CallbackReminderTimeoutSeconds { get; set; } = 300;

    /// <summary>What happens to a callback whose agent is offline or did not act on the reminder in time.</summary>
    public CallbackEscalation CallbackEscalation { get; set; } = CallbackEscalation.NotifySupervisor;
}

/// <summary>Where a callback goes when its agent is offline at the due time or does not act on the reminder in time.</summary>
public enum CallbackEscalation
{
    /// <summary>The supervisors of the callback's team are told (they may reassign it).</summary>
    NotifySupervisor,
    /// <summary>It is offered to the logged-in agents of its skill group (the supervisors are told when it has none, or nobody is there).</summary>
    OfferToGroup,
}

/// <summary>When a third-party screen pop opens.</summary>
public enum ScreenPopTrigger
{
    /// <summary>When the call is offered, before answering.</summary>
    Offered,
    /// <summary>When the agent answers.</summary>
    Answered,
}

/// <summary>Where a third-party screen pop opens.</summary>
public enum ScreenPopTarget
{
    /// <summary>A new browser tab.</summary>
    NewTab,
    /// <summary>A panel embedded in the agent's page (the third party must allow framing).</summary>
    Panel,
}
