using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CtiBridge.Api.Events;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;

namespace CtiBridge.Api.Webhooks;

/// <summary>
/// Webhooks: call and agent events (agentStateChanged, callOffered, callStateChanged, participantsChanged,
/// callEnded) become rows of the delivery log (an outbox, so a restart loses nothing) for every enabled
/// endpoint of the event's tenant that subscribes to the type (empty list = all); a worker POSTs them as
/// JSON <c>{ id, type, tenantId, occurredAt, data }</c> signed with HMAC-SHA256 of
/// <c>timestamp + "." + body</c> under the endpoint's secret (header
/// <c>X-CtiBridge-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>), retrying non-2xx answers and
/// network errors with exponential backoff (<see cref="Backoff"/>) up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, ILogger<WebhookDispatcher> log)
    : BackgroundService, ICallCenterEventObserver
{
    public const string HttpClientName = "webhooks";
    public const int MaxAttempts = 8;
    public static readonly string[] EventTypes = ["agentStateChanged", "callOffered", "callStateChanged", "participantsChanged", "callEnded"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Channel<CallCenterEvent> _events = Channel.CreateUnbounded<CallCenterEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _wake = new(0);
    private volatile IReadOnlyList<(Guid TenantId, Guid Id, IReadOnlyList<string> Types)>? _endpoints;

    /// <summary>Delay before attempt n+1 after n failed attempts: 2^n seconds (2 s, 4 s … about 4 minutes), capped at one hour.</summary>
    public static TimeSpan Backoff(int failedAttempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, failedAttempts)));

    /// <summary>The signature header value for a body sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexString(mac).ToLowerInvariant()}";
    }

    /// <summary>Forget the cached endpoint list (after an admin change).</summary>
    public void EndpointsChanged() => _endpoints = null;

    public void OnEvent(CallCenterEvent e)
    {
        if (Array.IndexOf(EventTypes, e.Name) >= 0) _events.Writer.TryWrite(e);
    }

    protected override Task ExecuteAsync(CancellationToken ct) => Task.WhenAll(RecordLoopAsync(ct), DeliverLoopAsync(ct));

    private async Task RecordLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var e in _events.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var store = scope.ServiceProvider.GetRequiredService<WebhookStore>();
                    _endpoints ??= await store.EnabledEndpointsAsync(ct);
                    var targets = _endpoints.Where(x => x.TenantId == e.TenantId && (x.Types.Count == 0 || x.Types.Contains(e.Name))).Select(x => x.Id).ToList();
                    if (targets.Count == 0) continue;
                    var now = clock.GetUtcNow();
                    var payload = JsonSerializer.Serialize(new { id = Guid.NewGuid(), type = e.Name, tenantId = e.TenantId, occurredAt = now, data = (object)e }, Json);
                    await store.EnqueueAsync(e.TenantId, targets, e.Name, payload, now, ct);
                    _wake.Release();
                }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Recording webhook deliveries for {Event} failed", e.Name); }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task DeliverLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), ct);
                while (_wake.CurrentCount > 0) await _wake.WaitAsync(ct);
                IReadOnlyList<DueDelivery> due;
                await using (var scope = scopes.CreateAsyncScope())
                    due = await scope.ServiceProvider.GetRequiredService<WebhookStore>().DueAsync(clock.GetUtcNow(), 50, ct);
                await Task.WhenAll(due.Select(d => DeliverAsync(d, ct)));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task DeliverAsync(DueDelivery d, CancellationToken ct)
    {
        string? error = null;
        try
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new StringContent(d.Payload, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-CtiBridge-Event", d.EventType);
            request.Headers.Add("X-CtiBridge-Delivery", d.Id.ToString());
            request.Headers.Add("X-CtiBridge-Signature", Sign(d.Secret, timestamp, d.Payload));
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cts.Token);
            if (!response.IsSuccessStatusCode) error = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (!ct.IsCancellationRequested) { error = ex.GetType().Name + ": " + ex.Message; }
        var now = clock.GetUtcNow();
        var attempts = d.Attempts + 1;
        DateTimeOffset? retryAt = error is null || attempts >= MaxAttempts ? null : now + Backoff(attempts);
        if (error is not null) log.LogInformation("Webhook delivery {Id} to {Url} failed ({Error}); attempt {Attempt} of {Max}", d.Id, d.Url, error, attempts, MaxAttempts);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookStore>().RecordAttemptAsync(d.Id, error is null, error, now, retryAt, ct);
    }
}
