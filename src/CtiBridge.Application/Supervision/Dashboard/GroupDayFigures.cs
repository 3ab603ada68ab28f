using System.Threading.Channels;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Supervision.Dashboard;

/// <summary>
/// Keeps each skill group's figures of the day (offered, answered, abandoned, service level, average wait and talk) in
/// its live statistics, so the supervisor desk and wallboards get them with every <c>skillGroupStatsChanged</c> message
/// and every <c>Resume</c> answer. The figures are the skill-group report of today (<see cref="ReportService"/> over the
/// stored call records, <see cref="ReportFormulas.ForGroup"/>): one definition for reports and the desk. Recomputed for a
/// group after the journal stored a finished call of it, and for every group whose figures are missing, of another day
/// (after midnight UTC) or of another service-level threshold (after each tenant reload, and every <see cref="SweepInterval"/>).
/// </summary>
public sealed class GroupDayFigures(CallCenterService callCenter, IServiceScopeFactory scopes, TimeProvider time, ILogger<GroupDayFigures> log)
{
    /// <summary>How often groups without current figures are looked for.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<(Guid Tenant, Guid Group)> _requests = Channel.CreateUnbounded<(Guid, Guid)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for a recomputation of the groups' figures (finished calls of them were stored). Never blocks.</summary>
    public void CallRecordsStored(Guid tenantId, IReadOnlyCollection<Guid> groupIds)
    {
        foreach (var g in groupIds) _requests.Writer.TryWrite((tenantId, g));
    }

    /// <summary>After a tenant (re)load: computes the figures of its groups that are new or whose threshold changed.</summary>
    public void TenantLoaded(Guid tenantId) => _requests.Writer.TryWrite((tenantId, Guid.Empty));

    /// <summary>Recomputes on request and sweeps for stale groups until stopped.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var nextSweep = DateTimeOffset.MinValue;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var due = new HashSet<(Guid, Guid)>();
                if (time.GetUtcNow() >= nextSweep)
                {
                    due.UnionWith(Stale(callCenter.Tenants));
                    nextSweep = time.GetUtcNow() + SweepInterval;
                }
                while (_requests.Reader.TryRead(out var r))
                {
                    if (r.Group != Guid.Empty) due.Add(r);
                    else if (callCenter.FindTenant(r.Tenant) is { } loaded) due.UnionWith(Stale([loaded]));
                }
                foreach (var (tenant, group) in due) await RefreshAsync(tenant, group, ct).ConfigureAwait(false);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(SweepInterval);
                try { await _requests.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Computing the skill groups' figures of the day failed; trying again shortly");
                try { await Task.Delay(TimeSpan.FromSeconds(1), time, ct).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Computes one group's figures of today and hands them to its live statistics.</summary>
    public async Task RefreshAsync(Guid tenantId, Guid groupId, CancellationToken ct = default)
    {
        if (callCenter.FindTenant(tenantId) is not { } center) return;
        await using var scope = scopes.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var range = reports.Range(null, null);
        SkillGroupReport report;
        try { report = await reports.SkillGroupAsync(tenantId, groupId, range, ct).ConfigureAwait(false); }
        catch (Domain.Errors.CtiException) { return; } // the group was deleted meanwhile
        center.SetGroupToday(groupId, new GroupToday(DateOnly.FromDateTime(range.From.UtcDateTime), report.ServiceLevelSeconds, report.Figures));
    }

    private IEnumerable<(Guid, Guid)> Stale(IEnumerable<TenantCallCenter> centers)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var center in centers)
            foreach (var s in center.ListGroupStats())
                if (s.Today is null || s.Today.Day != today || s.Today.ServiceLevelSeconds != s.ServiceLevelSeconds)
                    yield return (center.TenantId, s.SkillGroupId);
    }
}
