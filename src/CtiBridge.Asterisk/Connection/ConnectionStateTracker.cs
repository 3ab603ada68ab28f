using CtiBridge.Asterisk.Observability;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Asterisk.Connection;

/// <summary>Holds a connection's status and raises the change event, containing subscriber exceptions.</summary>
internal sealed class ConnectionStateTracker(string name, object sender, ILogger logger, TimeProvider time)
{
    private readonly object _gate = new();
    private ConnectionStatus _status = new(ConnectionState.Disconnected, time.GetUtcNow());
    private bool _everUp; // a later connection is a reconnect

    public event EventHandler<ConnectionStateChangedEventArgs>? Changed;

    public ConnectionStatus Status { get { lock (_gate) return _status; } }

    public void Set(ConnectionState state, int attempt = 0, Exception? error = null, string? reason = null, TimeSpan? retryIn = null)
    {
        ConnectionStatus previous, current;
        bool everUpBefore;
        lock (_gate)
        {
            previous = _status;
            var now = time.GetUtcNow();
            string? lastError = reason ?? (error is null ? null : Describe(error));
            if (state != ConnectionState.Connected && lastError is null) lastError = previous.LastError;
            current = new ConnectionStatus(
                state,
                previous.State == state ? previous.Since : now,
                attempt,
                state == ConnectionState.Connected ? null : lastError,
                state == ConnectionState.Connected ? now : null,
                retryIn);
            if (current == previous) return;
            _status = current;
            everUpBefore = _everUp;
            if (current.IsHealthy) _everUp = true;
        }
        AsteriskMetrics.ConnectionChanged(name, previous.IsHealthy, current.IsHealthy, everUpBefore);
        if (previous.State != current.State)
            logger.LogInformation("{Connection} connection state {Previous} -> {Current}{Reason}", name, previous.State, current.State,
                current.LastError is { } e ? " (" + e + ")" : "");
        if (Changed is { } handler)
            ContainedEvents.Raise(handler, sender, new ConnectionStateChangedEventArgs(name, previous, current, error), logger, name + " StateChanged");
    }

    /// <summary>A one-line description of an exception chain, for logs and health output.</summary>
    public static string Describe(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e is not null && parts.Count < 4; e = e.InnerException)
            if (parts.Count == 0 || !parts[^1].Contains(e.Message, StringComparison.Ordinal)) parts.Add(e.Message);
        return string.Join(": ", parts);
    }
}
