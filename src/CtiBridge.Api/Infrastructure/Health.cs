using System.Text.Json;
using CtiBridge.Application.Common;
using CtiBridge.Application.Health;
using CtiBridge.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers (no checks). <c>/health/ready</c>: checks tagged "ready":
/// "database" (connects, schema at the expected version) and "pbx" (reads <see cref="IPbxConnectionStatus"/>).
/// Others add checks with <c>builder.Services.AddHealthChecks().AddCheck&lt;T&gt;("name", tags: [Health.Ready])</c>.
/// </summary>
public static class Health
{
    public const string Ready = "ready";

    public static IServiceCollection AddCtiHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<PbxHealthCheck>("pbx", tags: [Ready]);
        return services;
    }

    public static WebApplication MapCtiHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
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

    private sealed class PbxHealthCheck(IServiceProvider services, IConfiguration configuration) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var status = services.GetService<IPbxConnectionStatus>();
            if (status is null)
                return Task.FromResult(CtiMode.IsSandbox(configuration)
                    ? HealthCheckResult.Healthy("simulator")
                    : HealthCheckResult.Unhealthy("No PBX integration is registered."));
            return Task.FromResult(status.IsConnected ? HealthCheckResult.Healthy(status.Description) : HealthCheckResult.Unhealthy(status.Description));
        }
    }
}
