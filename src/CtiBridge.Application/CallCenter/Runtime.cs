using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Application.CallCenter;

/// <summary>An agent with what only the running call center knows about them.</summary>
internal sealed class AgentRuntime(Agent agent, AgentDefinition definition)
{
    public Agent Agent { get; } = agent;
    public AgentDefinition Definition { get; set; } = definition;
    public ITimer? WrapUpTimer { get; set; }
    /// <summary>For a remote agent: the number that reaches them for this login (the phone they called from or their mobile).</summary>
    public string? ReachNumber { get; set; }
    /// <summary>The endpoint of the hot-desk phone chosen at login, overriding the profile's extension.</summary>
    public string? HotDeskEndpoint { get; set; }
    public List<GroupRuntime> Groups { get; } = new();
    /// <summary>Revision of the agent's view: raised each time a change of it is published.</summary>
    public long Revision { get; set; }
    /// <summary>
    /// Whether a toolbar of the agent is connected: null while none was ever seen (an agent driven through the API
    /// only), false while the last one is gone (a reload, a closed browser). A softphone leg lost while it is false is a
    /// reload, not a hang-up.
    /// </summary>
    public bool? ToolbarConnected { get; set; }
}

/// <summary>A skill group and its waiting list (arrival order, reorderable by supervisors).</summary>
internal sealed class GroupRuntime(SkillGroupDefinition definition)
{
    public SkillGroupDefinition Definition { get; set; } = definition;
    public List<CallRuntime> Waiting { get; } = new();
    public Dictionary<Guid, int> Priority { get; } = new();
    /// <summary>Recent waits of answered calls, for the estimated-wait announcement.</summary>
    public Queue<double> RecentWaits { get; } = new();
    /// <summary>The day's report figures, computed from the stored call records outside the engine (supervision's dashboard).</summary>
    public Events.GroupToday? Today { get; set; }
}

/// <summary>What a leg we dialled is for.</summary>
internal enum LegPurpose
{
    Customer,
    /// <summary>An agent being offered a (queue, direct or transferred) call.</summary>
    AgentOffer,
    /// <summary>The agent's own phone, rung first for click-to-dial.</summary>
    AgentDialer,
    /// <summary>An outbound customer leg.</summary>
    OutboundCustomer,
    /// <summary>Consult target (agent or number).</summary>
    Consult,
    /// <summary>Conference guest or blind-transfer number.</summary>
    Guest,
    /// <summary>A web agent's softphone called back into her call after her page reloaded.</summary>
    SoftphoneReturn,
}

/// <summary>
/// A web agent's softphone leg was lost while she stays on the call (a page reload): the customer stays in the call's
/// bridge (with music when nobody else talks to them) until the softphone is called back in, or the wait ends.
/// </summary>
internal sealed class SoftphoneReturn(Guid agentId, bool confirmed)
{
    public Guid AgentId { get; } = agentId;
    /// <summary>
    /// True once the loss is known to be a reload (her toolbar is gone, or she asked for the call back); false while
    /// CtiBridge waits briefly to see whether her toolbar goes too (else the lost leg was her hang-up).
    /// </summary>
    public bool Confirmed { get; set; } = confirmed;
    /// <summary>The leg ringing her softphone back into the call, if dialled.</summary>
    public string? DialledLegId { get; set; }
    public ITimer? Timer { get; set; }
}

internal sealed class LegInfo(string legId, LegPurpose purpose, Guid? agentId)
{
    public string LegId { get; } = legId;
    public LegPurpose Purpose { get; } = purpose;
    public Guid? AgentId { get; } = agentId;
}

/// <summary>A live call with its timers and its own ordered PBX command queue.</summary>
internal sealed class CallRuntime(Call call)
{
    public Call Call { get; } = call;
    /// <summary>The call lane: answer, bridge, music, joins, recording, end.</summary>
    public SerialQueue Pbx { get; } = new();
    /// <summary>The dialling lane: originating and hanging up legs, never waiting for the call lane.</summary>
    public SerialQueue Dialling { get; } = new();
    public Dictionary<string, LegInfo> Legs { get; } = new();
    /// <summary>The agent leg currently ringing for this call, if any.</summary>
    public string? OfferLegId { get; set; }
    public Guid? OfferAgentId { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }
    public ITimer? RingTimer { get; set; }
    public ITimer? MaxWaitTimer { get; set; }
    public ITimer? AnnounceTimer { get; set; }
    public GroupRuntime? WaitingIn { get; set; }
    /// <summary>Agent who started the consultation, while one runs.</summary>
    public Guid? ConsultBy { get; set; }
    public string? ConsultLegId { get; set; }
    /// <summary>Agent who blind-transferred the call to an agent, so an unanswered transfer can come back.</summary>
    public Guid? TransferredBy { get; set; }
    /// <summary>
    /// The agent who last handed the call on (blind transfer or completed consultation), shown to whoever takes it
    /// next with her notes; kept after the transfer is answered, unlike <see cref="TransferredBy"/>.
    /// </summary>
    public Guid? HandedOverBy { get; set; }
    /// <summary>Set once more than two parties were ever connected: the last-agent-leaves rule applies.</summary>
    public bool IsConference { get; set; }
    public bool MusicPlaying { get; set; }
    /// <summary>What the call's provisional record last said (<see cref="TenantCallCenter"/>'s JournalProgress); null: none yet.</summary>
    public int? JournaledShape { get; set; }
    /// <summary>The self-service flow the customer is in, with the digits typed so far.</summary>
    public SelfServiceFlow? SelfService { get; set; }
    public string SelfServiceDigits { get; set; } = "";
    public ITimer? SelfServiceTimer { get; set; }
    public int RecordingSequence { get; set; }
    /// <summary>
    /// Set for a call taken back after a restart: part of its recordings' names, so they never reuse (and overwrite) the
    /// name of one the previous process made.
    /// </summary>
    public string? RecordingTag { get; set; }
    public bool RecordingPaused { get; set; }
    /// <summary>The call's recordings so far (kept on the caller's leg for a restart, <see cref="TenantCallCenter.LegVariables.Recordings"/>).</summary>
    public List<global::CtiBridge.Application.Pbx.ResumedRecording> Recordings { get; } = new();

    /// <summary>Set while a web agent's softphone is being brought back into this call (see <see cref="CallCenter.SoftphoneReturn"/>).</summary>
    public SoftphoneReturn? SoftphoneReturn { get; set; }

    public void CancelTimers()
    {
        SoftphoneReturn?.Timer?.Dispose();
        RingTimer?.Dispose(); RingTimer = null;
        MaxWaitTimer?.Dispose(); MaxWaitTimer = null;
        AnnounceTimer?.Dispose(); AnnounceTimer = null;
        SelfServiceTimer?.Dispose(); SelfServiceTimer = null;
    }
}
