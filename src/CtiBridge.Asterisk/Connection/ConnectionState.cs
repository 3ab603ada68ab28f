namespace CtiBridge.Asterisk.Connection;

/// <summary>Where a long-lived Asterisk connection (ARI WebSocket, AMI TCP session) is.</summary>
public enum ConnectionState
{
    /// <summary>Not started, or stopped/disposed. No reconnect is pending.</summary>
    Disconnected = 0,
    /// <summary>The first connection attempt is running.</summary>
    Connecting = 1,
    /// <summary>Connected and (for AMI) logged in: actions and events flow.</summary>
    Connected = 2,
    /// <summary>The connection was lost or an attempt failed; waiting out a backoff delay or retrying.</summary>
    Reconnecting = 3,
}

/// <summary>A health-friendly snapshot of a connection.</summary>
/// <param name="State">Current state.</param>
/// <param name="Since">When the current state was entered.</param>
/// <param name="Attempt">Failed attempts since the last successful connection (0 when connected).</param>
/// <param name="LastError">Why the last attempt or connection failed, in words; null when none.</param>
/// <param name="ConnectedSince">When the current connection was established; null when not connected.</param>
/// <param name="RetryIn">While reconnecting: the backoff delay before the next attempt.</param>
public sealed record ConnectionStatus(
    ConnectionState State,
    DateTimeOffset Since,
    int Attempt = 0,
    string? LastError = null,
    DateTimeOffset? ConnectedSince = null,
    TimeSpan? RetryIn = null)
{
    /// <summary>True when the connection is usable.</summary>
    public bool IsHealthy => State == ConnectionState.Connected;
}

/// <summary>Raised when a connection changes state.</summary>
public sealed class ConnectionStateChangedEventArgs(string connectionName, ConnectionStatus previous, ConnectionStatus current, Exception? error)
    : EventArgs
{
    /// <summary>"ARI" or "AMI" (for logs and health pages).</summary>
    public string ConnectionName { get; } = connectionName;
    public ConnectionStatus Previous { get; } = previous;
    public ConnectionStatus Current { get; } = current;
    public ConnectionState State => Current.State;
    /// <summary>The failure that caused the change, if any.</summary>
    public Exception? Error { get; } = error;
}

/// <summary>Why the application should re-read Asterisk's state (Asterisk does not replay missed events).</summary>
public enum ResyncReason
{
    /// <summary>The first connection was established.</summary>
    Connected,
    /// <summary>A connection was re-established after a loss: events in between are gone.</summary>
    Reconnected,
    /// <summary>A subscriber's bounded queue overflowed and events were dropped.</summary>
    EventsDropped,
}

/// <summary>Raised when the application should list channels/bridges again to rebuild its picture.</summary>
public sealed class ResyncEventArgs(ResyncReason reason, long droppedEvents = 0) : EventArgs
{
    public ResyncReason Reason { get; } = reason;
    /// <summary>For <see cref="ResyncReason.EventsDropped"/>: how many events were dropped so far.</summary>
    public long DroppedEvents { get; } = droppedEvents;
}

/// <summary>Implemented by both Asterisk clients: state for health checks and the toolbar.</summary>
public interface IConnectionStateSource
{
    /// <summary>"ARI" or "AMI".</summary>
    string ConnectionName { get; }
    ConnectionStatus Status { get; }
    /// <summary>Raised on every state change, on the connection's supervisor task; handlers must not block.</summary>
    event EventHandler<ConnectionStateChangedEventArgs>? StateChanged;
}
