using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// Found on a real Asterisk (tests/CtiBridge.Integration.Tests/Product): a caller who hangs up as their call arrives
/// makes the answer fail with "leg is gone" (ARI 404) before the leg's end event is seen. That is the caller hanging up
/// (abandoned), not a PBX failure.
/// </summary>
public sealed class AcceptFailureTests
{
    [Fact]
    public async Task A_caller_gone_before_the_answer_reached_the_pbx_is_recorded_as_abandoned_not_failed()
    {
        // The simulator, except that answering a caller's leg fails as when the channel vanished meanwhile.
        var (_, sim, _, sink, _, _) = SimulatorProxy.Start((method, args) => method.Name == nameof(IPbx.AcceptCallAsync)
            ? Task.FromException(new CtiException(ErrorCodes.CallNotFound, $"The leg {args[1]} is gone.", ErrorKind.Conflict))
            : null);

        sim.PlaceCall("acme", "Sales", "5551234"); // nobody logged in: the caller would wait

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (sink.CallRecords.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(CallEndReason.AbandonedWhileWaiting, Assert.Single(sink.CallRecords).Call.EndReason);
    }
}
