using CtiBridge.Application.PhoneRegistrations;

namespace CtiBridge.Simulator;

/// <summary>
/// Registrations on the Simulator: every phone is registered (the sandbox's rule for endpoints it was never told about)
/// from <c>sip:&lt;endpoint&gt;@simulator.invalid</c> with the User-Agent <see cref="UserAgent"/>, unless
/// <see cref="SimulatedPbx.SetDevice"/> said otherwise; last heard from at that change, else when the simulator started.
/// </summary>
public sealed class SimulatedPhoneRegistrations(SimulatedPbx pbx) : IPhoneRegistrationSource
{
    public const string UserAgent = "CtiBridge Simulator";

    public Task<IReadOnlyList<PbxContact>> ListContactsAsync(IReadOnlyCollection<string> endpointNames, CancellationToken ct = default)
    {
        var devices = pbx.Devices;
        IReadOnlyList<PbxContact> contacts = endpointNames
            .Where(e => !devices.TryGetValue(Device(e), out var d) || d.Registered)
            .Select(e => new PbxContact(e, $"sip:{e}@simulator.invalid", UserAgent, "Reachable", null))
            .ToList();
        return Task.FromResult(contacts);
    }

    public DateTimeOffset? LastSeen(string endpointName) => pbx.DeviceChangedAt(Device(endpointName)) ?? pbx.CreatedAt;

    private static string Device(string endpointName) => "PJSIP/" + endpointName;
}
