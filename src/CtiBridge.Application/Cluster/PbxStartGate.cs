using System.Collections.Concurrent;

namespace CtiBridge.Application.Cluster;

/// <summary>
/// Holds each PBX server's connection back until this node owns a tenant placed on it (registered only when several
/// nodes run): a node does not connect to an Asterisk server whose tenants another node holds, since the server's ARI
/// application takes one connection (the newest would steal the events of the node acting for them). Opened by the lease
/// keeper after an acquisition, once the tenants are loaded, so the adapter's first connection takes their calls back
/// exactly as after a restart.
/// </summary>
public sealed class PbxStartGate
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.OrdinalIgnoreCase);

    private TaskCompletionSource Gate(string server) =>
        _gates.GetOrAdd(Pbx.PbxServers.NameOf(server), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public Task WhenOpen(string server) => Gate(server).Task;

    public bool IsOpen(string server) => Gate(server).Task.IsCompleted;

    public void Open(string server) => Gate(server).TrySetResult();
}
