namespace CtiBridge.Domain.Agents;

/// <summary>The one state an agent is in (see docs/agent-states.md).</summary>
public enum AgentStatus
{
    LoggedOut,
    Ready,
    NotReady,
    /// <summary>A queue or direct call is being offered; the countdown runs.</summary>
    Ringing,
    OnCall,
    /// <summary>After-call work.</summary>
    WrapUp,
}
