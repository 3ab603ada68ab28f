using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>Records what the adapter reports and lets a test wait for an event (timeouts are failure guards only).</summary>
public sealed class RecordingPbxHandler : IPbxEventHandler
{
    private readonly object _gate = new();
    private readonly List<object> _events = [];
    private readonly List<(Func<object, bool> Match, TaskCompletionSource<object> Done)> _waiters = [];

    public sealed record Answered(string LegId);
    public sealed record Ended(string LegId, CallEndReason Cause);
    public sealed record Dtmf(string LegId, char Digit);
    public sealed record PlaybackFinished(string LegId);
    public sealed record Connection(bool Connected, string Description);

    public void OnIncomingLeg(IncomingLeg leg) => Add(leg);
    public void OnLegAnswered(string legId) => Add(new Answered(legId));
    public void OnLegEnded(string legId, CallEndReason cause) => Add(new Ended(legId, cause));
    public void OnDtmf(string legId, char digit) => Add(new Dtmf(legId, digit));
    public void OnPlaybackFinished(string legId) => Add(new PlaybackFinished(legId));
    public void OnDeviceChanged(DeviceStatus status) => Add(status);
    public void OnConnectionChanged(bool connected, string description) => Add(new Connection(connected, description));

    /// <summary>Appended to a timed-out wait's message (e.g. the tail of Asterisk's console).</summary>
    public Func<string>? Diagnostics { get; set; }

    public IReadOnlyList<object> Events { get { lock (_gate) return _events.ToList(); } }

    public IReadOnlyList<T> Of<T>() { lock (_gate) return _events.OfType<T>().ToList(); }

    private void Add(object e)
    {
        List<TaskCompletionSource<object>> done = [];
        lock (_gate)
        {
            _events.Add(e);
            foreach (var w in _waiters.ToList())
                if (w.Match(e)) { _waiters.Remove(w); done.Add(w.Done); }
        }
        foreach (var d in done) d.TrySetResult(e);
    }

    public async Task<T> WaitAsync<T>(Func<T, bool>? match = null, int seconds = 20, string? what = null)
    {
        Func<object, bool> m = o => o is T t && (match?.Invoke(t) ?? true);
        var tcs = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _events.FirstOrDefault(m);
            if (existing is not null) return (T)existing;
            _waiters.Add((m, tcs));
        }
        try { return (T)await tcs.Task.WaitAsync(TimeSpan.FromSeconds(seconds)); }
        catch (TimeoutException)
        {
            var more = Diagnostics?.Invoke() is { Length: > 0 } d ? "\nAsterisk console (last lines):\n" + d : "";
            throw new Xunit.Sdk.XunitException($"No {what ?? typeof(T).Name} within {seconds} s. Events: " + string.Join("; ", Events) + more);
        }
    }

    public Task<IncomingLeg> IncomingAsync(string legId) => WaitAsync<IncomingLeg>(l => l.LegId == legId, what: "incoming leg " + legId);
    public Task<Answered> AnsweredAsync(string legId) => WaitAsync<Answered>(a => a.LegId == legId, what: "answer of " + legId);
    public async Task<CallEndReason> EndedAsync(string legId, int seconds = 20) =>
        (await WaitAsync<Ended>(e => e.LegId == legId, seconds, "end of " + legId)).Cause;
}
