using Microsoft.Extensions.Logging;

namespace CtiBridge.Asterisk.Connection;

/// <summary>
/// Raises an event so that each handler runs even when another throws, and no handler's exception reaches the
/// connection loop that raised it (a thrown handler must never close a socket).
/// </summary>
internal static class ContainedEvents
{
    public static void Raise<T>(EventHandler<T>? handler, object sender, T args, ILogger logger, string what)
    {
        if (handler is null) return;
        foreach (var h in handler.GetInvocationList().Cast<EventHandler<T>>())
        {
            try { h(sender, args); }
            catch (Exception ex) { logger.LogError(ex, "{Event} handler threw; the exception was contained", what); }
        }
    }
}
