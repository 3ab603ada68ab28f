namespace CtiBridge.Domain.Tenants;

/// <summary>What a user may do. A user can hold several roles (a supervisor may also take calls).</summary>
[Flags]
public enum UserRoles
{
    None = 0,
    Agent = 1,
    Supervisor = 2,
    Admin = 4,
}

/// <summary>How an agent's phone is reached.</summary>
public enum ExtensionKind
{
    /// <summary>Browser softphone (SIP over WSS, registers after toolbar login).</summary>
    Web,
    /// <summary>A registered IP phone (desk phone or hot-desk phone).</summary>
    Sip,
    /// <summary>A remote agent with only a telephone, logged in by IVR feature codes.</summary>
    Remote,
}

/// <summary>When after-call work (wrap-up) starts, as in the AsterCC manual's "ACW modes".</summary>
public enum AcwMode
{
    /// <summary>Wrap-up after every offered queue call, answered or not.</summary>
    AfterRing,
    /// <summary>Wrap-up only after an answered inbound queue call (the default).</summary>
    AfterAnswered,
    /// <summary>No wrap-up: the agent is Ready again as soon as the call ends.</summary>
    Disabled,
}

/// <summary>Which calls an agent works, as in the AsterCC manual's "working ways".</summary>
public enum WorkingMode
{
    Inbound,
    Outbound,
    Both,
    /// <summary>The agent chooses Inbound, Outbound or Both in the toolbar.</summary>
    SelfSelect,
}

/// <summary>What happens to a call waiting in a group nobody is logged in to.</summary>
public enum NoAgentRule
{
    KeepWaiting,
    FallbackDestination,
}

/// <summary>When calls are recorded.</summary>
public enum RecordingPolicy
{
    Never,
    Always,
    /// <summary>Only when the agent's profile says so, or on the agent's request.</summary>
    OnDemand,
}
