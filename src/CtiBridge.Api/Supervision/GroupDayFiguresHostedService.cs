using CtiBridge.Application.Persistence;
using CtiBridge.Application.Supervision.Dashboard;

namespace CtiBridge.Api.Supervision;

/// <summary>Runs <see cref="GroupDayFigures"/> and tells it when the journal stored finished calls.</summary>
public sealed class GroupDayFiguresHostedService(GroupDayFigures figures, DatabaseJournal journal) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        journal.CallRecordsStored += figures.CallRecordsStored;
        try { await figures.RunAsync(stoppingToken); }
        finally { journal.CallRecordsStored -= figures.CallRecordsStored; }
    }
}
