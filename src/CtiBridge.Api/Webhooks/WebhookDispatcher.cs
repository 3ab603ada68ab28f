using System.Diagnostics;
using System.Diagnostics.Metrics;
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
/// network errors with exponential backoff (<see cref="Backoff"/>) up to <see cref="MaxAttempts"/> times. Every target is
/// checked again before each delivery (<see cref="WebhookTargetPolicy"/>). The delivery log shows tenants a generic
/// reason for a failed attempt; the detail (which may name addresses of the server's network) goes to the server log.
/// The loops survive any error of the store (e.g. SQLite "database is locked"): they log it and try again.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, WebhookTargetPolicy targets,
    ILogger<WebhookDispatcher> log, IMeterFactory meters)
    : BackgroundService, ICallCenterEventObserver
{
    /// <summary>
    /// The meter of webhook deliveries: <c>ctibridge.webhook.deliveries</c> (each attempt, labelled <c>event</c> and
    /// <c>outcome</c>: <c>delivered</c>, <c>failed</c> (will be retried) or <c>abandoned</c> (the last attempt failed))
    /// and <c>ctibridge.webhook.delivery.duration</c> (s, by <c>outcome</c>).
    /// </summary>
    public const string MeterName = "CtiBridge.Webhooks";

    private readonly Counter<long> _deliveries = meters.Create(MeterName).CreateCounter<long>("ctibridge.webhook.deliveries", "{attempt}",
        "Webhook delivery attempts by outcome.");
    private readonly Histogram<double> _deliveryDuration = meters.Create(MeterName).CreateHistogram<double>("ctibridge.webhook.delivery.duration", "s",
        "Time of one webhook POST (until the answer, an error or the 10 s limit).");

    public const string HttpClientName = "webhooks";
    public const int MaxAttempts = 8;
    public static readonly string[] EventTypes = ["agentStateChanged", "callOffered", "callStateChanged", "participantsChanged", "callEnded"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Channel<CallCenterEvent> _events = Channel.CreateUnbounded<CallCenterEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _wake = new(0);
    private volatile IReadOnlyList<(Guid TenantId, Guid Id, IReadOnlyList<string> Types)>? _endpoints;
    /// <summary>Raised by every admin change of endpoints: a list read while one was being saved is used once, not kept.</summary>
    private int _endpointsVersion;

    /// <summary>Delay before attempt n+1 after n failed attempts: 2^n seconds (2 s, 4 s … about 4 minutes), capped at one hour.</summary>
    public static TimeSpan Backoff(int failedAttempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, failedAttempts)));

    /// <summary>The signature header value for a body sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexString(mac).ToLowerInvariant()}";
    }

    /// <summary>Looks for due deliveries now (a delivery an admin put back in the outbox).</summary>
    public void Wake() => _wake.Release();

    /// <summary>Forget the cached endpoint list (after an admin change).</summary>
    public void EndpointsChanged()
    {
        Interlocked.Increment(ref _endpointsVersion);
        _endpoints = null;
    }

    private async Task<IReadOnlyList<(Guid TenantId, Guid Id, IReadOnlyList<string> Types)>> EndpointsAsync(IWebhookOutbox store, CancellationToken ct)
    {
        if (_endpoints is { } cached) return cached;
        var version = Volatile.Read(ref _endpointsVersion);
        var read = await store.EnabledEndpointsAsync(ct);
        if (version == Volatile.Read(ref _endpointsVersion)) _endpoints = read;
        return read;
    }

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
                // An event is not dropped because the store failed (SQLite "database is locked" under load): it is
                // recorded again after a pause, once, with the id and time it got the first time.
                var occurredAt = clock.GetUtcNow();
                var payload = JsonSerializer.Serialize(new { id = Guid.NewGuid(), type = e.Name, tenantId = e.TenantId, occurredAt, data = (object)e }, Json);
                for (var failures = 0; ; )
                {
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        var store = scope.ServiceProvider.GetRequiredService<IWebhookOutbox>();
                        var endpoints = await EndpointsAsync(store, ct);
                        var targets = endpoints.Where(x => x.TenantId == e.TenantId && (x.Types.Count == 0 || x.Types.Contains(e.Name))).Select(x => x.Id).ToList();
                        if (targets.Count > 0)
                        {
                            await store.EnqueueAsync(e.TenantId, targets, e.Name, payload, occurredAt, ct);
                            _wake.Release();
                        }
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException && failures < MaxRecordFailures)
                    {
                        failures++;
                        log.LogWarning(ex, "Recording webhook deliveries for {Event} failed ({Failures} in a row); trying again", e.Name, failures);
                        await Task.Delay(ErrorPause(failures), clock, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        log.LogError(ex, "Recording webhook deliveries for {Event} failed {Failures} times; the event is not delivered", e.Name, failures + 1);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    /// <summary>How often recording one event's deliveries is tried again before it is given up (about 2 minutes).</summary>
    public const int MaxRecordFailures = 8;

    /// <summary>Delay before polling again after <paramref name="failures"/> store errors in a row: 1 s doubling to 30 s.</summary>
    public static TimeSpan ErrorPause(int failures) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Max(0, failures - 1))));

    private async Task DeliverLoopAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), ct);
                while (_wake.CurrentCount > 0) await _wake.WaitAsync(ct);
                IReadOnlyList<DueDelivery> due;
                await using (var scope = scopes.CreateAsyncScope())
                    due = await scope.ServiceProvider.GetRequiredService<IWebhookOutbox>().DueAsync(clock.GetUtcNow(), 50, ct);
                await Task.WhenAll(due.Select(d => DeliverAsync(d, ct)));
                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                // Never end the loop: every tenant's deliveries would stay Pending until a restart. What was not recorded
                // is still Pending (or due again) and is picked up by a later round.
                failures++;
                log.LogError(ex, "Webhook delivery round failed ({Failures} in a row); trying again", failures);
                try { await Task.Delay(ErrorPause(failures), clock, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task DeliverAsync(DueDelivery d, CancellationToken ct)
    {
        string? error = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (await targets.RefusalAsync(new Uri(d.Url), ct) is { } reason)
            {
                log.LogWarning("Webhook delivery {Id} of tenant {Tenant} to {Url} not sent: {Reason}", d.Id, d.TenantId, d.Url, reason);
                error = TargetNotAllowed;
            }
            else
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
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            error = ex switch
            {
                OperationCanceledException => "Timed out",
                HttpRequestException => "Connection failed",
                _ => "Delivery failed",
            };
            log.LogInformation(ex, "Webhook delivery {Id} of tenant {Tenant} to {Url}: {Error}", d.Id, d.TenantId, d.Url, error);
        }
        var now = clock.GetUtcNow();
        var attempts = d.Attempts + 1;
        DateTimeOffset? retryAt = error is null || attempts >= MaxAttempts ? null : now + Backoff(attempts);
        var outcome = error is null ? "delivered" : retryAt is null ? "abandoned" : "failed";
        _deliveryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        _deliveries.Add(1, new KeyValuePair<string, object?>("event", d.EventType), new KeyValuePair<string, object?>("outcome", outcome));
        if (error is not null) log.LogInformation("Webhook delivery {Id} to {Url} failed ({Error}); attempt {Attempt} of {Max}", d.Id, d.Url, error, attempts, MaxAttempts);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IWebhookOutbox>().RecordAttemptAsync(d.Id, error is null, error, now, retryAt, ct);
    }

    /// <summary>The delivery log's reason when the target resolves to an address that is not allowed.</summary>
    public const string TargetNotAllowed = "Target not allowed";
}
