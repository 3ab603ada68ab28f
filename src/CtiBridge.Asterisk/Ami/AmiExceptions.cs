namespace CtiBridge.Asterisk.Ami;

/// <summary>Base of AMI failures.</summary>
public class AmiException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The byte stream is not valid AMI (the connection is dropped and re-established).</summary>
public sealed class AmiProtocolException(string message) : AmiException(message);

/// <summary>Asterisk refused the login (wrong Username/Secret, or the peer is not permitted).</summary>
public sealed class AmiAuthenticationException(string message) : AmiException(message);

/// <summary>No logged-in AMI connection is available right now.</summary>
public sealed class AmiNotConnectedException(string message) : AmiException(message);

/// <summary>The connection was lost while the action waited for its response.</summary>
public sealed class AmiConnectionLostException(string message, Exception? inner = null) : AmiException(message, inner);

/// <summary>No response arrived within <see cref="AmiOptions.ActionTimeout"/>.</summary>
public sealed class AmiTimeoutException(string message) : AmiException(message);

/// <summary>Asterisk answered <c>Response: Error</c>.</summary>
public sealed class AmiActionException(string action, AmiMessage response)
    : AmiException($"AMI action {action} failed: {response.Message ?? response.Response ?? "error"}")
{
    public string Action { get; } = action;
    public AmiMessage Response { get; } = response;
}
