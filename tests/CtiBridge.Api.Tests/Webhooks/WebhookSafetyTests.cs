using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Api.Webhooks;
using CtiBridge.Application.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Webhooks;

/// <summary>A DNS whose answers a test sets (and changes); unknown names do not resolve.</summary>
public sealed class FakeDns : IHostAddressResolver
{
    /// <summary>A public internet address (outside every reserved range).</summary>
    public static readonly IPAddress PublicAddress = IPAddress.Parse("93.184.215.14");

    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public IPAddress[] this[string host] { set => _names[host] = value; }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        _names.TryGetValue(host, out var a) ? Task.FromResult(a) : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
}

/// <summary>
/// Webhooks cannot be used to reach the server's own network (SSRF) — refused at registration and again at delivery
/// after resolving the name — and the delivery loop survives errors of its store.
/// </summary>
public class WebhookSafetyTests
{
    private sealed class Receiver : HttpMessageHandler
    {
        public ConcurrentQueue<Uri> Requests { get; } = new();
        public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.OK);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Requests.Enqueue(request.RequestUri!);
            return Task.FromResult(Answer(request));
        }
    }

    private static WebApplicationFactory<Program> Host(CtiApiFactory root, Receiver receiver, FakeDns dns, Action<IServiceCollection>? more = null) =>
        root.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddHttpClient(WebhookDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => receiver);
            s.AddSingleton<IHostAddressResolver>(dns);
            more?.Invoke(s);
        }));

    private static async Task<HttpClient> AdminAsync(WebApplicationFactory<Program> host, string login = "admin")
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login, password = CtiApiFactory.DemoPassword });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<JsonElement> DeliveryAsync(HttpClient admin, Guid endpoint, Func<JsonElement, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var log = await (await admin.GetAsync($"/api/v1/admin/webhooks/{endpoint}/deliveries")).ReadAsync<JsonElement>();
            var hit = log.EnumerateArray().FirstOrDefault(done);
            if (hit.ValueKind != JsonValueKind.Undefined) return hit;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"no such delivery; the log: {await admin.GetStringAsync($"/api/v1/admin/webhooks/{endpoint}/deliveries")}");
    }

    [Fact]
    public async Task Registration_refuses_loopback_link_local_private_and_unresolvable_targets_unless_the_operator_allows_the_host()
    {
        var dns = new FakeDns
        {
            ["hooks.test"] = [FakeDns.PublicAddress],
            ["localhost"] = [IPAddress.Loopback, IPAddress.IPv6Loopback],
            ["intranet.test"] = [IPAddress.Parse("192.168.1.10")],
            ["mixed.test"] = [FakeDns.PublicAddress, IPAddress.Parse("10.0.0.7")],
            ["crm.internal"] = [IPAddress.Parse("10.1.2.3")],
        };
        using var root = new CtiApiFactory(new() { ["Webhooks:AllowHttp"] = "true", ["Webhooks:AllowedInternalHosts:0"] = "crm.internal" });
        using var host = Host(root, new Receiver(), dns);
        var admin = await AdminAsync(host);

        foreach (var url in new[]
                 {
                     "http://127.0.0.1:9/x", "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/", "http://172.16.3.4/", "http://192.168.0.1/",
                     "http://[::1]/", "http://[fe80::1]/", "http://[fd00::5]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/",
                     "http://localhost/", "http://intranet.test/", "http://mixed.test/", "http://nowhere.test/", "http://2130706433/",
                 })
        {
            var refused = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url });
            await Problem.AssertAsync(refused, 400, "webhook_target_not_allowed");
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("10.0.0.7", body); // the tenant learns nothing about what the name resolves to
            Assert.DoesNotContain("192.168", body.Replace(url, "", StringComparison.Ordinal));
        }
        var created = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<JsonElement>()).GetProperty("endpoint").GetProperty("id").GetGuid();
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/v1/admin/webhooks/{id}", new { url = "http://169.254.169.254/" }), 400, "webhook_target_not_allowed");
        // The operator's listed internal host is allowed.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://crm.internal/hook" })).StatusCode);
    }

    [Fact]
    public async Task Delivery_checks_the_target_again_when_the_name_now_resolves_inside_and_the_log_shows_a_generic_error()
    {
        var dns = new FakeDns { ["hooks.test"] = [FakeDns.PublicAddress] };
        var receiver = new Receiver();
        using var root = new CtiApiFactory(new() { ["Webhooks:AllowHttp"] = "true" });
        using var host = Host(root, receiver, dns);
        var admin = await AdminAsync(host);
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "agentStateChanged" } })).ReadAsync<JsonElement>();
        var id = created.GetProperty("endpoint").GetProperty("id").GetGuid();

        dns["hooks.test"] = [FakeDns.PublicAddress, IPAddress.Parse("127.0.0.1")]; // DNS changed after registration
        var agent = await AdminAsync(host, "agent1");
        await agent.LoginReadyAsync();
        var refused = await DeliveryAsync(admin, id, d => d.GetProperty("attempts").GetInt32() >= 1);
        Assert.Empty(receiver.Requests);
        Assert.Equal("Target not allowed", refused.GetProperty("lastError").GetString());

        // A network error's detail (which names addresses) stays in the server log.
        dns["hooks.test"] = [FakeDns.PublicAddress];
        receiver.Answer = _ => throw new HttpRequestException("Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused));
        await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Meeting" });
        var failed = await DeliveryAsync(admin, id, d => d.GetProperty("eventType").GetString() == "agentStateChanged"
            && d.GetProperty("attempts").GetInt32() >= 1 && d.GetProperty("lastError").GetString() != "Target not allowed");
        Assert.Equal("Connection failed", failed.GetProperty("lastError").GetString());
        Assert.NotEmpty(receiver.Requests);
    }

    /// <summary>The outbox fails as SQLite does under load ("database is locked") for its first calls.</summary>
    private sealed class FailingOutbox(IWebhookOutbox inner, Failures failures) : IWebhookOutbox
    {
        private void MaybeFail()
        {
            if (Interlocked.Decrement(ref failures.Left) >= 0) throw new InvalidOperationException("SQLite Error 5: 'database is locked'.");
        }

        public Task<IReadOnlyList<(Guid TenantId, Guid Id, IReadOnlyList<string> Types)>> EnabledEndpointsAsync(CancellationToken ct = default) => inner.EnabledEndpointsAsync(ct);
        public Task EnqueueAsync(Guid tenantId, IEnumerable<Guid> endpointIds, string eventType, string payload, DateTimeOffset now, CancellationToken ct = default)
        {
            var eventId = JsonDocument.Parse(payload).RootElement.GetProperty("id").GetGuid();
            failures.Tried.Add(eventId);
            if (Interlocked.Decrement(ref failures.EnqueueLeft) >= 0) throw new InvalidOperationException("SQLite Error 5: 'database is locked'.");
            failures.Recorded.Add(eventId);
            return inner.EnqueueAsync(tenantId, endpointIds, eventType, payload, now, ct);
        }
        public Task<IReadOnlyList<DueDelivery>> DueAsync(DateTimeOffset now, int take, CancellationToken ct = default) { MaybeFail(); return inner.DueAsync(now, take, ct); }
        public Task RecordAttemptAsync(long id, bool delivered, string? error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken ct = default)
        { MaybeFail(); return inner.RecordAttemptAsync(id, delivered, error, now, retryAt, ct); }
    }

    private sealed class Failures
    {
        public int Left = 2;
        public int EnqueueLeft;
        public readonly ConcurrentBag<Guid> Tried = new(), Recorded = new();
    }

    [Fact]
    public async Task The_delivery_loop_survives_errors_of_its_store_and_delivers_afterwards()
    {
        var dns = new FakeDns { ["hooks.test"] = [FakeDns.PublicAddress] };
        var receiver = new Receiver();
        var failures = new Failures();
        using var root = new CtiApiFactory(new() { ["Webhooks:AllowHttp"] = "true" });
        using var host = Host(root, receiver, dns, s => s.AddScoped<IWebhookOutbox>(sp => new FailingOutbox(sp.GetRequiredService<WebhookStore>(), failures)));
        var admin = await AdminAsync(host);
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "agentStateChanged" } })).ReadAsync<JsonElement>();
        var id = created.GetProperty("endpoint").GetProperty("id").GetGuid();

        var agent = await AdminAsync(host, "agent1");
        await agent.LoginReadyAsync();
        var delivered = await DeliveryAsync(admin, id, d => d.GetProperty("status").GetString() == "Delivered");
        Assert.True(failures.Left < 0, "the store failed");
        Assert.NotEmpty(receiver.Requests);
        _ = delivered;

        // And it keeps going: a later event is delivered too.
        var before = receiver.Requests.Count;
        (await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Meeting" })).EnsureSuccessStatusCode();
        for (var i = 0; i < 300 && receiver.Requests.Count <= before; i++) await Task.Delay(50);
        Assert.True(receiver.Requests.Count > before,
            $"the Not Ready change was not delivered; delivery log: {await admin.GetStringAsync($"/api/v1/admin/webhooks/{id}/deliveries")}");
    }

    [Fact]
    public async Task An_event_whose_deliveries_could_not_be_recorded_is_recorded_again_and_delivered_not_dropped()
    {
        var dns = new FakeDns { ["hooks.test"] = [FakeDns.PublicAddress] };
        var receiver = new Receiver();
        var failures = new Failures { Left = 0, EnqueueLeft = 2 };
        using var root = new CtiApiFactory(new() { ["Webhooks:AllowHttp"] = "true" });
        using var host = Host(root, receiver, dns, s => s.AddScoped<IWebhookOutbox>(sp => new FailingOutbox(sp.GetRequiredService<WebhookStore>(), failures)));
        var admin = await AdminAsync(host);
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "agentStateChanged" } })).ReadAsync<JsonElement>();
        var id = created.GetProperty("endpoint").GetProperty("id").GetGuid();

        var agent = await AdminAsync(host, "agent1");
        await agent.LoginReadyAsync();

        // The first event's recording failed twice; it is recorded all the same (with the id it got), then delivered.
        await DeliveryAsync(admin, id, d => d.GetProperty("status").GetString() == "Delivered");
        Assert.True(failures.EnqueueLeft < 0, "recording failed");
        await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Meeting" });
        // Every event tried so far ends up recorded (later events may come meanwhile: compare with a snapshot).
        for (var i = 0; i < 200 && failures.Tried.Distinct().Count() < 2; i++) await Task.Delay(50); // the Not Ready change too
        var tried = failures.Tried.Distinct().ToList();
        for (var i = 0; i < 200 && !tried.All(failures.Recorded.Contains); i++) await Task.Delay(50);
        Assert.All(tried, id => Assert.Contains(id, failures.Recorded));
        Assert.True(tried.Count >= 2);
    }
}
