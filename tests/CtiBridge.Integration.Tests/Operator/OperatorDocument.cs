using System.Text.RegularExpressions;

namespace CtiBridge.Integration.Tests.Operator;

/// <summary>
/// The operator's path as docs/asterisk.md writes it: every <c>```sh</c> block preceded by a <c>&lt;!-- step … --&gt;</c>
/// mark, in document order. The mark says how the test treats the block: <c>settings</c> (replaced by the test's own
/// values), <c>skip: reason</c>, <c>background until: command</c> (started, left running, the command polled until it
/// succeeds), or a name (run, must succeed).
/// </summary>
public sealed partial class OperatorDocument
{
    public enum StepKind { Settings, Skip, Run, Background }

    public sealed record Step(StepKind Kind, string Mark, string Script, string? Until, string? Reason);

    public IReadOnlyList<Step> Steps { get; }

    private OperatorDocument(IReadOnlyList<Step> steps) => Steps = steps;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "docs", "asterisk.md")) && Directory.Exists(Path.Combine(dir.FullName, "asterisk-config")))
                return dir.FullName;
        throw new DirectoryNotFoundException("docs/asterisk.md not found above " + AppContext.BaseDirectory);
    }

    public static OperatorDocument Read(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var steps = new List<Step>();
        foreach (Match m in StepBlock().Matches(text))
        {
            var mark = m.Groups["mark"].Value.Trim();
            var script = m.Groups["script"].Value;
            steps.Add(mark switch
            {
                "settings" => new Step(StepKind.Settings, mark, script, null, null),
                _ when mark.StartsWith("skip:", StringComparison.Ordinal) => new Step(StepKind.Skip, mark, script, null, mark["skip:".Length..].Trim()),
                _ when mark.StartsWith("background until:", StringComparison.Ordinal) =>
                    new Step(StepKind.Background, mark, script, mark["background until:".Length..].Trim(), null),
                _ => new Step(StepKind.Run, mark, script, null, null),
            });
        }
        return new OperatorDocument(steps);
    }

    [GeneratedRegex(@"<!-- step (?<mark>[^\n]*?) -->\n```sh\n(?<script>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex StepBlock();
}
