using System.Net;

namespace CtiBridge.Asterisk.Ari;

/// <summary>An ARI REST call failed: the method, path, HTTP status and Asterisk's message say what and why.</summary>
public sealed class AriException : Exception
{
    public AriException(HttpMethod method, string path, HttpStatusCode? statusCode, string? asteriskMessage, Exception? inner = null)
        : base($"ARI {method} /ari/{path} failed: " +
               (statusCode is { } s ? $"{(int)s} {s}" : "no response") +
               (string.IsNullOrEmpty(asteriskMessage) ? "" : ": " + asteriskMessage), inner)
    {
        Method = method; Path = path; StatusCode = statusCode; AsteriskMessage = asteriskMessage;
    }

    public HttpMethod Method { get; }
    public string Path { get; }
    /// <summary>Null when no HTTP response arrived (connection refused, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }
    /// <summary>The "message" of Asterisk's error body, if any.</summary>
    public string? AsteriskMessage { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
