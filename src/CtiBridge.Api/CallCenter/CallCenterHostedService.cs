using CtiBridge.Api.Events;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Persistence;

namespace CtiBridge.Api.CallCenter;

/// <summary>
/// Start-up and background work of the call center: loads every tenant from the database before the
/// host starts serving, runs the journal writer and the event dispatcher, and refreshes the tenants
/// periodically (<c>CallCenter:ReloadIntervalSeconds</c>, default 60; 0 turns it off).
/// </summary>
public sealed class CallCenterHostedService(
    TenantReloader reloader, DatabaseJournal journal, AgentEventStreams streams, IConfiguration configuration,
    ILogger<CallCenterHostedService> log) : IHostedService
{
    private readonly CancellationTokenSource _stop = new();
    private Task _journal = Task.CompletedTask;
    private Task _events = Task.CompletedTask;
    private Task _refresh = Task.CompletedTask;

    public async Task StartAsync(CancellationToken ct)
    {
        _journal = Task.Run(() => journal.RunAsync(_stop.Token));
        _events = Task.Run(() => streams.RunAsync(_stop.Token));
        await reloader.ReloadAllAsync(ct);
        log.LogInformation("Call center loaded; event epoch {Epoch}{Store}", streams.Epoch, streams.HasStore ? " (each tenant's own epoch kept in Redis)" : "");
        var seconds = configuration.GetValue("CallCenter:ReloadIntervalSeconds", 60);
        if (seconds > 0) _refresh = RefreshLoopAsync(TimeSpan.FromSeconds(seconds), _stop.Token);
    }

    private async Task RefreshLoopAsync(TimeSpan every, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await reloader.ReloadAllAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        try { await Task.WhenAll(_journal, _events, _refresh).WaitAsync(TimeSpan.FromSeconds(10), ct); }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException) { log.LogWarning("Call center background work did not stop in time"); }
    }
}
