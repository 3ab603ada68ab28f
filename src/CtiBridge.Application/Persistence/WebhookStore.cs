using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Application.Common;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Persistence;

/// <summary>A webhook endpoint as admins see it (the secret only at creation).</summary>
public sealed record WebhookEndpointInfo(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, DateTimeOffset CreatedAt)
{
    internal static WebhookEndpointInfo From(WebhookEndpoint e) =>
        new(e.Id, e.Url, WebhookStore.ParseTypes(e.EventTypes), e.Enabled, e.CreatedAt);
}

/// <summary>One delivery as the delivery log shows it.</summary>
public sealed record WebhookDeliveryInfo(long Id, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError);

/// <summary>A delivery due now, with what is needed to send it.</summary>
public sealed record DueDelivery(long Id, Guid TenantId, string Url, string Secret, string EventType, string Payload, int Attempts);

/// <summary>What the webhook delivery worker needs of the store: the outbox of deliveries (across all tenants).</summary>
public interface IWebhookOutbox
{
    /// <summary>Every enabled endpoint with its tenant and subscribed event types.</summary>
    Task<IReadOnlyList<(Guid TenantId, Guid Id, IReadOnlyList<string> Types)>> EnabledEndpointsAsync(CancellationToken ct = default);

    /// <summary>Records one pending delivery of the event per endpoint.</summary>
    Task EnqueueAsync(Guid tenantId, IEnumerable<Guid> endpointIds, string eventType, string payload, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Up to <paramref name="take"/> deliveries due at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<DueDelivery>> DueAsync(DateTimeOffset now, int take, CancellationToken ct = default);

    /// <summary>Records an attempt: delivered, retry at <paramref name="retryAt"/>, or failed for good (retryAt null).</summary>
    Task RecordAttemptAsync(long id, bool delivered, string? error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken ct = default);
}

/// <summary>
/// Webhook endpoints and the delivery log (the outbox the delivery worker works from). Signing secrets are stored
/// encrypted (<see cref="ISecretProtector"/>); plain ones of older versions are read as they are and encrypted by
/// <see cref="ProtectPlainSecretsAsync"/> at start-up.
/// </summary>
public sealed class WebhookStore(CtiDbContext db, ISecretProtector secrets) : IWebhookOutbox
{
    public static IReadOnlyList<string> ParseTypes(string types) =>
        types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<IReadOnlyList<WebhookEndpointInfo>> ListAsync(Guid tenantId, CancellationToken ct = default) =>
        (await db.ScopeToTenant(tenantId).WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct)).Select(WebhookEndpointInfo.From).ToList();

    public async Task<WebhookEndpointInfo> CreateAsync(Guid tenantId, string url, string secret, IEnumerable<string> types, bool enabled, DateTimeOffset now, CancellationToken ct = default)
    {
        var e = new WebhookEndpoint { TenantId = tenantId, Url = url, Secret = secrets.Protect(secret), EventTypes = string.Join(',', types), Enabled = enabled, CreatedAt = now };
        db.ScopeToTenant(tenantId).WebhookEndpoints.Add(e);
        await db.SaveChangesAsync(ct);
        return WebhookEndpointInfo.From(e);
    }

    public async Task<WebhookEndpointInfo?> UpdateAsync(Guid tenantId, Guid id, string url, IEnumerable<string> types, bool enabled, CancellationToken ct = default)
    {
        var e = await db.ScopeToTenant(tenantId).WebhookEndpoints.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        e.Url = url; e.EventTypes = string.Join(',', types); e.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        return WebhookEndpointInfo.From(e);
    }

    public async Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        var e = await db.ScopeToTenant(tenantId).WebhookEndpoints.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return false;
        db.WebhookDeliveries.RemoveRange(db.WebhookDeliveries.Where(d => d.EndpointId == id));
        db.WebhookEndpoints.Remove(e);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<WebhookDeliveryInfo>?> DeliveriesAsync(Guid tenantId, Guid endpointId, int take, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, ct)) return null;
        return (await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId).OrderByDescending(d => d.Id).Take(take).ToListAsync(ct))
            .Select(d => new WebhookDeliveryInfo(d.Id, d.EventType, d.Status.ToString(), d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastError)).ToList();
    }

    /// <summary>
    /// Puts a failed delivery back in the outbox, due at <paramref name="now"/>: the worker tries it once more (its attempts
    /// are kept, so one more failure fails it again). Null when the endpoint or the delivery is not the tenant's; refused
    /// (409) when the delivery has not failed or the endpoint is disabled.
    /// </summary>
    public async Task<WebhookDeliveryInfo?> RetryAsync(Guid tenantId, Guid endpointId, long deliveryId, DateTimeOffset now, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        var d = endpoint is null ? null : await db.WebhookDeliveries.FirstOrDefaultAsync(x => x.Id == deliveryId && x.EndpointId == endpointId, ct);
        if (endpoint is null || d is null) return null;
        if (d.Status != WebhookDeliveryStatus.Failed)
            throw new CtiException(ErrorCodes.WebhookDeliveryNotFailed, $"Delivery {d.Id} is {d.Status.ToString().ToLowerInvariant()}: only a failed delivery can be retried.");
        if (!endpoint.Enabled)
            throw new CtiException(ErrorCodes.WebhookEndpointDisabled, "The endpoint is disabled: enable it before retrying its deliveries.");
        d.Status = WebhookDeliveryStatus.Pending;
        d.NextAttemptAt = now;
        await db.SaveChangesAsync(ct);
        return new WebhookDeliveryInfo(d.Id, d.EventType, d.Status.ToString(), d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastError);
    }

    /// <summary>Enabled endpoints of every tenant with their subscribed types (the worker's routing table).</summary>
    public async Task<IReadOnlyList<(Guid TenantId, Guid Id, IReadOnlyList<string> Types)>> EnabledEndpointsAsync(CancellationToken ct = default) =>
        (await db.ScopeToSystem().WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(ct))
            .Select(e => (e.TenantId, e.Id, ParseTypes(e.EventTypes))).ToList();

    /// <summary>Adds pending deliveries (one per endpoint) for one event.</summary>
    public async Task EnqueueAsync(Guid tenantId, IEnumerable<Guid> endpointIds, string eventType, string payload, DateTimeOffset now, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        foreach (var id in endpointIds)
            db.WebhookDeliveries.Add(new WebhookDelivery { TenantId = tenantId, EndpointId = id, EventType = eventType, Payload = payload, Status = WebhookDeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Pending deliveries whose next attempt is due.</summary>
    public async Task<IReadOnlyList<DueDelivery>> DueAsync(DateTimeOffset now, int take, CancellationToken ct = default)
    {
        db.ScopeToSystem();
        var due = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id).Take(take).ToListAsync(ct);
        if (due.Count == 0) return [];
        var ids = due.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return due.Where(d => endpoints.ContainsKey(d.EndpointId))
            .Select(d => new DueDelivery(d.Id, d.TenantId, endpoints[d.EndpointId].Url, secrets.Unprotect(endpoints[d.EndpointId].Secret), d.EventType, d.Payload, d.Attempts)).ToList();
    }

    /// <summary>Encrypts the secrets an older version stored in plain text; returns how many.</summary>
    public async Task<int> ProtectPlainSecretsAsync(CancellationToken ct = default)
    {
        var plain = (await db.ScopeToSystem().WebhookEndpoints.ToListAsync(ct)).Where(e => !secrets.IsProtected(e.Secret)).ToList();
        foreach (var e in plain) e.Secret = secrets.Protect(e.Secret);
        if (plain.Count > 0) await db.SaveChangesAsync(ct);
        return plain.Count;
    }

    /// <summary>Records an attempt: delivered, retry at <paramref name="retryAt"/>, or failed for good (retryAt null).</summary>
    public async Task RecordAttemptAsync(long id, bool delivered, string? error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken ct = default)
    {
        var d = await db.ScopeToSystem().WebhookDeliveries.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return;
        d.Attempts++;
        if (error is not null) d.LastError = error.Length > 500 ? error[..500] : error; // kept after a later success, for the log
        if (delivered) { d.Status = WebhookDeliveryStatus.Delivered; d.DeliveredAt = now; d.NextAttemptAt = null; }
        else if (retryAt is { } at) d.NextAttemptAt = at;
        else { d.Status = WebhookDeliveryStatus.Failed; d.NextAttemptAt = null; }
        await db.SaveChangesAsync(ct);
    }
}
