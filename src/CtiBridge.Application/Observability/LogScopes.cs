using System.Collections;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Observability;

/// <summary>
/// Log scopes carrying the tenant and the call a log line is about, as structured properties (<c>Tenant</c>,
/// <c>CallId</c>): the JSON console (<c>Logging:Console:FormatterName=json</c>) and the OTLP log exporter write them
/// on every line logged inside the scope, also by lower layers (the Asterisk clients) running the call's commands.
/// </summary>
public static class LogScopes
{
    public const string Tenant = "Tenant";
    public const string CallId = "CallId";

    /// <summary>A scope naming the tenant (its domain).</summary>
    public static IDisposable? BeginTenantScope(this ILogger log, string tenant) =>
        log.BeginScope(new Scope([new(Tenant, tenant)]));

    /// <summary>A scope naming the tenant and the call.</summary>
    public static IDisposable? BeginCallScope(this ILogger log, string tenant, Guid callId) =>
        log.BeginScope(new Scope([new(Tenant, tenant), new(CallId, callId)]));

    /// <summary>Structured (a list of name/value pairs, as message templates produce) and readable as text.</summary>
    private sealed class Scope(KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => values[index];
        public int Count => values.Length;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => string.Join(" ", values.Select(v => $"{v.Key}:{v.Value}"));
    }
}
