using System.Collections.Concurrent;

namespace CtiBridge.Application.Records;

/// <summary>
/// Which audio requests start a play (or a download) for the audit log, so that one play is one entry however many range
/// requests a player sends, and no play goes unlogged because its first request was a seek. A play URL names its play
/// (<see cref="IsNewPlay(string)"/>: its first request is the play, whatever its range); a request with a bearer token or
/// an API key is a new play when it starts at byte 0, or when this caller has not fetched this recording for
/// <see cref="Window"/> (<see cref="IsNewPlay(string, bool)"/>). Kept in memory per process: a play served by two
/// processes is logged twice rather than not at all.
/// </summary>
public sealed class RecordingPlays(TimeProvider time)
{
    /// <summary>How long a play is remembered: a play URL's lifetime, and the gap after which a caller's range request is a new play.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _calls;

    /// <summary>The first request of the play URL's play <paramref name="playId"/>?</summary>
    public bool IsNewPlay(string playId) => Touch("url:" + playId, startsAtBeginning: false);

    /// <summary>A new play of <paramref name="callerRecordingAccess"/> (caller, recording, play or download)?</summary>
    public bool IsNewPlay(string callerRecordingAccess, bool startsAtBeginning) => Touch("caller:" + callerRecordingAccess, startsAtBeginning);

    private bool Touch(string key, bool startsAtBeginning)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 1000 == 0) Prune(now);
        var isNew = true;
        _seen.AddOrUpdate(key, now, (_, last) =>
        {
            isNew = startsAtBeginning || now - last >= Window;
            return now;
        });
        return isNew;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, at) in _seen)
            if (now - at >= Window) _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, at));
    }
}
