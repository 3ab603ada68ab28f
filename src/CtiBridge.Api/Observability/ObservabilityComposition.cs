using CtiBridge.Api.Auth;
using CtiBridge.Api.Events;
using CtiBridge.Api.Webhooks;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Observability;
using CtiBridge.Asterisk.Observability;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CtiBridge.Api.Observability;

/// <summary>
/// OpenTelemetry for the host: <c>builder.AddCtiObservability()</c> and <c>app.UseCtiObservability()</c> in Program.cs.
/// The product's meters are plain System.Diagnostics.Metrics, defined where the fact lives (the Asterisk clients,
/// the call center, the event fan-out, the webhooks); only this host knows OpenTelemetry. Everything is off by
/// default and costs nothing then: <see cref="ObservabilityOptions"/> turns on the Prometheus scrape endpoint and
/// OTLP export (metrics, traces and logs).
/// </summary>
public static class ObservabilityComposition
{
    /// <summary>The product's own meters (names to select them in a collector).</summary>
    public static readonly string[] ProductMeters =
        [CallCenterMetrics.MeterName, AsteriskMetrics.MeterName, AgentEventStreams.MeterName, WebhookDispatcher.MeterName];

    public static WebApplicationBuilder AddCtiObservability(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<CallCenterMetrics>();
        var otlp = options.OtlpEndpoint is not null;
        if (!options.Prometheus.Enabled && !otlp) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(m =>
            {
                m.AddMeter(ProductMeters)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore")
                    .AddNpgsqlInstrumentation();
                if (options.Prometheus.Enabled) m.AddPrometheusExporter(o => o.ScrapeEndpointPath = options.Prometheus.Path);
            });
        if (otlp)
        {
            // Traces and logs only go somewhere through OTLP: without it they are not collected at all.
            telemetry
                .WithTracing(t => t
                    .AddSource(AsteriskMetrics.MeterName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrapeOrHealth(http.Request.Path, options))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql())
                .WithLogging(_ => { }, o => { o.IncludeScopes = true; o.IncludeFormattedMessage = true; })
                .UseOtlpExporter(options.Otlp.Protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, options.OtlpEndpoint!);
        }
        return builder;
    }

    /// <summary>
    /// Call after <c>UseCtiHost</c> (authentication): every request of a signed-in user or API key is logged with its
    /// tenant in scope (<c>Tenant</c>); the Prometheus scrape endpoint when enabled; the call-center gauges.
    /// </summary>
    public static WebApplication UseCtiObservability(this WebApplication app)
    {
        if (app.Services.GetService<CallCenterService>() is not null) app.Services.GetRequiredService<CallCenterMetrics>();
        var requestLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CtiBridge.Requests");
        app.Use(async (http, next) =>
        {
            using var scope = http.User.FindFirst(CtiClaims.TenantDomain)?.Value is { } tenant ? requestLog.BeginTenantScope(tenant) : null;
            await next(http);
        });
        var options = app.Services.GetRequiredService<ObservabilityOptions>();
        if (options.Prometheus.Enabled)
            app.MapPrometheusScrapingEndpoint(options.Prometheus.Path).AllowAnonymous();
        return app;
    }

    private static bool IsScrapeOrHealth(PathString path, ObservabilityOptions options) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(options.Prometheus.Path);
}

/// <summary>Settings of the "Observability" section.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>The <c>service.name</c> resource attribute of everything exported.</summary>
    public string ServiceName { get; set; } = "ctibridge";

    public PrometheusSettings Prometheus { get; set; } = new();

    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>Where OTLP goes: <c>Observability:Otlp:Endpoint</c>, else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri? OtlpEndpoint =>
        Uri.TryCreate(string.IsNullOrWhiteSpace(Otlp.Endpoint) ? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") : Otlp.Endpoint,
            UriKind.Absolute, out var uri) ? uri : null;

    public sealed class PrometheusSettings
    {
        /// <summary>Serve the scrape endpoint (off by default: it is anonymous, expose it only to the monitoring network).</summary>
        public bool Enabled { get; set; }
        public string Path { get; set; } = "/metrics";
    }

    public sealed class OtlpSettings
    {
        /// <summary>The collector's base address, e.g. <c>http://otel-collector:4318</c> (http/protobuf) or <c>:4317</c> (grpc).</summary>
        public string? Endpoint { get; set; }
        /// <summary><c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
        public string Protocol { get; set; } = "http/protobuf";
    }
}
