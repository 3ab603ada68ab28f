using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CtiBridge.Asterisk.Tests.Fakes;

/// <summary>Routes client logs into the test output (shown when a test fails).</summary>
internal sealed class XunitLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    /// <summary>Every line logged at Warning or above, for tests that assert a quiet log.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {typeof(T).Name}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}";
        if (logLevel >= LogLevel.Warning) Warnings.Enqueue(line);
        if (Environment.GetEnvironmentVariable("CTI_TEST_LOG") == "1") Console.Error.WriteLine(line);
        try { output.WriteLine(line); }
        catch (InvalidOperationException) { /* the test already finished */ }
    }
}
