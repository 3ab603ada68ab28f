using System.Text;
using CtiBridge.Asterisk.Connection;

namespace CtiBridge.Asterisk.Tests.Fakes;

/// <summary>Fixture files and small async helpers shared by the tests.</summary>
internal static class TestHelpers
{
    /// <summary>Generous guard against hangs; tests wait on events, never on time.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string ReadFixture(string name) => File.ReadAllText(FixturePath(name));

    /// <summary>What Asterisk sent in a raw AMI transcript: our own lines ("&gt;&gt;&gt; ") and notes ("&lt;&lt;&lt; ") removed, CRLF restored.</summary>
    public static string AmiServerText(string fixture)
    {
        var lines = ReadFixture(fixture).Replace("\r\n", "\n").Split('\n')
            .Where(l => !l.StartsWith(">>> ", StringComparison.Ordinal) && !l.StartsWith("<<< ", StringComparison.Ordinal));
        return string.Join("\r\n", lines);
    }

    /// <summary>The actions we sent in a raw AMI transcript.</summary>
    public static List<Dictionary<string, string>> AmiClientActions(string fixture)
    {
        var result = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in ReadFixture(fixture).Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith(">>> ", StringComparison.Ordinal))
            {
                current ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var kv = line[4..].Split(": ", 2);
                current[kv[0]] = kv.Length > 1 ? kv[1] : "";
            }
            else if (current is not null) { result.Add(current); current = null; }
        }
        return result;
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Completes when the source reaches a status matching <paramref name="match"/> (checked now and on every change).</summary>
    public static async Task<ConnectionStatus> WaitForAsync(IConnectionStateSource source, Func<ConnectionStatus, bool> match)
    {
        var tcs = new TaskCompletionSource<ConnectionStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<ConnectionStateChangedEventArgs> h = (_, e) => { if (match(e.Current)) tcs.TrySetResult(e.Current); };
        source.StateChanged += h;
        try
        {
            if (match(source.Status)) return source.Status;
            return await tcs.Task.WaitAsync(Guard);
        }
        finally { source.StateChanged -= h; }
    }

    public static Task<T> WithGuard<T>(this Task<T> task) => task.WaitAsync(Guard);
    public static Task WithGuard(this Task task) => task.WaitAsync(Guard);

    /// <summary>Collects items from callbacks and lets a test await a count.</summary>
    public sealed class Collector<T>
    {
        private readonly object _gate = new();
        private readonly List<T> _items = [];
        private readonly List<(Func<IReadOnlyList<T>, bool> Match, TaskCompletionSource Tcs)> _waiters = [];

        public void Add(T item)
        {
            List<TaskCompletionSource> done = [];
            lock (_gate)
            {
                _items.Add(item);
                foreach (var w in _waiters.ToList())
                    if (w.Match(_items)) { done.Add(w.Tcs); _waiters.Remove(w); }
            }
            foreach (var t in done) t.TrySetResult();
        }

        public IReadOnlyList<T> Items { get { lock (_gate) return _items.ToList(); } }

        public async Task<IReadOnlyList<T>> WaitAsync(Func<IReadOnlyList<T>, bool> match)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (match(_items)) return _items.ToList();
                _waiters.Add((match, tcs));
            }
            await tcs.Task.WaitAsync(Guard);
            return Items;
        }

        public Task<IReadOnlyList<T>> WaitForCountAsync(int count) => WaitAsync(l => l.Count >= count);
    }
}
