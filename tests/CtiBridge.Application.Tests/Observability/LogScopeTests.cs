using System.Collections.Concurrent;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Observability;
using CtiBridge.Application.Pbx;
using CtiBridge.Application.Tests.CallCenter;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Tests.Observability;

public sealed class LogScopeTests
{
    /// <summary>A logger that keeps each line with the scopes it was logged in (as a host's providers see them).</summary>
    private sealed class CapturingLogger : ILogger<CallCenterService>
    {
        public LoggerExternalScopeProvider Scopes { get; } = new();
        public ConcurrentQueue<(LogLevel Level, string Message, Dictionary<string, object?> Scope)> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue((logLevel, formatter(state, exception), CurrentScope()));

        /// <summary>The structured properties of the scopes active here and now.</summary>
        public Dictionary<string, object?> CurrentScope()
        {
            var d = new Dictionary<string, object?>();
            Scopes.ForEachScope((scope, acc) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (k, v) in pairs) acc[k] = v;
            }, d);
            return d;
        }
    }

    [Fact]
    public async Task A_calls_PBX_commands_and_their_failures_are_logged_with_the_tenant_and_the_call_id_in_scope()
    {
        var log = new CapturingLogger();
        Dictionary<string, object?>? scopeSeenByThePbx = null;
        Guid? acceptedCall = null;
        // Answering the caller fails, as a PBX that refuses would; what the adapter would log meanwhile is in scope.
        var (_, sim, _, _, _, _) = SimulatorProxy.Start((method, args) =>
        {
            if (method.Name != nameof(IPbx.AcceptCallAsync)) return null;
            scopeSeenByThePbx = log.CurrentScope();
            acceptedCall = (Guid)args[0]!;
            return Task.FromException(new InvalidOperationException("the PBX refused"));
        }, log);

        sim.PlaceCall("acme", "Sales", "5551234");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!log.Lines.Any(l => l.Message.Contains("the PBX refused")) && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.NotNull(acceptedCall);
        Assert.Equal("acme", scopeSeenByThePbx![LogScopes.Tenant]);
        Assert.Equal(acceptedCall, scopeSeenByThePbx[LogScopes.CallId]);
        var failure = Assert.Single(log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("the PBX refused"));
        Assert.Equal("acme", failure.Scope[LogScopes.Tenant]);
        Assert.Equal(acceptedCall, failure.Scope[LogScopes.CallId]);
        // Outside the call's work nothing stays in scope.
        Assert.Empty(log.CurrentScope());
    }
}
