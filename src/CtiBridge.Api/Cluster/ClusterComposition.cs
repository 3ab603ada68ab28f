using System.Net;
using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Infrastructure;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Cluster;
using CtiBridge.Application.Persistence;
using CtiBridge.Data;
using CtiBridge.Data.Cluster;
using CtiBridge.Domain.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Forwarder;

namespace CtiBridge.Api.Cluster;

/// <summary>
/// Several CtiBridge nodes over one database (docs/architecture.md, "Several nodes"): <c>builder.Services.AddCtiCluster(…)</c>
/// and <c>app.UseCtiClusterForwarding()</c> in Program.cs. Nothing is registered unless <c>Cluster:NodeId</c> is set.
/// </summary>
public static class ClusterComposition
{
    /// <summary>The header a forwarded request carries (the forwarding node's id): such a request is never forwarded again.</summary>
    public const string ForwardedByHeader = "X-CtiBridge-Forwarded-By";

    /// <summary>The response header naming the node that served a tenant's request (kept when it was forwarded).</summary>
    public const string ServedByHeader = "X-CtiBridge-Node";

    /// <summary>
    /// The lease keeper and its hosted service, the fence of the PBX commands and journal writes, the PBX start gate and
    /// the forwarder. Call before <c>AddCtiCallCenter</c>: the cluster's hosted service then starts first and stops
    /// last, so it releases the leases only after the call center wrote its journal.
    /// </summary>
    public static IServiceCollection AddCtiCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ClusterOptions.SectionName).Get<ClusterOptions>() ?? new ClusterOptions();
        if (!options.Enabled) return services;
        if (options.LeaseSeconds <= 0 || options.RenewSeconds <= 0 || options.RenewSeconds * 2 > options.LeaseSeconds)
            throw new InvalidOperationException("Cluster:RenewSeconds must be positive and at most half of Cluster:LeaseSeconds.");
        if (options.StallSeconds < options.LeaseSeconds)
            throw new InvalidOperationException("Cluster:StallSeconds must be at least Cluster:LeaseSeconds.");
        services.AddSingleton(options);
        services.AddSingleton(sp => new TenantOwnership(options.NodeId!, TimeSpan.FromSeconds(options.RenewSeconds / 2), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITenantFence>(sp => sp.GetRequiredService<TenantOwnership>());
        services.AddSingleton<TenantLeaseKeeper>();
        services.AddSingleton<PbxStartGate>();
        services.AddSingleton<TenantOwners>();
        services.AddHttpForwarder();
        services.AddHostedService<ClusterHostedService>();
        services.AddHealthChecks().AddCheck<LeaseLoopHealthCheck>("cluster-lease", tags: [Health.Ready, Health.Live]);
        return services;
    }

    /// <summary>After <c>UseCtiHost</c> (authentication has run): requests of a tenant another node owns go to that node.</summary>
    public static WebApplication UseCtiClusterForwarding(this WebApplication app)
    {
        if (app.Services.GetService<ClusterOptions>() is null) return app;
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(3), ActivityHeadersPropagator = null,
        });
        app.Use((http, next) => ForwardIfOwnedElsewhereAsync(http, next, invoker));
        return app;
    }

    private static async Task ForwardIfOwnedElsewhereAsync(HttpContext http, RequestDelegate next, HttpMessageInvoker invoker)
    {
        var path = http.Request.Path;
        if (!(path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs/agent"))
            || !Guid.TryParse(http.User.FindFirst(Auth.CtiClaims.TenantId)?.Value, out var tenantId))
        {
            await next(http);
            return;
        }
        var ownership = http.RequestServices.GetRequiredService<TenantOwnership>();
        if (ownership.Serves(tenantId))
        {
            http.Response.Headers[ServedByHeader] = http.RequestServices.GetRequiredService<ClusterOptions>().NodeId;
            await next(http);
            return;
        }
        if (ownership.ActingEpoch(tenantId) is not null)
        {
            await RefuseAsync(http, "This node has just taken the tenant over and is loading it; try again in a moment.", null);
            return;
        }
        var options = http.RequestServices.GetRequiredService<ClusterOptions>();
        var owner = await http.RequestServices.GetRequiredService<TenantOwners>().OwnerAsync(tenantId, http.RequestAborted);
        if (owner is null || owner.NodeId == options.NodeId || string.IsNullOrEmpty(owner.NodeAddress) || http.Request.Headers.ContainsKey(ForwardedByHeader))
        {
            // Nobody holds it now (a takeover in progress), or it was forwarded here by a node that thought we held it.
            await RefuseAsync(http, owner is null || owner.NodeId == options.NodeId
                ? "No node holds this tenant's lease at the moment (a node is taking it over); try again in a few seconds."
                : $"Node '{owner.NodeId}' holds this tenant's lease.", owner?.NodeId == options.NodeId ? null : owner);
            return;
        }
        var error = await http.RequestServices.GetRequiredService<IHttpForwarder>()
            .SendAsync(http, owner.NodeAddress, invoker, ForwarderRequestConfig.Empty, new MarkForwarded(options.NodeId!));
        if (error != ForwarderError.None && !http.Response.HasStarted)
        {
            http.Response.Clear();
            await RefuseAsync(http, $"Node '{owner.NodeId}' holds this tenant's lease but could not be reached ({error}); the tenant moves to another node once the lease expires.", owner);
        }
    }

    private static async Task RefuseAsync(HttpContext http, string detail, TenantLeaseRow? owner)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "2";
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Title = "The tenant is served by another node", Detail = detail,
        };
        problem.Extensions["code"] = ErrorCodes.TenantOwnedElsewhere;
        if (owner is not null) problem.Extensions["owner"] = owner.NodeId;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private sealed class MarkForwarded(string nodeId) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext http, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken ct)
        {
            await base.TransformRequestAsync(http, proxyRequest, destinationPrefix, ct);
            proxyRequest.Headers.TryAddWithoutValidation(ForwardedByHeader, nodeId);
        }
    }
}

/// <summary>Who holds each tenant's lease, read from the database and kept for a second (requests to forward ask it).</summary>
public sealed class TenantOwners(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (TenantLeaseRow? Row, long ReadAt)> _cache = new();

    public async Task<TenantLeaseRow?> OwnerAsync(Guid tenantId, CancellationToken ct)
    {
        if (_cache.TryGetValue(tenantId, out var c) && time.GetElapsedTime(c.ReadAt) < TimeSpan.FromSeconds(1)) return Live(c.Row);
        await using var scope = scopes.CreateAsyncScope();
        var row = await new TenantLeaseStore(scope.ServiceProvider.GetRequiredService<CtiDbContext>()).ReadAsync(tenantId, ct);
        _cache[tenantId] = (row, time.GetTimestamp());
        return Live(row);
    }

    private TenantLeaseRow? Live(TenantLeaseRow? row) =>
        row is { NodeId.Length: > 0 } && row.ExpiresAtMs > time.GetUtcNow().ToUnixTimeMilliseconds() ? row : null;
}

/// <summary>
/// Wires the lease keeper to the call center and runs it: the fence on every tenant's PBX commands and journal writes,
/// a tenant loaded (and its agents' sessions restored) when its lease is acquired, the PBX connection opened once a
/// lease is held; a lost lease stops the process (exit code 3) so its supervisor starts it again as a standby with clean
/// state; a graceful stop gives the leases up after the journal is written.
/// </summary>
public sealed class ClusterHostedService(TenantLeaseKeeper keeper, TenantOwnership ownership, CallCenterService service, DatabaseJournal journal,
    TenantReloader reloader, PbxStartGate gate, ClusterOptions options, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<ClusterHostedService> log) : IHostedService
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private Task _watch = Task.CompletedTask;

    /// <summary>The exit code of a node that lost a lease.</summary>
    public const int LostLeaseExitCode = 3;

    public Task StartAsync(CancellationToken ct)
    {
        service.Fence = ownership;
        journal.Fence = ownership;
        keeper.Acquired = (tenantId, _, token) => reloader.ReloadAsync(tenantId, token);
        keeper.Holding = gate.Open;
        keeper.Lost = _ =>
        {
            log.LogCritical("A tenant's lease was lost: this node stops (exit code {Code}) and starts again as a standby", LostLeaseExitCode);
            Environment.ExitCode = LostLeaseExitCode;
            lifetime.StopApplication();
        };
        // After the host has started (the call center's journal and event dispatcher run), not during start-up.
        lifetime.ApplicationStarted.Register(() =>
        {
            _loop = Task.Run(() => keeper.RunAsync(_stop.Token));
            _watch = Task.Run(() => WatchAsync(_stop.Token));
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Says so, once, when a lease loop stalls (and when it moves again): a stalled node holds on to nothing and takes
    /// nothing over, and without this line its log would just go quiet. The health checks report it to the orchestrator.
    /// </summary>
    private async Task WatchAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Renew, time);
        LeaseLoopStall? reported = null;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var stall = keeper.Stalled(options.Stall);
                if (stall is not null && reported is null)
                    log.LogCritical("Node {Node}: {Stall}; it neither renews its leases nor takes over for a node that died. /health/live answers 503: restart it",
                        options.NodeId, stall);
                else if (stall is null && reported is not null)
                    log.LogWarning("Node {Node}: the lease loops move again", options.NodeId);
                reported = stall;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stop.CancelAsync();
        try { await Task.WhenAll(_loop, _watch).WaitAsync(TimeSpan.FromSeconds(5), ct); }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException) { }
        await keeper.ReleaseAllAsync(ct);
    }
}

/// <summary>
/// <c>cluster-lease</c> (on <c>/health/live</c> and <c>/health/ready</c>): unhealthy when a lease loop has made no progress
/// for <c>Cluster:StallSeconds</c> — the node is up but neither renews its leases nor takes any over, so its orchestrator
/// should restart it; otherwise healthy, with the leases held and when each loop last finished a round.
/// </summary>
public sealed class LeaseLoopHealthCheck(TenantLeaseKeeper keeper, TenantOwnership ownership, ClusterOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (keeper.Stalled(options.Stall) is { } stall)
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"Node {options.NodeId}: {stall}; it neither renews its leases nor takes over: restart it"));
        var (renewal, acquisition) = keeper.LastRounds;
        static string Ago(TimeSpan? t) => t is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v.TotalSeconds:0.#} s ago") : "none yet";
        return Task.FromResult(HealthCheckResult.Healthy(
            $"Node {options.NodeId} holds {ownership.Held.Count} tenant lease(s); last renewal round {Ago(renewal)}, last acquisition round {Ago(acquisition)}"));
    }
}
