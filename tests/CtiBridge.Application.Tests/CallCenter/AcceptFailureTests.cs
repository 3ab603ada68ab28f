using System.Reflection;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// Found on a real Asterisk (tests/CtiBridge.Integration.Tests/Product): a caller who hangs up as their call arrives
/// makes the answer fail with "leg is gone" (ARI 404) before the leg's end event is seen. That is the caller hanging up
/// (abandoned), not a PBX failure.
/// </summary>
public sealed class AcceptFailureTests
{
    /// <summary>The simulator, except that answering a caller's leg fails as when the channel vanished meanwhile.</summary>
    public class GoneOnAccept : DispatchProxy
    {
        public IPbx Inner { get; set; } = null!;

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IPbx.AcceptCallAsync))
                return Task.FromException(new CtiException(ErrorCodes.CallNotFound, $"The leg {args![1]} is gone.", ErrorKind.Conflict));
            try { return method.Invoke(Inner, args); }
            catch (TargetInvocationException ex) { throw ex.InnerException!; }
        }
    }

    [Fact]
    public async Task A_caller_gone_before_the_answer_reached_the_pbx_is_recorded_as_abandoned_not_failed()
    {
        var clock = new ManualTimeProvider();
        var sim = new SimulatedPbx(clock, new SimulatorOptions());
        var pbx = DispatchProxy.Create<IPbx, GoneOnAccept>();
        ((GoneOnAccept)(object)pbx).Inner = sim;
        var sink = new RecordingSink();
        var service = new CallCenterService(pbx, sink, sink, clock, NullLogger<CallCenterService>.Instance);
        service.Configure(Harness.DefaultConfig());

        sim.PlaceCall("acme", "Sales", "5551234"); // nobody logged in: the caller would wait

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (sink.CallRecords.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(CallEndReason.AbandonedWhileWaiting, Assert.Single(sink.CallRecords).Call.EndReason);
    }
}
