using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Api.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Webhooks;

public class WebhookTests
{
    /// <summary>A receiver that fails its first request, then accepts.</summary>
    private sealed class Receiver : HttpMessageHandler
    {
        public ConcurrentQueue<(string Body, string Signature, string Event)> Accepted { get; } = new();
        public int Calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = await request.Content!.ReadAsStringAsync(ct);
            if (Interlocked.Increment(ref Calls) == 1) return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            Accepted.Enqueue((body, request.Headers.GetValues("X-CtiBridge-Signature").Single(), request.Headers.GetValues("X-CtiBridge-Event").Single()));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Call_and_agent_events_are_delivered_signed_with_retries_and_logged()
    {
        var receiver = new Receiver();
        using var root = new CtiApiFactory(new() { ["Webhooks:AllowHttp"] = "true" });
        using var host = root.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddHttpClient(WebhookDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => receiver);
            s.AddSingleton<IHostAddressResolver>(new FakeDns { ["hooks.test"] = [FakeDns.PublicAddress] });
        }));
        var login = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "admin", password = CtiApiFactory.DemoPassword });
        var token = (await login.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token);

        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "ftp://x" }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "nope" } }), 400, "validation_failed");
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "agentStateChanged" } })).ReadAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("endpoint").GetProperty("id").GetGuid();

        var agentLogin = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "agent1", password = CtiApiFactory.DemoPassword });
        var agent = host.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new("Bearer", (await agentLogin.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        await Problem.AssertAsync(await agent.GetAsync("/api/v1/admin/webhooks"), 403, "forbidden");
        await agent.LoginReadyAsync();

        for (var i = 0; i < 200 && receiver.Accepted.IsEmpty; i++) await Task.Delay(50); // first attempt fails, the retry comes 2 s later
        var (body, signature, type) = Assert.Single(receiver.Accepted);
        Assert.Equal("agentStateChanged", type);
        var t = long.Parse(signature.Split(',')[0][2..]);
        Assert.Equal(WebhookDispatcher.Sign(secret, t, body), signature);
        var payload = JsonDocument.Parse(body).RootElement;
        Assert.Equal("agentStateChanged", payload.GetProperty("type").GetString());
        Assert.Equal("Ready", payload.GetProperty("data").GetProperty("agent").GetProperty("status").GetString());

        var log = await (await admin.GetAsync($"/api/v1/admin/webhooks/{id}/deliveries")).ReadAsync<JsonElement>();
        var delivery = log.EnumerateArray().Single();
        Assert.Equal("Delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 503", delivery.GetProperty("lastError").GetString());

        await admin.DeleteAsync($"/api/v1/admin/webhooks/{id}").OkAsync();
        await Problem.AssertAsync(await admin.GetAsync($"/api/v1/admin/webhooks/{id}/deliveries"), 404, "not_found");
    }

    [Fact]
    public void Backoff_doubles_from_two_seconds_and_is_capped_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), WebhookDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(4), WebhookDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(128), WebhookDispatcher.Backoff(7));
        Assert.Equal(TimeSpan.FromHours(1), WebhookDispatcher.Backoff(30));
    }
}
