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
}

/// <summary>How a recording came to be, for recording search.</summary>
public enum RecordingType
{
    Inbound,
    ManualDial,
    AutoDial,
}
