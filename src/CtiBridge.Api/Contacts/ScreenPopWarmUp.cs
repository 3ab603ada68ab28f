using CtiBridge.Application.Contacts;
using CtiBridge.Data;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Contacts;

/// <summary>
/// Runs one screen pop lookup at start, so its queries are compiled before the first offer: the first lookup of a
/// process otherwise pays EF's query compilation, which on a busy machine outlasts the lookup's budget.
/// </summary>
public sealed class ScreenPopWarmUp(IServiceScopeFactory scopes, ILogger<ScreenPopWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Guid tenantId, userId;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToSystem();
                var user = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.TenantId }).FirstOrDefaultAsync(stoppingToken);
                if (user is null) return;
                (tenantId, userId) = (user.TenantId, user.Id);
            }
            await using (var scope = scopes.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ScreenPopLookup>()
                    .FindAsync(tenantId, userId, "+15550100", Guid.Empty, new Dictionary<string, string>(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception ex) { log.LogDebug(ex, "Screen pop warm-up failed (the first offer pays the query compilation)"); }
    }
}
