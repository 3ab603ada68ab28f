using System.Text.Json.Serialization;
using CtiBridge.Api.Auth;
using CtiBridge.Application;
using CtiBridge.Application.Common;
using CtiBridge.Application.Seeding;
using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Mvc;
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
        services.AddCtiJwt();
        services.AddCtiAuthorization();
        services.AddCtiLoginRateLimiting();
        return builder;
    }

    /// <summary>Middleware: errors → ProblemDetails, static toolbar files, Swagger, authentication, authorization, rate limiting.</summary>
    public static WebApplication UseCtiHost(this WebApplication app)
    {
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
    /// Last route: GETs that match nothing else and are not API/hub/health/swagger paths get the
    /// toolbar's <c>wwwroot/index.html</c> (client-side routing), when it exists; everything else 404s.
    /// </summary>
    public static WebApplication MapCtiToolbarFallback(this WebApplication app)
    {
        app.MapFallback(async http =>
        {
            var path = http.Request.Path;
            var isApi = path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health") || path.StartsWithSegments("/swagger");
            IFileInfo? index = app.Environment.WebRootFileProvider?.GetFileInfo("index.html");
            if (!isApi && HttpMethods.IsGet(http.Request.Method) && index is { Exists: true })
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.SendFileAsync(index);
                return;
            }
            var pd = new ProblemDetails { Status = 404, Title = "Not found." };
            pd.Extensions["code"] = ErrorCodes.NotFound;
            http.Response.StatusCode = 404;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd });
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Brings the database schema up to date and, in sandbox mode, seeds the demo tenant (and logs
    /// its credentials). Call before <c>app.Run()</c>.
    /// </summary>
    public static async Task InitializeCtiAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CtiBridge.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        log.LogInformation("Database: {Provider}", options.Provider);
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db);
        if (CtiMode.IsSandbox(app.Configuration))
        {
            log.LogInformation("Sandbox mode: no Asterisk configured (Asterisk:Ari:BaseUrl empty); the in-process simulator is the PBX.");
            await scope.ServiceProvider.GetRequiredService<DemoTenantSeeder>().SeedIfEmptyAsync();
        }
    }
}
