namespace CtiBridge.Domain.Agents;

/// <summary>Not Ready reasons the system sets by itself (tenants add their own pause reasons).</summary>
public static class SystemReasons
{
    /// <summary>The agent did not answer (ring timeout, phone busy or unreachable).</summary>
    public const string Missed = "Missed";
    /// <summary>The agent declined the offer on purpose (told apart from a ring-out, which is <see cref="Missed"/>).</summary>
    public const string Declined = "Declined";
    /// <summary>The agent's softphone or toolbar went away while they were Ready.</summary>
    public const string DeviceUnavailable = "Device unavailable";
    /// <summary>The reason used when an agent logs in Not Ready without choosing one.</summary>
    public const string LoggedIn = "Logged in";
    /// <summary>
    /// CtiBridge restarted while the agent was ringing, on a call or in wrap-up: their login was kept, but the call
    /// was not taken back, so they come back Not Ready and say Ready when they are done (docs/architecture.md).
    /// </summary>
    public const string Restarted = "Restarted";
}
