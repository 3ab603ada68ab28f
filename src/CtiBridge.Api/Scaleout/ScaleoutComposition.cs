using CtiBridge.Api.Events;
using CtiBridge.Api.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace CtiBridge.Api.Scaleout;

/// <summary>
/// Redis beside several nodes (docs/architecture.md, "Several nodes"): <c>builder.Services.AddCtiScaleout(…)</c> in
/// Program.cs. Nothing is registered unless <c>Redis:ConnectionString</c> is set. Then the tenants' event streams (sequence
/// numbers and resume backlog) are kept in Redis by the node numbering them (<see cref="RedisEventStreamStore"/>),
/// SignalR runs over the Redis backplane (channels prefixed <c>&lt;Redis:Prefix&gt;:signalr</c>), and the readiness check
/// "event-streams" says Degraded while some tenant's streams are kept in memory only because Redis failed.
/// </summary>
public static class ScaleoutComposition
{
    /// <summary><c>Redis:Prefix</c>: the prefix of every key and channel this deployment uses in Redis (default <c>ctibridge</c>).</summary>
    public const string PrefixKey = "Redis:Prefix";

    public static IServiceCollection AddCtiScaleout(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[Health.RedisConnectionStringKey] is not { Length: > 0 } connectionString) return services;
        var prefix = configuration[PrefixKey] is { Length: > 0 } p ? p : "ctibridge";
        services.AddSingleton(new RedisConnection(connectionString));
        services.AddSingleton<IEventStreamStore>(sp => new RedisEventStreamStore(sp.GetRequiredService<RedisConnection>(), prefix));
        services.AddSignalR().AddStackExchangeRedis(o =>
        {
            o.Configuration = RedisConnection.Options(connectionString);
            o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix + ":signalr");
        });
        // The backplane, but this node's own connections never wait for Redis (ResilientHubLifetimeManager).
        services.RemoveAll(typeof(Microsoft.AspNetCore.SignalR.HubLifetimeManager<>));
        services.AddSingleton(typeof(Microsoft.AspNetCore.SignalR.HubLifetimeManager<>), typeof(ResilientHubLifetimeManager<>));
        services.AddHealthChecks().AddCheck<EventStreamsHealthCheck>("event-streams", tags: [Health.Ready]);
        services.AddHostedService<ConnectEarly>();
        return services;
    }

    /// <summary>Starts connecting to Redis with the host, in the background, so the first event does not pay for it.</summary>
    private sealed class ConnectEarly(RedisConnection redis) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            _ = Task.Run(async () =>
            {
                try { await redis.GetAsync(CancellationToken.None); }
                catch (Exception) { /* retried at first use; readiness says why */ }
            }, CancellationToken.None);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>Degraded while some tenant's event streams are kept in memory only (Redis failed); never unhealthy.</summary>
    private sealed class EventStreamsHealthCheck(AgentEventStreams streams) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(streams.MemoryOnly is { } m
                ? HealthCheckResult.Degraded($"Event streams of {m.Tenants} tenant(s) kept in memory only since {m.Since:HH:mm:ss} UTC ({m.Reason}); " +
                    "resumes work on this node, a takeover makes their toolbars resync")
                : HealthCheckResult.Healthy($"Event streams of {streams.PersistedTenants} tenant(s) kept in Redis"));
    }
}
