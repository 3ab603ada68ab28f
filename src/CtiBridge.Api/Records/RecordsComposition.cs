using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Records;

namespace CtiBridge.Api.Records;

public static class RecordsComposition
{
    /// <summary>Call records, recordings (search, audio, legal hold), CSV export and the retention job.</summary>
    public static IServiceCollection AddCtiRecords(this IServiceCollection services)
    {
        services.AddCtiRecordsModel();
        services.AddScoped<RecordReaders>();
        services.AddSingleton<RecordingPlayTokens>();
        return services;
    }
}

/// <summary>
/// Who reads records, from the credential: an API key (scope read or call-control) reads the tenant; a signed-in user
/// as <see cref="CallRecordSearch.ViewerAsync"/> decides (admins the tenant, supervisors their teams, agents their own calls).
/// Reads the database only; the live call center is not consulted.
/// </summary>
public sealed class RecordReaders(CallCenterAccess access, CallRecordSearch search)
{
    public Caller Caller => access.Caller;

    public async Task<RecordViewer> ViewerAsync(CancellationToken ct)
    {
        var caller = access.Caller;
        if (caller.IsApiKey) CallCenterAccess.RequireScope(caller, AccessKind.Read);
        return await search.ViewerAsync(caller.TenantId, caller.UserId, caller.Roles, ct);
    }
}
