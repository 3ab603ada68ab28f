using System.Text;

namespace CtiBridge.Benchmarks.Protocol;

/// <summary>The recorded Asterisk 22 traffic kept with the tests (tests/CtiBridge.Asterisk.Tests/Fixtures).</summary>
internal static class ProtocolFixtures
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "CtiBridge.Asterisk.Tests", "Fixtures", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"fixture {name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>What Asterisk sent in an AMI transcript (our lines removed), with Asterisk's CRLF line ends, banner dropped.</summary>
    public static byte[] AmiStream(string name)
    {
        var lines = File.ReadAllText(Path(name)).Replace("\r\n", "\n").Split('\n')
            .Where(l => !l.StartsWith(">>> ", StringComparison.Ordinal) && !l.StartsWith("<<< ", StringComparison.Ordinal))
            .Skip(1);
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
    }

    public static byte[][] AriEvents(params string[] names) =>
        names.SelectMany(n => File.ReadAllLines(Path(n))).Where(l => l.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray();
}
