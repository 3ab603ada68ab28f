namespace CtiBridge.Domain.Agents;

/// <summary>Everything that can move an agent from one state to another.</summary>
public enum AgentTrigger
{
    /// <summary>The agent logs in (as Ready, or Not Ready with a reason).</summary>
    Login,
    /// <summary>The agent (or their supervisor) asks for Ready.</summary>
    Ready,
    /// <summary>The agent (or their supervisor) asks for Not Ready with a reason.</summary>
    NotReady,
    /// <summary>The agent asks to log out.</summary>
    Logout,
    /// <summary>The router offers a queue call.</summary>
    OfferQueueCall,
    /// <summary>A direct (extension-to-extension or external-to-extension) call rings the agent.</summary>
    OfferDirectCall,
    /// <summary>The agent's leg of an offered call is answered.</summary>
    Answer,
    /// <summary>The agent declines the offered call.</summary>
    Decline,
    /// <summary>The ring countdown ends without an answer (or the agent's phone is busy/unreachable).</summary>
    RingTimeout,
    /// <summary>The caller hangs up, or the call is taken away, while it rings the agent.</summary>
    OfferWithdrawn,
    /// <summary>The agent places an outbound or internal call.</summary>
    DialOut,
    /// <summary>The agent's part of a connected call ends.</summary>
    CallEnded,
    /// <summary>The wrap-up countdown reaches zero.</summary>
    WrapUpExpired,
    /// <summary>The agent ends wrap-up early.</summary>
    EndWrapUp,
    /// <summary>The agent adds time to the wrap-up countdown.</summary>
    ExtendWrapUp,
    /// <summary>The agent's device (softphone registration, toolbar) went away.</summary>
    DeviceLost,
    /// <summary>The agent's device is back.</summary>
    DeviceRestored,
    /// <summary>After a restart of CtiBridge, the call the agent was connected to (still going on the PBX) is taken back.</summary>
    CallTakenBack,
}
