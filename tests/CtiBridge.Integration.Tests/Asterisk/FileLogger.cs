using Microsoft.Extensions.Logging;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>
/// When <c>CTI_TEST_LOG_FILE</c> names a file, the adapters and engines of the real-Asterisk tests log there (appended,
/// with the time), to see what a failing test's processes did; otherwise nothing is logged.
/// </summary>
internal sealed class FileLogger<T>(string path) : ILogger<T>
{
    private static readonly object Gate = new();

    public static ILogger<T> FromEnvironment() =>
        Environment.GetEnvironmentVariable("CTI_TEST_LOG_FILE") is { Length: > 0 } path
            ? new FileLogger<T>(path)
            : Microsoft.Extensions.Logging.Abstractions.NullLogger<T>.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {typeof(T).Name}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}";
        lock (Gate) File.AppendAllText(path, line + Environment.NewLine);
    }
}
