namespace CtiBridge.Application.Cluster;

/// <summary>
/// Holds the PBX connection back until this node owns a tenant (registered only when several nodes run): a standby
/// node does not connect to Asterisk, whose ARI application takes one connection (the newest would steal the events of
/// the active node). Opened by the lease keeper after the first acquisition, once the tenants are loaded, so the
/// adapter's first connection takes their calls back exactly as after a restart.
/// </summary>
public sealed class PbxStartGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WhenOpen => _open.Task;

    public bool IsOpen => _open.Task.IsCompleted;

    public void Open() => _open.TrySetResult();
}
