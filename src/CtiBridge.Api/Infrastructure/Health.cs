using System.Globalization;
using System.Text.Json;
using CtiBridge.Application.Common;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers, and the checks tagged "live" pass (several nodes: "cluster-lease", the lease
/// loops progress; a single node runs none); 503 means "restart this process". <c>/health/ready</c>: checks tagged "ready", 503 while any
/// is unhealthy, so a load balancer sends nobody to a node that cannot place a call:
/// "database" (connects, schema at the expected version); "journal" (degraded while the journal holds what it could
/// not write because the database cannot be reached — calls go on, their records follow when it answers); on Asterisk one check per PBX connection the adapter needs,
/// "asterisk-ari" (the ARI event WebSocket) and "asterisk-ami" (the AMI session, when AMI is configured), each healthy
/// only while connected — also before the first connection ever succeeded; in sandbox mode "pbx" (the simulator);
/// "redis" when <c>Redis:ConnectionString</c> is set.
/// Others add checks with <c>builder.Services.AddHealthChecks().AddCheck&lt;T&gt;("name", tags: [Health.Ready])</c>.
/// </summary>
public static class Health
{
    public const string Ready = "ready";

    /// <summary>The tag of the few checks <c>/health/live</c> runs: a failure there means "restart this process".</summary>
    public const string Live = "live";

    /// <summary>The Redis a deployment runs beside CtiBridge (StackExchange.Redis syntax, e.g. <c>redis:6379</c>); none by default.</summary>
    public const string RedisConnectionStringKey = "Redis:ConnectionString";

    public static IServiceCollection AddCtiHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<JournalHealthCheck>("journal", tags: [Ready]);
        // Redis, when the deployment has one (Redis:ConnectionString, StackExchange.Redis syntax): it must answer PING.
        services.AddOptions<HealthCheckServiceOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (configuration[RedisConnectionStringKey] is not { Length: > 0 } redis) return;
            o.Registrations.Add(new HealthCheckRegistration("redis",
                _ => new HealthChecks.Redis.RedisHealthCheck(redis + (redis.Contains("abortConnect", StringComparison.OrdinalIgnoreCase) ? "" : ",abortConnect=false,connectTimeout=2000")),
                HealthStatus.Degraded, [Ready], TimeSpan.FromSeconds(5))); // calls go on without Redis: degraded, not unready
        });
        // The PBX checks depend on what runs (simulator, Asterisk with or without AMI): registered once the container
        // is built, from the adapter's own list of connections.
        services.AddOptions<HealthCheckServiceOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (CtiMode.IsSandbox(sp.GetRequiredService<IConfiguration>()))
            {
                o.Registrations.Add(new HealthCheckRegistration("pbx", _ => SimulatorHealthCheck.Instance, null, [Ready]));
                return;
            }
            if (sp.GetService<AsteriskServers>() is not { } servers)
            {
                o.Registrations.Add(new HealthCheckRegistration("pbx", _ => NoPbxHealthCheck.Instance, null, [Ready]));
                return;
            }
            var gate = sp.GetService<Application.Cluster.PbxStartGate>(); // several nodes: no connection while standing by
            foreach (var server in servers.All)
            foreach (var connection in server.Pbx.Connections)
            {
                // asterisk-ari, asterisk-ami for the default server (as before several servers), asterisk-<name>-ari … for others
                var name = "asterisk-" + (server.IsDefault ? "" : server.Name.ToLowerInvariant() + "-") + connection.ConnectionName.ToLowerInvariant();
                o.Registrations.Add(new HealthCheckRegistration(name, _ => new ConnectionHealthCheck(connection, gate, server.Name), null, [Ready]));
            }
        });
        return services;
    }

    public static WebApplication MapCtiHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    private sealed class DatabaseHealthCheck(CtiDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("Cannot connect to the database.");
                return HealthCheckResult.Healthy($"{SchemaMigrator.ProviderOf(db)}, schema {SchemaMigrator.LatestId}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("Database check failed: " + e.GetType().Name);
            }
        }
    }

    /// <summary>Degraded while the journal waits for an unreachable database, with how much it holds and since when.</summary>
    private sealed class JournalHealthCheck(Application.Persistence.DatabaseJournal journal) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(journal.WaitingForDatabaseSince is { } since
                ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                    $"Waiting for the database since {since:HH:mm:ss} UTC; {journal.Backlog} items held in memory, none lost"))
                : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{journal.Backlog} items waiting to be written")));
    }

    /// <summary>Healthy only while the connection is up: never connected yet, reconnecting and stopped are all unhealthy.</summary>
    private sealed class ConnectionHealthCheck(IConnectionStateSource connection, Application.Cluster.PbxStartGate? gate, string server) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            if (gate is not null && !gate.IsOpen(server))
                return Task.FromResult(HealthCheckResult.Healthy(
                    $"{connection.ConnectionName} of Asterisk server '{server}' not opened: standing by (this node holds no lease of a tenant placed on it)"));
            var s = connection.Status;
            var name = connection.ConnectionName;
            if (s.IsHealthy)
                return Task.FromResult(HealthCheckResult.Healthy($"{name} connected since {s.ConnectedSince?.ToString("O", CultureInfo.InvariantCulture)}"));
            var what = s.State switch
            {
                ConnectionState.Connecting => "connecting (never connected yet)",
                ConnectionState.Reconnecting => $"not connected, retrying (attempt {s.Attempt}" +
                    (s.RetryIn is { } retry ? $", next in {retry.TotalSeconds:0.#} s" : "") + ")",
                _ => "not connected",
            };
            return Task.FromResult(HealthCheckResult.Unhealthy($"{name} {what}" + (s.LastError is { } e ? ": " + e : "")));
        }
    }

    private sealed class SimulatorHealthCheck : IHealthCheck
    {
        public static readonly SimulatorHealthCheck Instance = new();
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(HealthCheckResult.Healthy("simulator"));
    }

    private sealed class NoPbxHealthCheck : IHealthCheck
    {
        public static readonly NoPbxHealthCheck Instance = new();
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(HealthCheckResult.Unhealthy("No PBX integration is registered."));
    }
}
