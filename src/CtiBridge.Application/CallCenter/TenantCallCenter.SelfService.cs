using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.CallCenter;

/// <summary>
/// Self-service: the agent sends the customer through a flow of prompts played by the PBX; the
/// customer leaves the conversation (they hear the prompts, not the agent), types digits, and comes
/// back to the same agent with what they typed attached to the call.
/// </summary>
public sealed partial class TenantCallCenter
{
    public IReadOnlyList<SelfServiceFlow> SelfServiceFlows { get { lock (_gate) return _config.Settings.SelfServiceFlows; } }

    public void StartSelfService(Guid agentId, Guid callId, string flowName)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = ConnectedCallOf(agentId, callId);
                var flow = _config.Settings.SelfServiceFlows.FirstOrDefault(f => string.Equals(f.Name, flowName, StringComparison.OrdinalIgnoreCase))
                    ?? throw new CtiException(ErrorCodes.SelfServiceFlowNotFound, $"This tenant has no self-service flow '{flowName}'.", ErrorKind.NotFound);
                if (call.SelfService is not null) throw new CtiException(ErrorCodes.SelfServiceInProgress, "The customer is already in self-service.");
                if (call.ConsultBy is not null) throw new CtiException(ErrorCodes.ConsultInProgress, "Complete or cancel the consultation first.");
                var customer = call.Call.Customer;
                if (customer is not { IsPresent: true } || customer.Held)
                    throw new CtiException(ErrorCodes.CallNotConnected, "The customer must be on the line and not on hold.");
                call.SelfService = flow;
                call.SelfServiceDigits = "";
                var id = call.Call.Id;
                call.SelfServiceTimer = _time.CreateTimer(_ => OnSelfServiceTimeout(id), null,
                    TimeSpan.FromSeconds(flow.TimeoutSeconds), Timeout.InfiniteTimeSpan);
                var leg = customer.LegId;
                w.Add(call, () => _pbx.LeaveCallAsync(id, leg));
                w.Add(call, () => _pbx.PlayAsync(leg, ["sound:" + flow.Prompt]));
                PublishCall(call, "self_service_started");
            }
        });
    }

    private void OnSelfServiceTimeout(Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (_calls.TryGetValue(callId, out var call) && call.SelfService is not null) EndSelfService(w, call);
            }
        });
    }

    /// <summary>The customer is back with the agent; what they typed is attached to the call.</summary>
    private void EndSelfService(Work w, CallRuntime call)
    {
        var flow = call.SelfService!;
        call.SelfService = null;
        call.SelfServiceTimer?.Dispose();
        call.SelfServiceTimer = null;
        call.Call.AttachedData[flow.DataKey] = call.SelfServiceDigits;
        call.SelfServiceDigits = "";
        if (call.Call.Customer is { IsPresent: true } customer)
        {
            var id = call.Call.Id;
            var leg = customer.LegId;
            w.Add(call, () => _pbx.JoinCallAsync(id, leg));
        }
        PublishCall(call, "self_service_ended");
    }
}

/// <summary>Pausing a recording (e.g. while a card number is read out).</summary>
public sealed partial class TenantCallCenter
{
    public async Task PauseRecordingAsync(Guid agentId, Guid callId, bool paused)
    {
        CallRuntime call;
        string name;
        lock (_gate)
        {
            call = ConnectedCallOf(agentId, callId);
            if (!call.Call.Recording || call.Call.RecordingName is null) throw new CtiException(ErrorCodes.NotRecording, "The call is not being recorded.");
            if (call.RecordingPaused == paused) return;
            name = call.Call.RecordingName;
        }
        await RunAwaited(call, () => _pbx.PauseRecordingAsync(name, paused)).ConfigureAwait(false);
        var work = new Work();
        lock (_gate)
        {
            call.RecordingPaused = paused;
            StoreRecordings(work, call);
            PublishCall(call, paused ? "recording_paused" : "recording_resumed");
        }
        Flush(work);
    }
}
