using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.OpenApiDocument;

/// <summary>The response check every test host runs (<see cref="ApiContract"/>) does catch what the document does not say.</summary>
public class ApiContractTests
{
    private const string Problem401 = """{"type":"x","title":"Not signed in.","status":401,"code":"unauthenticated","traceId":"t"}""";

    [Fact]
    public void A_response_is_checked_for_its_status_content_type_and_schema()
    {
        Assert.Null(ApiContract.Check("GET", "/api/v1/session/me", 401, "application/problem+json", Problem401));
        Assert.Contains("status 418 is not documented", ApiContract.Check("GET", "/api/v1/session/me", 418, "application/problem+json", Problem401));
        Assert.Contains("content type application/json is not documented", ApiContract.Check("GET", "/api/v1/session/me", 401, "application/json", Problem401));
        Assert.Contains("$.userId should be a string", ApiContract.Check("GET", "/api/v1/session/me", 200, "application/json",
            """{"userId":5,"tenantId":"7d1c5a59-2a36-4d1e-9b43-3f0f8c2f9a11","tenantDomain":"demo","username":"a","displayName":"A","roles":[],"isPlatformAdmin":false}"""));
        Assert.Contains("is null but not nullable", ApiContract.Check("GET", "/api/v1/session/me", 200, "application/json",
            """{"userId":"7d1c5a59-2a36-4d1e-9b43-3f0f8c2f9a11","tenantId":"7d1c5a59-2a36-4d1e-9b43-3f0f8c2f9a11","tenantDomain":"demo","username":"a","displayName":"A","roles":[],"isPlatformAdmin":null}"""));
        Assert.Contains("expected 405", ApiContract.Check("DELETE", "/api/v1/session/me", 404, "application/problem+json", Problem401));
        Assert.Null(ApiContract.Check("DELETE", "/api/v1/session/me", 405, "application/problem+json", Problem401));
        Assert.Contains("not a ProblemDetails", ApiContract.Check("GET", "/api/v1/nothing-here", 404, null, ""));
        Assert.Contains("without a body", ApiContract.Check("GET", "/api/v1/session/me", 401, null, ""));
    }

    /// <summary>Answers 418 to one path, inside the recorder, to see the recorder report it.</summary>
    private sealed class Teapot : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Path != "/api/v1/session/me") return nextMiddleware(http);
                http.Response.StatusCode = 418;
                return Task.CompletedTask;
            });
            next(app);
        };
    }

    [Fact]
    public async Task The_test_host_reports_every_api_response_the_document_does_not_describe()
    {
        using var root = new CtiApiFactory();
        using var host = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Teapot())));
        var client = host.CreateClient();
        await client.GetAsync("/api/v1/session/me");
        await client.PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "agent1", password = "Wrong#2026" });
        var violation = Assert.Single(root.TakeContractViolations());
        Assert.StartsWith("GET /api/v1/session/me → 418: status 418 is not documented", violation);
        Assert.Contains("POST /api/v1/session/login 401", ApiContract.Checked);
    }
}
