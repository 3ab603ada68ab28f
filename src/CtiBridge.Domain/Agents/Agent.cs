using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Domain.Agents;

/// <summary>The per-agent settings the state machine and the router read.</summary>
public sealed record AgentSettings(
    string Extension,
    ExtensionKind ExtensionKind,
    AcwMode AcwMode = AcwMode.AfterAnswered,
    int WrapUpSeconds = 30,
    WorkingMode WorkingMode = WorkingMode.Both,
    bool AutoAnswer = false,
    string? MobileNumber = null);

/// <summary>
/// One agent's authoritative state. Every method is one trigger of the state machine in
/// docs/agent-states.md: it either returns the change it made (null when nothing changed) or
/// throws a <see cref="CtiException"/> with a stable code. No I/O, no clocks: time is passed in.
/// </summary>
public sealed class Agent
{
    /// <summary>The longest wrap-up an agent can extend to, so a forgotten "extend" cannot park them for a day.</summary>
    public static readonly TimeSpan MaxWrapUp = TimeSpan.FromHours(1);

    private readonly HashSet<Guid> _pausedGroups = new();
    private (AgentStatus Status, string? Reason) _resume = (AgentStatus.Ready, null);

    public Agent(Guid tenantId, Guid id, string displayName, AgentSettings settings)
    {
        TenantId = tenantId;
        Id = id;
        DisplayName = displayName;
        Settings = settings;
    }

    public Guid TenantId { get; }
    public Guid Id { get; }
    public string DisplayName { get; set; }
    public AgentSettings Settings { get; set; }

    public AgentStatus Status { get; private set; } = AgentStatus.LoggedOut;
    /// <summary>The Not Ready reason (only in Not Ready).</summary>
    public string? Reason { get; private set; }
    public DateTimeOffset StateSince { get; private set; }
    /// <summary>When the agent last became free for queue calls; the router favours the oldest.</summary>
    public DateTimeOffset IdleSince { get; private set; }
    public PendingState Pending { get; private set; } = PendingState.None;
    /// <summary>The call being offered to, or worked by, the agent.</summary>
    public Guid? CallId { get; private set; }
    /// <summary>Whether the offered or connected call came from a queue (wrap-up applies only then).</summary>
    public bool CallIsFromQueue { get; private set; }
    public DateTimeOffset? WrapUpEndsAt { get; private set; }
    /// <summary>The working mode the agent chose, used when their profile says SelfSelect.</summary>
    public WorkingMode ChosenMode { get; private set; } = WorkingMode.Both;
    /// <summary>False while the agent's softphone/toolbar is gone.</summary>
    public bool DeviceAvailable { get; private set; } = true;
    /// <summary>True while the agent's phone is busy with a call CtiBridge does not manage.</summary>
    public bool DeviceBusyOutside { get; set; }
    /// <summary>When the agent logged in (null while logged out).</summary>
    public DateTimeOffset? LoggedInAt { get; private set; }

    public IReadOnlyCollection<Guid> PausedGroups => _pausedGroups;

    public WorkingMode EffectiveMode =>
        Settings.WorkingMode == WorkingMode.SelfSelect ? ChosenMode : Settings.WorkingMode;

    public bool TakesInbound => EffectiveMode is WorkingMode.Inbound or WorkingMode.Both;
    public bool TakesOutbound => EffectiveMode is WorkingMode.Outbound or WorkingMode.Both;

    /// <summary>Whether the router may offer this agent a call of <paramref name="groupId"/> now.</summary>
    public bool IsAvailableForQueue(Guid groupId) =>
        Status == AgentStatus.Ready && DeviceAvailable && !DeviceBusyOutside && TakesInbound
        && !_pausedGroups.Contains(groupId);

    // ---- login, Ready, Not Ready, logout ----

    public AgentStateChange Login(DateTimeOffset now, bool ready, string? reason = null)
    {
        if (Status != AgentStatus.LoggedOut)
            throw new CtiException(ErrorCodes.AgentAlreadyLoggedIn, "The agent is already logged in.");
        LoggedInAt = now;
        _pausedGroups.Clear();
        Pending = PendingState.None;
        DeviceAvailable = true;
        return ready
            ? Move(now, AgentStatus.Ready, null, AgentTrigger.Login, idle: true)
            : Move(now, AgentStatus.NotReady, reason ?? SystemReasons.LoggedIn, AgentTrigger.Login);
    }

    /// <summary>
    /// Logs the agent in again after CtiBridge restarted, from the session it kept (docs/architecture.md): Ready, or Not
    /// Ready with <paramref name="reason"/>. Published as a login. The login time and the idle time (the router's
    /// fairness) go on from the session's, and so does the time in the state when <paramref name="stateSince"/> is given
    /// (the agent is back in the state they were in); instants later than <paramref name="now"/> count as now.
    /// </summary>
    public AgentStateChange Resume(DateTimeOffset now, bool ready, string? reason, DateTimeOffset loggedInAt,
        DateTimeOffset? idleSince, DateTimeOffset? stateSince = null)
    {
        var change = Login(now, ready, reason);
        LoggedInAt = Earliest(loggedInAt, now);
        if (idleSince is { } idle) IdleSince = Earliest(idle, now);
        if (stateSince is { } since) StateSince = Earliest(since, now);
        return change;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public AgentStateChange? RequestReady(DateTimeOffset now)
    {
        switch (Status)
        {
            case AgentStatus.LoggedOut: throw NotLoggedIn();
            case AgentStatus.Ready: return null;
            case AgentStatus.NotReady:
                return Move(now, AgentStatus.Ready, null, AgentTrigger.Ready, idle: true);
            case AgentStatus.WrapUp:
                Pending = PendingState.None;
                return Move(now, AgentStatus.Ready, null, AgentTrigger.Ready, idle: true);
            default:
                // On a call: Ready is what the agent returns to afterwards; any pending request is dropped.
                _resume = (AgentStatus.Ready, null);
                return SetPending(now, PendingState.None, AgentTrigger.Ready);
        }
    }

    public AgentStateChange? RequestNotReady(DateTimeOffset now, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new CtiException(ErrorCodes.UnknownPauseReason, "A Not Ready reason is required.", ErrorKind.Validation);
        switch (Status)
        {
            case AgentStatus.LoggedOut: throw NotLoggedIn();
            case AgentStatus.Ready:
                return Move(now, AgentStatus.NotReady, reason, AgentTrigger.NotReady);
            case AgentStatus.NotReady:
                return reason == Reason ? null : Move(now, AgentStatus.NotReady, reason, AgentTrigger.NotReady);
            default:
                // Ringing, on a call or in wrap-up: accepted as Pending Not Ready.
                return SetPending(now, new PendingState(PendingKind.NotReady, reason), AgentTrigger.NotReady);
        }
    }

    public AgentStateChange? RequestLogout(DateTimeOffset now)
    {
        switch (Status)
        {
            case AgentStatus.LoggedOut: return null;
            case AgentStatus.Ringing or AgentStatus.OnCall:
                return SetPending(now, new PendingState(PendingKind.Logout), AgentTrigger.Logout);
            default:
                return LogOutNow(now, AgentTrigger.Logout);
        }
    }

    /// <summary>Pauses or unpauses one skill group while the agent stays in their one state.</summary>
    public bool SetGroupPaused(Guid groupId, bool paused)
    {
        if (Status == AgentStatus.LoggedOut) throw NotLoggedIn();
        return paused ? _pausedGroups.Add(groupId) : _pausedGroups.Remove(groupId);
    }

    /// <summary>Chooses the working mode (only when the profile lets the agent choose).</summary>
    public void ChooseWorkingMode(WorkingMode mode)
    {
        if (Settings.WorkingMode != WorkingMode.SelfSelect)
            throw new CtiException(ErrorCodes.InvalidStateTransition,
                "This agent's working mode is set by their profile.");
        if (mode == WorkingMode.SelfSelect)
            throw new CtiException(ErrorCodes.ValidationFailed, "Choose Inbound, Outbound or Both.", ErrorKind.Validation);
        ChosenMode = mode;
    }

    // ---- offers ----

    public AgentStateChange Offer(DateTimeOffset now, Guid callId, bool fromQueue)
    {
        switch (Status)
        {
            case AgentStatus.LoggedOut: throw NotLoggedIn();
            case AgentStatus.Ready: break;
            case AgentStatus.NotReady when !fromQueue: break;
            case AgentStatus.NotReady:
                throw new CtiException(ErrorCodes.AgentNotReady, "Queue calls go only to Ready agents.");
            default:
                throw new CtiException(ErrorCodes.AgentBusy, "The agent is busy with another call or wrap-up.");
        }
        if (fromQueue && !TakesInbound)
            throw new CtiException(ErrorCodes.WorkingModeForbidsCall, "The agent works outbound calls only.");
        _resume = (Status, Reason);
        CallId = callId;
        CallIsFromQueue = fromQueue;
        return Move(now, AgentStatus.Ringing, null, fromQueue ? AgentTrigger.OfferQueueCall : AgentTrigger.OfferDirectCall);
    }

    public AgentStateChange Answer(DateTimeOffset now)
    {
        if (Status != AgentStatus.Ringing)
            throw new CtiException(ErrorCodes.CallNotRinging, "No call is ringing for this agent.");
        return Move(now, AgentStatus.OnCall, null, AgentTrigger.Answer);
    }

    /// <summary>The agent declined, or the ring countdown ended: the offer is missed.</summary>
    /// <summary>
    /// The offer ended unanswered: declined, rung out, or — <paramref name="phoneUnreachable"/> — the PBX could not ring
    /// the agent's phone at all (not registered, "Allocation failed"). That last is her device, not her attention: she
    /// goes Not Ready (Device unavailable), never into wrap-up, and comes back as when her device returns.
    /// </summary>
    public AgentStateChange Missed(DateTimeOffset now, AgentTrigger trigger = AgentTrigger.RingTimeout, bool phoneUnreachable = false)
    {
        if (trigger is not (AgentTrigger.Decline or AgentTrigger.RingTimeout))
            throw new ArgumentOutOfRangeException(nameof(trigger));
        if (Status != AgentStatus.Ringing)
            throw new CtiException(ErrorCodes.CallNotRinging, "No call is ringing for this agent.");
        if (phoneUnreachable && trigger == AgentTrigger.RingTimeout)
        {
            _resume = (AgentStatus.NotReady, SystemReasons.DeviceUnavailable);
            return Settle(now, trigger, keepIdle: true);
        }
        if (CallIsFromQueue && Settings.AcwMode == AcwMode.AfterRing)
            return StartWrapUp(now, trigger);
        if (!CallIsFromQueue)
            return Settle(now, trigger);
        // A missed or declined queue call: the agent is taken out of routing until they say Ready again,
        // unless they had already asked for something else. The reason tells a deliberate decline from a ring-out.
        _resume = (AgentStatus.NotReady, trigger == AgentTrigger.Decline ? SystemReasons.Declined : SystemReasons.Missed);
        return Settle(now, trigger, keepIdle: true);
    }

    /// <summary>The call stopped ringing without a decision by the agent (caller hung up, call re-routed).</summary>
    public AgentStateChange OfferWithdrawn(DateTimeOffset now)
    {
        if (Status != AgentStatus.Ringing)
            throw new CtiException(ErrorCodes.CallNotRinging, "No call is ringing for this agent.");
        if (CallIsFromQueue && Settings.AcwMode == AcwMode.AfterRing)
            return StartWrapUp(now, AgentTrigger.OfferWithdrawn);
        return Settle(now, AgentTrigger.OfferWithdrawn, keepIdle: true);
    }

    // ---- calls ----

    public AgentStateChange DialOut(DateTimeOffset now, Guid callId, bool requireNotReady = false)
    {
        switch (Status)
        {
            case AgentStatus.LoggedOut: throw NotLoggedIn();
            case AgentStatus.Ready when requireNotReady:
                throw new CtiException(ErrorCodes.InvalidStateTransition,
                    "This tenant asks agents to go Not Ready before dialling out.");
            case AgentStatus.Ready or AgentStatus.NotReady: break;
            case AgentStatus.WrapUp:
                throw new CtiException(ErrorCodes.AgentBusy, "End wrap-up before dialling out.");
            default:
                throw new CtiException(ErrorCodes.AgentBusy, "The agent is already on a call.");
        }
        if (!TakesOutbound)
            throw new CtiException(ErrorCodes.WorkingModeForbidsCall, "The agent works inbound calls only.");
        _resume = (Status, Reason);
        CallId = callId;
        CallIsFromQueue = false;
        return Move(now, AgentStatus.OnCall, null, AgentTrigger.DialOut);
    }

    /// <summary>
    /// The agent's part of the call ended. <paramref name="wrapUpEligible"/> is true only for an
    /// inbound queue call the agent answered, whether she kept it to the end or transferred it (not outbound or
    /// direct calls, nor a call she only consulted on or joined).
    /// </summary>
    public AgentStateChange CallEnded(DateTimeOffset now, bool wrapUpEligible)
    {
        if (Status != AgentStatus.OnCall)
            throw new CtiException(ErrorCodes.CallNotConnected, "The agent is not on a call.");
        if (wrapUpEligible && Settings.AcwMode != AcwMode.Disabled && Settings.WrapUpSeconds > 0)
            return StartWrapUp(now, AgentTrigger.CallEnded);
        return Settle(now, AgentTrigger.CallEnded);
    }

    /// <summary>A call handed to the agent while connected (consult completed, transfer received).</summary>
    public void TakeOverCall(Guid callId, bool fromQueue)
    {
        if (Status != AgentStatus.OnCall) throw new CtiException(ErrorCodes.CallNotConnected, "The agent is not on a call.");
        CallId = callId;
        CallIsFromQueue = fromQueue;
    }

    /// <summary>
    /// After CtiBridge restarted, puts the agent back on the call they were connected to when it stopped (the PBX kept it
    /// going): from Ready, or from Not Ready — the state a restored session of an agent on a call comes back in
    /// (<see cref="SystemReasons.Restarted"/>). Another Not Ready reason is kept as a pending Not Ready, applied when the
    /// call and its wrap-up end. Afterwards the agent goes where the call leads: wrap-up after a queue call, then Ready.
    /// With <paramref name="ringing"/> the call still rings on the agent's phone (the offer goes on): the agent is
    /// Ringing, and an answer, a decline or the ring countdown follow as for any offer.
    /// </summary>
    public AgentStateChange TakeBackCall(DateTimeOffset now, Guid callId, bool fromQueue, bool ringing = false)
    {
        switch (Status)
        {
            case AgentStatus.LoggedOut: throw NotLoggedIn();
            case AgentStatus.Ready or AgentStatus.NotReady: break;
            default: throw new CtiException(ErrorCodes.AgentBusy, "The agent is busy with another call or wrap-up.");
        }
        if (Status == AgentStatus.NotReady && Reason != SystemReasons.Restarted && !Pending.IsSet)
            Pending = new PendingState(PendingKind.NotReady, Reason);
        _resume = (AgentStatus.Ready, null);
        CallId = callId;
        CallIsFromQueue = fromQueue;
        return Move(now, ringing ? AgentStatus.Ringing : AgentStatus.OnCall, null, AgentTrigger.CallTakenBack);
    }

    // ---- wrap-up ----

    public AgentStateChange WrapUpExpired(DateTimeOffset now)
    {
        if (Status != AgentStatus.WrapUp) throw NotInWrapUp();
        return Settle(now, AgentTrigger.WrapUpExpired);
    }

    public AgentStateChange EndWrapUp(DateTimeOffset now)
    {
        if (Status != AgentStatus.WrapUp) throw NotInWrapUp();
        return Settle(now, AgentTrigger.EndWrapUp);
    }

    public AgentStateChange ExtendWrapUp(DateTimeOffset now, TimeSpan by)
    {
        if (Status != AgentStatus.WrapUp) throw NotInWrapUp();
        if (by <= TimeSpan.Zero)
            throw new CtiException(ErrorCodes.ValidationFailed, "Extend by a positive number of seconds.", ErrorKind.Validation);
        var end = WrapUpEndsAt!.Value + by;
        if (end - StateSince > MaxWrapUp) end = StateSince + MaxWrapUp;
        WrapUpEndsAt = end;
        return Record(now, AgentStatus.WrapUp, AgentStatus.WrapUp, AgentTrigger.ExtendWrapUp);
    }

    // ---- device ----

    public AgentStateChange? DeviceLost(DateTimeOffset now)
    {
        if (Status == AgentStatus.LoggedOut) return null;
        DeviceAvailable = false;
        return Status == AgentStatus.Ready
            ? Move(now, AgentStatus.NotReady, SystemReasons.DeviceUnavailable, AgentTrigger.DeviceLost)
            : null;
    }

    public AgentStateChange? DeviceRestored(DateTimeOffset now, bool returnToReady)
    {
        if (Status == AgentStatus.LoggedOut) return null;
        DeviceAvailable = true;
        return Status == AgentStatus.NotReady && Reason == SystemReasons.DeviceUnavailable && returnToReady
            ? Move(now, AgentStatus.Ready, null, AgentTrigger.DeviceRestored, idle: true)
            : null;
    }

    // ---- internals ----

    private AgentStateChange StartWrapUp(DateTimeOffset now, AgentTrigger trigger)
    {
        _resume = (AgentStatus.Ready, null);
        var change = Move(now, AgentStatus.WrapUp, null, trigger, keepCall: true);
        WrapUpEndsAt = now + TimeSpan.FromSeconds(Math.Max(0, Settings.WrapUpSeconds));
        return change;
    }

    /// <summary>Where an agent goes when a call or wrap-up is over: the pending request, else where they were.</summary>
    private AgentStateChange Settle(DateTimeOffset now, AgentTrigger trigger, bool keepIdle = false)
    {
        var pending = Pending;
        Pending = PendingState.None;
        if (pending.Kind == PendingKind.Logout) return LogOutNow(now, trigger);
        if (pending.Kind == PendingKind.NotReady) return Move(now, AgentStatus.NotReady, pending.Reason, trigger);
        if (!DeviceAvailable && _resume.Status == AgentStatus.Ready)
            return Move(now, AgentStatus.NotReady, SystemReasons.DeviceUnavailable, trigger);
        return _resume.Status == AgentStatus.Ready
            ? Move(now, AgentStatus.Ready, null, trigger, idle: !keepIdle)
            : Move(now, AgentStatus.NotReady, _resume.Reason ?? SystemReasons.LoggedIn, trigger);
    }

    private AgentStateChange LogOutNow(DateTimeOffset now, AgentTrigger trigger)
    {
        Pending = PendingState.None;
        _pausedGroups.Clear();
        LoggedInAt = null;
        return Move(now, AgentStatus.LoggedOut, null, trigger);
    }

    private AgentStateChange SetPending(DateTimeOffset now, PendingState pending, AgentTrigger trigger)
    {
        Pending = pending;
        return Record(now, Status, Status, trigger);
    }

    private AgentStateChange Move(DateTimeOffset now, AgentStatus to, string? reason, AgentTrigger trigger,
        bool idle = false, bool keepCall = false)
    {
        var from = Status;
        var callId = CallId;
        Status = to;
        Reason = to == AgentStatus.NotReady ? reason : null;
        StateSince = now;
        if (idle) IdleSince = now;
        if (to != AgentStatus.WrapUp) WrapUpEndsAt = null;
        if (to is not (AgentStatus.Ringing or AgentStatus.OnCall) && !keepCall)
        {
            CallId = null;
            CallIsFromQueue = false;
        }
        return new AgentStateChange(TenantId, Id, now, from, to, Reason, Pending, trigger, callId ?? CallId);
    }

    private AgentStateChange Record(DateTimeOffset now, AgentStatus from, AgentStatus to, AgentTrigger trigger) =>
        new(TenantId, Id, now, from, to, Reason, Pending, trigger, CallId);

    private static CtiException NotLoggedIn() =>
        new(ErrorCodes.AgentNotLoggedIn, "The agent is not logged in.");

    private static CtiException NotInWrapUp() =>
        new(ErrorCodes.NotInWrapUp, "The agent is not in wrap-up.");
}
