using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Application.CallCenter;

/// <summary>What the conference does when its last agent leaves and customers remain.</summary>
public enum LastAgentLeavesRule
{
    EndCall,
    Requeue,
}

/// <summary>A tenant's call-handling settings (stored with the tenant; defaults are the documented ones).</summary>
public sealed record TenantCallSettings
{
    public int RingTimeoutSeconds { get; init; } = 20;
    /// <summary>Some products let Not Ready agents take direct calls (the default), others require Ready.</summary>
    public bool DirectCallsRequireReady { get; init; }
    /// <summary>Some products ask agents to go Not Ready before dialling out; by default either state may dial.</summary>
    public bool OutboundRequiresNotReady { get; init; }
    /// <summary>Whether agents may switch auto-answer themselves (admins always can, in the agent's profile).</summary>
    public bool AgentsMayChooseAutoAnswer { get; init; }
    /// <summary>Whether an agent made Not Ready by a lost device returns to Ready when it comes back.</summary>
    public bool DeviceUnavailableAutoReturn { get; init; } = true;
    public string DefaultMusicOnHoldClass { get; init; } = "default";
    /// <summary>Prefix of the channel variables that carry attached data (e.g. CTI_ACCOUNT).</summary>
    public string AttachedDataPrefix { get; init; } = "CTI_";
    /// <summary>Up to 10 attached-data key names shown to agents, in order.</summary>
    public IReadOnlyList<string> AttachedDataKeys { get; init; } = Array.Empty<string>();
    /// <summary>Masking rule for caller numbers shown to agents: "none", or "last4" (keep the last 4 digits).</summary>
    public string NumberMaskingRule { get; init; } = "none";
    public LastAgentLeavesRule LastAgentLeaves { get; init; } = LastAgentLeavesRule.EndCall;
    public RecordingPolicy RecordingPolicy { get; init; } = RecordingPolicy.OnDemand;
    public int MaxConferenceParties { get; init; } = 30;
    /// <summary>How agents' phones are dialled: {tenant} and {extension} are replaced.</summary>
    public string EndpointPattern { get; init; } = "PJSIP/{tenant}-{extension}";
    /// <summary>How external numbers are dialled (through the trunk).</summary>
    public string TrunkPattern { get; init; } = "PJSIP/{number}@{tenant}-trunk";
    /// <summary>Self-service flows an agent can send a customer through (prompts played, digits collected, back to the agent).</summary>
    public IReadOnlyList<SelfServiceFlow> SelfServiceFlows { get; init; } = [SelfServiceFlow.Pin];
    /// <summary>
    /// Supervision: whether the monitored agent and customer are told (a beep when monitoring starts and at each change of
    /// mode; the agent also receives the monitoring events). Off by default: silent monitoring is silent.
    /// </summary>
    public bool TellMonitoredParties { get; init; }

    /// <summary>The sound file (Asterisk's name, without extension) the monitored parties hear when they are told.</summary>
    public string MonitoringNoticeSound { get; init; } = "beep";

    /// <summary>The tenant's country (ISO 3166 alpha-2, or empty): national numbers are read in it.</summary>
    public string Country { get; init; } = "";
    /// <summary>The third-party screen pop (docs/contacts.md): the URL template, when and where the toolbar opens it.</summary>
    public string ScreenPopUrlTemplate { get; init; } = "";
    public CtiBridge.Data.Entities.ScreenPopTrigger ScreenPopTrigger { get; init; } = CtiBridge.Data.Entities.ScreenPopTrigger.Offered;
    public CtiBridge.Data.Entities.ScreenPopTarget ScreenPopTarget { get; init; } = CtiBridge.Data.Entities.ScreenPopTarget.NewTab;
}

/// <summary>
/// A self-service step played to the customer through the PBX while the agent waits: a prompt (a sound file name),
/// then digits until <see cref="Terminator"/> or <see cref="MaxDigits"/> (whichever comes first), or the timeout;
/// what was typed is attached to the call under <see cref="DataKey"/> and the customer is back with the same agent.
/// The tenant's admins manage them (SelfService/SelfServiceFlowsAdmin).
/// </summary>
public sealed record SelfServiceFlow(string Name, string Prompt, int? MaxDigits, char? Terminator, string DataKey, int TimeoutSeconds = 30)
{
    /// <summary>The flow every tenant starts with: "Please enter your PIN followed by the pound key".</summary>
    public static readonly SelfServiceFlow Pin = new("pin", "conf-getpin", 12, '#', "pin");

    /// <summary>Whether the digits typed so far complete the input (the terminator is handled before).</summary>
    public bool IsComplete(string digits) => MaxDigits is { } max && digits.Length >= max;
}

/// <summary>An agent as the call center knows them.</summary>
public sealed record AgentDefinition(
    Guid Id,
    string DisplayName,
    string? AgentNumber,
    AgentSettings Settings,
    string? Email = null,
    IReadOnlyList<Guid>? TeamIds = null)
{
    /// <summary>The hashed IVR PIN remote agents type after their agent number (feature code *64).</summary>
    public string? IvrPinHash { get; init; }
    /// <summary>The user's roles (an agent may also be a supervisor or an admin: that widens which contacts she sees).</summary>
    public UserRoles Roles { get; init; } = UserRoles.Agent;
    /// <summary>The user's sign-in name.</summary>
    public string Username { get; init; } = "";
}

public sealed record SkillGroupMember(Guid AgentId, int Priority);

/// <summary>A skill group (queue) and its rules.</summary>
public sealed record SkillGroupDefinition(Guid Id, string Name, IReadOnlyList<SkillGroupMember> Members)
{
    /// <summary>Dialled number or short name used by the dialplan (<c>Stasis(ctibridge,queue,tenant,&lt;this&gt;)</c>).</summary>
    public string? Number { get; init; }
    public NoAgentRule NoAgentRule { get; init; } = NoAgentRule.KeepWaiting;
    public string? FallbackDestination { get; init; }
    public int? MaxWaitSeconds { get; init; }
    public Guid? OverflowGroupId { get; init; }
    public string? OverflowDestination { get; init; }
    /// <summary>Announce position and estimated wait every N seconds (null: never).</summary>
    public int? AnnounceEverySeconds { get; init; }
    /// <summary>Opening hours; null means always open.</summary>
    public BusinessHours? Hours { get; init; }
    public string? ClosedDestination { get; init; }
    /// <summary>The service-level threshold: a call answered within this many seconds of waiting counts as in service level.</summary>
    public int ServiceLevelSeconds { get; init; } = 20;
}

/// <summary>Weekly opening hours in a time zone, with holidays (closed all day).</summary>
public sealed record BusinessHours(
    string TimeZoneId,
    IReadOnlyDictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)> Week,
    IReadOnlyCollection<DateOnly> Holidays)
{
    public bool IsOpen(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (Holidays.Contains(DateOnly.FromDateTime(local.DateTime))) return false;
        if (!Week.TryGetValue(local.DayOfWeek, out var span)) return false;
        var t = TimeOnly.FromDateTime(local.DateTime);
        return t >= span.Open && t < span.Close;
    }
}

public sealed record PauseReasonDefinition(string Code, string Name);

/// <summary>Everything the call center needs of one tenant, loaded from the database at start-up and on change.</summary>
public sealed record TenantConfiguration(
    Guid TenantId,
    string Domain,
    TenantCallSettings Settings,
    IReadOnlyList<AgentDefinition> Agents,
    IReadOnlyList<SkillGroupDefinition> Groups,
    IReadOnlyList<PauseReasonDefinition> PauseReasons,
    IReadOnlyCollection<string> BlockedNumbers)
{
    /// <summary>Numbers the tenant blocks for outbound calls (blocklist entries Outbound or Both): never dialled.</summary>
    public OutboundBlocklist OutboundBlocked { get; init; } = OutboundBlocklist.None;

    /// <summary>The Asterisk server the tenant is placed on (<see cref="Pbx.PbxServers"/>); null = the default one.</summary>
    public string? AsteriskServer { get; init; }
}

/// <summary>
/// The numbers a tenant never dials, as written and in their dialable form; a number asked for is looked up as given and
/// in its dialable form too (a national number against an international entry), with the normaliser the loader passes.
/// </summary>
public sealed class OutboundBlocklist(IReadOnlySet<string> numbers, Func<string, string?> dialable)
{
    public static readonly OutboundBlocklist None = new(new HashSet<string>(), _ => null);

    public bool Blocks(string number) => numbers.Count > 0 && (numbers.Contains(number) || (dialable(number) is { } d && numbers.Contains(d)));
}
