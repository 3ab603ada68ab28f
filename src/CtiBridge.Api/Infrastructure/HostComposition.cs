using System.Text.Json.Serialization;
using CtiBridge.Api.Auth;
using CtiBridge.Application;
using CtiBridge.Application.Common;
using CtiBridge.Application.Seeding;
using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.FileProviders;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// The host's building blocks, one call each from Program.cs. Order in Program.cs:
/// <c>builder.AddCtiHost()</c> (+ other capabilities' service registrations), then
/// <c>app.UseCtiHost()</c>, <c>app.MapCtiFoundationEndpoints()</c> (+ other endpoints/hubs),
/// <c>app.MapCtiToolbarFallback()</c> last, and <c>await app.InitializeCtiAsync()</c> before <c>Run</c>.
/// </summary>
public static class HostComposition
{
    /// <summary>
    /// Logging, ProblemDetails, controllers + JSON, Swagger, health, data (SQLite/PostgreSQL),
    /// auth (JWT, policies, login rate limiting) and the foundation use cases.
    /// </summary>
    public static WebApplicationBuilder AddCtiHost(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "O"; o.UseUtcTimestamp = true; });
        else
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; o.IncludeScopes = false; });

        var services = builder.Services;
        services.AddCtiProblemDetails();
        services.AddControllers().AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddCtiSwagger();
        services.AddCtiHealth();
        services.AddCtiData(builder.Configuration);
        services.AddCtiFoundation(builder.Configuration);
        services.AddCtiStoredSecrets(builder.Configuration);
        services.AddCtiJwt();
        services.AddCtiAuthorization();
        services.AddCtiLoginRateLimiting();
        return builder;
    }

    /// <summary>Middleware: security headers, errors → ProblemDetails, static toolbar files, Swagger, authentication, authorization, rate limiting.</summary>
    public static WebApplication UseCtiHost(this WebApplication app)
    {
        app.UseCtiSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCtiSwagger();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Controllers (every controller of the Api assembly) and health endpoints.</summary>
    public static WebApplication MapCtiFoundationEndpoints(this WebApplication app)
    {
        app.MapControllers();
        app.MapCtiHealth();
        return app;
    }

    /// <summary>
    /// Last route: the toolbar's <c>wwwroot/index.html</c> (client-side routing), when it exists, for what a browser
    /// asks for a page (<see cref="IsToolbarPageRequest"/>); everything else is a 404 ProblemDetails (or 405 when the
    /// path exists for other methods). So <c>/metrics</c> with Prometheus off, an unknown <c>/health/…</c> or
    /// <c>/api/…</c> path, or a missing file answer 404, never the toolbar page that would mislead a scraper or a script.
    /// </summary>
    public static WebApplication MapCtiToolbarFallback(this WebApplication app)
    {
        var routes = new Lazy<RouteMethods>(() => new RouteMethods(new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources)));
        var scrapePath = app.Configuration["Observability:Prometheus:Path"];
        // "{*path}", not MapFallback's default "{*path:nonfile}": a missing file answers 404 here too, instead of
        // matching no endpoint and meeting the sign-in policy (401).
        app.MapFallback("{*path}", async http =>
        {
            var path = http.Request.Path;
            var isApi = IsServicePath(path, scrapePath);
            IFileInfo? index = app.Environment.WebRootFileProvider?.GetFileInfo("index.html");
            if (IsToolbarPageRequest(http.Request, scrapePath) && index is { Exists: true })
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.SendFileAsync(index);
                return;
            }
            // The path exists for other methods: 405 with Allow, not 404 (this fallback matches every method).
            var allowed = isApi ? routes.Value.MethodsFor(path) : [];
            var pd = allowed.Count > 0
                ? new ProblemDetails { Status = 405, Title = $"{http.Request.Method} is not allowed here; allowed: {string.Join(", ", allowed)}." }
                : new ProblemDetails { Status = 404, Title = "Not found." };
            pd.Extensions["code"] = allowed.Count > 0 ? ErrorCodes.MethodNotAllowed : ErrorCodes.NotFound;
            if (allowed.Count > 0) http.Response.Headers.Allow = string.Join(", ", allowed);
            http.Response.StatusCode = pd.Status!.Value;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd });
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Paths that belong to the service, never to the toolbar: API, hubs, health, Swagger, the metrics scrape (on or off).</summary>
    private static bool IsServicePath(PathString path, string? scrapePath) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/swagger") || path.StartsWithSegments("/metrics")
        || (!string.IsNullOrEmpty(scrapePath) && scrapePath.StartsWith('/') && path.StartsWithSegments(scrapePath));

    /// <summary>
    /// A browser navigating to one of the toolbar's pages: a GET that accepts HTML, outside the service's
    /// paths, and not a file name (a missing <c>/app/x.js</c> or <c>/favicon.ico</c> is a 404, not the page).
    /// Browsers send <c>Accept: text/html…</c> for a navigation; scrapers, curl and API clients do not.
    /// </summary>
    internal static bool IsToolbarPageRequest(HttpRequest request, string? scrapePath)
    {
        if (!HttpMethods.IsGet(request.Method)) return false;
        if (IsServicePath(request.Path, scrapePath)) return false;
        var path = request.Path.Value ?? "/";
        if (Path.HasExtension(path[(path.LastIndexOf('/') + 1)..])) return false;
        return request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The HTTP methods of the endpoints whose route template matches a path (route constraints included).</summary>
    private sealed class RouteMethods(EndpointDataSource endpoints)
    {
        private readonly List<(TemplateMatcher Matcher, RouteEndpoint Endpoint, IReadOnlyList<string> Methods)> _routes = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (e, methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(x => x.methods is { Count: > 0 } && x.e.RoutePattern.RawText is not null)
            .Select(x => (new TemplateMatcher(TemplateParser.Parse(x.e.RoutePattern.RawText!), new RouteValueDictionary()), x.e, (IReadOnlyList<string>)x.methods!))
            .ToList();

        public IReadOnlyList<string> MethodsFor(PathString path)
        {
            var methods = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (matcher, endpoint, allowed) in _routes)
            {
                var values = new RouteValueDictionary();
                if (!matcher.TryMatch(path, values)) continue;
                if (!endpoint.RoutePattern.ParameterPolicies.All(p => p.Value.All(policy =>
                        policy.Content is null || values.TryGetValue(p.Key, out var v) && InlineConstraintHolds(policy.Content, v)))) continue;
                methods.UnionWith(allowed);
            }
            return methods.ToList();
        }

        // The route constraints the API uses ({id:guid}, {x:int}, {x:long}); others are taken as met.
        private static bool InlineConstraintHolds(string constraint, object? value) => constraint switch
        {
            "guid" => Guid.TryParse(value?.ToString(), out _),
            "int" => int.TryParse(value?.ToString(), out _),
            "long" => long.TryParse(value?.ToString(), out _),
            _ => true,
        };
    }

    /// <summary>
    /// Brings the database schema up to date and, in sandbox mode, seeds the demo tenant (and logs
    /// its credentials). Call before <c>app.Run()</c>. False when the database cannot be used (unreachable, refused,
    /// made by a newer build): the reason is logged in one line and the process should exit (code 1), not serve.
    /// </summary>
    public static async Task<bool> InitializeCtiAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CtiBridge.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        log.LogInformation("Database: {Provider}", options.Provider);
        try
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            var server = db.Database.GetDbConnection() is { } c ? $"{c.DataSource}/{c.Database}" : "?";
            log.LogCritical("Cannot start: the {Provider} database {Server} cannot be used: {Reason} Check Database:Provider and " +
                "Database:ConnectionString (docs/deployment.md) and that the server runs and accepts this user.", options.Provider, server, Reason(e));
            log.LogDebug(e, "Database failure at start");
            return false;
        }
        foreach (var upgrade in scope.ServiceProvider.GetServices<IStartupDataUpgrade>()) await upgrade.UpgradeAsync();
        if (CtiMode.IsSandbox(app.Configuration))
        {
            log.LogInformation("Sandbox mode: no Asterisk configured (Asterisk:Ari:BaseUrl empty); the in-process simulator is the PBX.");
            await scope.ServiceProvider.GetRequiredService<DemoTenantSeeder>().SeedIfEmptyAsync();
        }
        return true;
    }

    /// <summary>The innermost message, one line (a connection failure is usually wrapped once or twice).</summary>
    private static string Reason(Exception e)
    {
        var messages = new List<string>();
        for (var x = e; x is not null; x = x.InnerException)
            if (x.Message.ReplaceLineEndings(" ").Trim() is { Length: > 0 } m && m != "Success" && !messages.Contains(m)) messages.Add(m); // SqlClient wraps a "Success" socket error
        return string.Join(" ← ", messages.AsEnumerable().Reverse().Take(2).Reverse()).TrimEnd('.') + ".";
    }
}
