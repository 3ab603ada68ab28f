namespace CtiBridge.Domain.Calls;

public enum CallDirection
{
    Inbound,
    Outbound,
    Internal,
}

/// <summary>Why a call (or a leg of it) ended, as stored in its call record.</summary>
public enum CallEndReason
{
    /// <summary>
    /// Ended after the conversation without saying who hung up: calls recorded before who hung up was recorded (added
    /// after it, as <see cref="CustomerHungUp"/> and <see cref="AgentHungUp"/>), a leg the PBX cleared normally, or a call
    /// ended by a guest leaving. Stored by name, so the values keep their meaning whatever is added.
    /// </summary>
    Normal,
    AgentTransfer,
    AbandonedWhileWaiting,
    AbandonedWhileRinging,
    NoAgentOnline,
    Blocklisted,
    Missed,
    Rejected,
    Busy,
    NoAnswer,
    Unreachable,
    CallerCancelled,
    AgentCancelled,
    Overflow,
    Closed,
    Failed,
    /// <summary>A supervisor took the call over: the agent's leg left and the supervisor kept the customer.</summary>
    TakenOver,
    /// <summary>The PBX restarted (or crashed and started again): every call it had ended with it.</summary>
    PbxRestarted,
    /// <summary>An answered call ended because the customer (outbound: the called party) hung up.</summary>
    CustomerHungUp,
    /// <summary>An answered call ended because the agent hung up: on her phone, in the web app or through the REST API (or dropped the customer).</summary>
    AgentHungUp,
    /// <summary>
    /// The call ended while no CtiBridge process ran its tenant (during a restart, or while a node took over from one
    /// that died): nobody saw its end. Its record ends when the process that took the tenant back found the call gone
    /// from the PBX — at most that much later than the real end.
    /// </summary>
    EndedUnseen,
}

/// <summary>How a recording came to be, for recording search.</summary>
public enum RecordingType
{
    Inbound,
    ManualDial,
    AutoDial,
}
