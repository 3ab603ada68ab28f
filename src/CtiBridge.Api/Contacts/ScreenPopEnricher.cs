using CtiBridge.Application.Contacts;
using CtiBridge.Application.Events;

namespace CtiBridge.Api.Contacts;

/// <summary>
/// Adds the screen pop to a <c>callOffered</c> event before it leaves the event fan-out, so the agent's offer banner
/// has the caller's contact with the offer itself (no second round trip). The lookup is a few indexed queries (well
/// under 5 ms, docs/benchmarks.md); it gets <see cref="Budget"/> at most (<c>Contacts:ScreenPopBudgetMilliseconds</c>,
/// default 500), after which the event goes without it and the miss is logged: an offer is never held up long by a
/// slow database.
/// </summary>
public sealed class ScreenPopEnricher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ScreenPopEnricher> log)
{
    public TimeSpan Budget { get; } = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Contacts:ScreenPopBudgetMilliseconds", 500), 10, 10_000));

    public async Task<CallOfferedEvent> EnrichAsync(CallOfferedEvent offered)
    {
        if (offered.CallerNumber is not { Length: > 0 } number) return offered;
        using var timeout = new CancellationTokenSource(Budget);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var lookup = scope.ServiceProvider.GetRequiredService<ScreenPopLookup>();
            var data = offered.Call.AttachedData.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            // The context came with the offer (taken under the tenant's lock): only the match and the recent calls are read here.
            var pop = await lookup.FindAsync(offered.TenantId, offered.AgentId, number, offered.Call.CallId, data, offered.ScreenPopContext, timeout.Token).ConfigureAwait(false);
            return offered with { ScreenPop = pop };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            log.LogWarning("Screen pop lookup for call {CallId} took longer than {Budget} ms; offered without it", offered.Call.CallId, Budget.TotalMilliseconds);
            return offered;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Screen pop lookup for call {CallId} failed; offered without it", offered.Call.CallId);
            return offered;
        }
    }
}
