using CtiBridge.Application.Persistence;
using CtiBridge.Simulator;

namespace CtiBridge.Api.Sandbox;

/// <summary>
/// The sandbox's simulator starts empty: once the tenants are loaded it reports that it has no call, as the Asterisk
/// adapter does after connecting, so calls a previous sandbox process left in progress get their records ended
/// (ended unseen) before the first request, instead of staying in progress for good.
/// </summary>
public sealed class SimulatorCallsReportedOnStart(SimulatedPbx pbx, DatabaseJournal journal) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        pbx.ReportCallsAfterRestart();
        await journal.FlushAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
