using System.Collections.Concurrent;
using CtiBridge.Application.Events;

namespace CtiBridge.Api.Events;

/// <summary>
/// The last registration state the PBX reported per endpoint (from <c>phoneRegistrationChanged</c>).
/// Endpoints never reported count as registered on the sandbox simulator and unregistered otherwise.
/// </summary>
public sealed class PhoneRegistry(bool sandbox) : ICallCenterEventObserver
{
    private readonly ConcurrentDictionary<string, bool> _registered = new(StringComparer.OrdinalIgnoreCase);

    public bool IsRegistered(string endpoint) => _registered.TryGetValue(endpoint, out var r) ? r : sandbox;

    public void OnEvent(CallCenterEvent e)
    {
        if (e is DeviceChangedEvent d) _registered[d.Endpoint] = d.Registered;
    }

    /// <summary>A device state straight from the PBX (<see cref="CtiBridge.Application.CallCenter.CallCenterService.DeviceReported"/>):
    /// free hot-desk phones have no agent, so no <see cref="DeviceChangedEvent"/> carries their registration.</summary>
    public void OnDevice(CtiBridge.Application.Pbx.DeviceStatus status) => _registered[status.Endpoint] = status.Registered;
}
