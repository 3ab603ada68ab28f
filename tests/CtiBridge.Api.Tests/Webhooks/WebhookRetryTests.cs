using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Api.Webhooks;
using CtiBridge.Application.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Webhooks;

/// <summary>POST /api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/retry: a failed delivery tried once more, by hand.</summary>
public class WebhookRetryTests
{
    /// <summary>A receiver that accepts everything and keeps the events it got.</summary>
    private sealed class Receiver : HttpMessageHandler
    {
        public ConcurrentQueue<string> Events { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Events.Enqueue(request.Headers.GetValues("X-CtiBridge-Event").Single());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    private sealed record Setup(WebApplicationFactory<Program> Host, HttpClient Admin, Receiver Receiver, Guid Endpoint, long FailedDelivery);

    /// <summary>An endpoint (made through the API) whose delivery failed for good: given up after its attempts.</summary>
    private static async Task<Setup> FailedDeliveryAsync(CtiApiFactory root)
    {
        var receiver = new Receiver();
        var host = root.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddHttpClient(WebhookDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => receiver);
            s.AddSingleton<IHostAddressResolver>(new FakeDns { ["hooks.test"] = [FakeDns.PublicAddress] });
        }));
        var login = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "admin", password = CtiApiFactory.DemoPassword });
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await login.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "callEnded" } })).ReadAsync<JsonElement>();
        var endpoint = created.GetProperty("endpoint").GetProperty("id").GetGuid();
        var tenant = (await (await admin.GetAsync("/api/v1/session/me")).ReadAsync<JsonElement>()).GetProperty("tenantId").GetGuid();

        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WebhookStore>();
        var now = DateTimeOffset.UtcNow;
        // Not due (an hour ahead) while it is being failed, so the worker does not pick it up in between.
        await store.EnqueueAsync(tenant, [endpoint], "callEnded", """{"type":"callEnded"}""", now.AddHours(1));
        var delivery = (await store.DeliveriesAsync(tenant, endpoint, 1))!.Single();
        for (var i = 0; i < WebhookDispatcher.MaxAttempts; i++)
            await store.RecordAttemptAsync(delivery.Id, delivered: false, "HTTP 503", now, i < WebhookDispatcher.MaxAttempts - 1 ? now.AddHours(1) : null);
        return new Setup(host, admin, receiver, endpoint, delivery.Id);
    }

    private static async Task<JsonElement> DeliveryAsync(Setup s) =>
        (await (await s.Admin.GetAsync($"/api/v1/admin/webhooks/{s.Endpoint}/deliveries")).ReadAsync<JsonElement>())
        .EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == s.FailedDelivery);

    [Fact]
    public async Task A_failed_delivery_is_sent_once_more_and_logged_delivered_then_cannot_be_retried_again()
    {
        using var root = new CtiApiFactory(new() { ["Webhooks:AllowHttp"] = "true" });
        var s = await FailedDeliveryAsync(root);
        using var host = s.Host;
        Assert.Equal("Failed", (await DeliveryAsync(s)).GetProperty("status").GetString());

        var response = await s.Admin.PostAsync($"/api/v1/admin/webhooks/{s.Endpoint}/deliveries/{s.FailedDelivery}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pending = await response.ReadAsync<JsonElement>();
        Assert.Equal("Pending", pending.GetProperty("status").GetString());
        Assert.Equal(WebhookDispatcher.MaxAttempts, pending.GetProperty("attempts").GetInt32());

        JsonElement delivered = default;
        for (var i = 0; i < 200; i++)
        {
            delivered = await DeliveryAsync(s);
            if (delivered.GetProperty("status").GetString() == "Delivered") break;
            await Task.Delay(50);
        }
        Assert.Equal("Delivered", delivered.GetProperty("status").GetString());
        Assert.Equal(WebhookDispatcher.MaxAttempts + 1, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 503", delivered.GetProperty("lastError").GetString()); // the earlier failure stays in the log
        Assert.Equal(["callEnded"], s.Receiver.Events.ToArray());

        await Problem.AssertAsync(await s.Admin.PostAsync($"/api/v1/admin/webhooks/{s.Endpoint}/deliveries/{s.FailedDelivery}/retry", null),
            409, "webhook_delivery_not_failed");
        Assert.Single(s.Receiver.Events);
    }

    [Fact]
    public async Task Refused_for_a_disabled_endpoint_an_unknown_delivery_another_tenant_and_a_non_admin()
    {
        using var root = new CtiApiFactory(new() { ["Webhooks:AllowHttp"] = "true" });
        var s = await FailedDeliveryAsync(root);
        using var host = s.Host;
        var retry = $"/api/v1/admin/webhooks/{s.Endpoint}/deliveries/{s.FailedDelivery}/retry";

        await Problem.AssertAsync(await s.Admin.PostAsync($"/api/v1/admin/webhooks/{s.Endpoint}/deliveries/{s.FailedDelivery + 1000}/retry", null), 404, "not_found");
        await Problem.AssertAsync(await s.Admin.PostAsync($"/api/v1/admin/webhooks/{Guid.NewGuid()}/deliveries/{s.FailedDelivery}/retry", null), 404, "not_found");

        // Another tenant's admin cannot reach it (404, as if it did not exist); an agent is not an admin.
        var boss = await root.CreateTenantAsync("other");
        await Problem.AssertAsync(await boss.PostAsync(retry, null), 404, "not_found");
        var agentLogin = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "agent1", password = CtiApiFactory.DemoPassword });
        var agent = host.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new("Bearer", (await agentLogin.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        await Problem.AssertAsync(await agent.PostAsync(retry, null), 403, "forbidden");

        // A disabled endpoint: enable it first.
        (await s.Admin.PutAsJsonAsync($"/api/v1/admin/webhooks/{s.Endpoint}", new { url = "http://hooks.test/cti", eventTypes = new[] { "callEnded" }, enabled = false })).EnsureSuccessStatusCode();
        await Problem.AssertAsync(await s.Admin.PostAsync(retry, null), 409, "webhook_endpoint_disabled");

        // Nothing of it changed the delivery or sent anything.
        var d = await DeliveryAsync(s);
        Assert.Equal("Failed", d.GetProperty("status").GetString());
        Assert.Equal(WebhookDispatcher.MaxAttempts, d.GetProperty("attempts").GetInt32());
        Assert.Empty(s.Receiver.Events);
    }
}
