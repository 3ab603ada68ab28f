using System.Collections.Concurrent;
using System.Reflection;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// The simulator behind a proxy, for what the simulator itself never does (a PBX that is slow or fails): every PBX
/// command is recorded, and <see cref="Override"/> may answer one in the simulator's place.
/// </summary>
public class SimulatorProxy : DispatchProxy
{
    public IPbx Inner { get; private set; } = null!;
    public ConcurrentQueue<(string Method, object?[] Args)> Calls { get; } = new();

    /// <summary>The names of the commands so far, in order.</summary>
    public IReadOnlyList<string> Methods => Calls.Select(c => c.Method).ToList();

    /// <summary>The task to return instead of the simulator's for this command, or null to let the simulator carry it out.</summary>
    public Func<MethodInfo, object?[], object?>? Override { get; set; }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        args ??= [];
        Calls.Enqueue((method!.Name, args));
        if (Override?.Invoke(method, args) is { } replaced) return replaced;
        try { return method.Invoke(Inner, args); }
        catch (TargetInvocationException ex) { throw ex.InnerException!; }
    }

    /// <summary>A call center (tenant "acme" of <see cref="Harness.DefaultConfig"/>) on the simulator through the proxy, with a manual clock.</summary>
    public static Started Start(Func<MethodInfo, object?[], object?>? replace = null, Microsoft.Extensions.Logging.ILogger<CallCenterService>? log = null)
    {
        var clock = new ManualTimeProvider();
        var sim = new SimulatedPbx(clock, new SimulatorOptions());
        var pbx = Create<IPbx, SimulatorProxy>();
        var proxy = (SimulatorProxy)(object)pbx;
        proxy.Inner = sim;
        proxy.Override = replace;
        var sink = new RecordingSink();
        var service = new CallCenterService(pbx, sink, sink, clock, log ?? NullLogger<CallCenterService>.Instance);
        return new Started(clock, sim, proxy, sink, service, service.Configure(Harness.DefaultConfig()));
    }

    public sealed record Started(ManualTimeProvider Clock, SimulatedPbx Sim, SimulatorProxy Pbx, RecordingSink Sink,
        CallCenterService Service, TenantCallCenter Center);
}
