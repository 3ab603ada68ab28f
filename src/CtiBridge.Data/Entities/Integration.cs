namespace CtiBridge.Data.Entities;

/// <summary>What an API key may do.</summary>
[Flags]
public enum ApiKeyScopes
{
    None = 0,
    Read = 1,
    CallControl = 2,
    Admin = 4,
}

/// <summary>A key for server-to-server integrations; only its SHA-256 hash is stored.</summary>
public class ApiKey : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the key, shown to admins and used to find the row.</summary>
    public string Prefix { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public ApiKeyScopes Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A URL that receives signed event notifications.</summary>
public class WebhookEndpoint : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Url { get; set; } = "";
    /// <summary>
    /// HMAC secret for signatures, encrypted by the application before it is stored (<c>dp1:</c> + Data Protection
    /// payload; docs/auth.md). Rows of older versions may still hold it in plain text until the next start.
    /// </summary>
    public string Secret { get; set; } = "";
    /// <summary>Comma-separated event type names; empty = all.</summary>
    public string EventTypes { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where a webhook delivery is.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One attempt series to deliver one event to one endpoint.</summary>
public class WebhookDelivery : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid EndpointId { get; set; }
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}
