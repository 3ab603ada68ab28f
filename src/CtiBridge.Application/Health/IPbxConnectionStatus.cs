namespace CtiBridge.Application.Health;

/// <summary>
/// What the readiness check (<c>/health/ready</c>, check "pbx") reports about the PBX connection.
/// The PBX integration (Asterisk adapter, or the Simulator in sandbox mode) registers one as a
/// singleton. With none registered the check reports "simulator" in sandbox mode and unhealthy
/// otherwise.
/// </summary>
public interface IPbxConnectionStatus
{
    /// <summary>True while the PBX can be controlled (ARI WebSocket up, AMI logged in).</summary>
    bool IsConnected { get; }

    /// <summary>One human line, e.g. "ARI connected to http://pbx:8088, AMI connected" or "simulator".</summary>
    string Description { get; }
}
