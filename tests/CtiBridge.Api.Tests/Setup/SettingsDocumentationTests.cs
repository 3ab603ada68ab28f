using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CtiBridge.Api.Tests.OpenApiDocument;

namespace CtiBridge.Api.Tests.Setup;

/// <summary>
/// docs/deployment.md "Every setting" lists each key the service reads, and nothing else: every property of the
/// settings classes, every key the code reads by name, every key of appsettings.json is in the table, and every key in
/// the table is one of those.
/// </summary>
public partial class SettingsDocumentationTests
{
    /// <summary>The settings classes and the configuration section each is bound from.</summary>
    private static readonly (Type Type, string Section)[] SettingsClasses =
    [
        (typeof(CtiBridge.Asterisk.Ari.AriOptions), CtiBridge.Asterisk.Ari.AriOptions.SectionName),
        (typeof(CtiBridge.Asterisk.Ami.AmiOptions), CtiBridge.Asterisk.Ami.AmiOptions.SectionName),
        (typeof(CtiBridge.Asterisk.Adapter.AsteriskPbxOptions), CtiBridge.Asterisk.Adapter.AsteriskPbxOptions.SectionName),
        (typeof(CtiBridge.Asterisk.Provisioning.EndpointProvisioningOptions), CtiBridge.Asterisk.Provisioning.EndpointProvisioningOptions.SectionName),
        (typeof(CtiBridge.Data.DatabaseOptions), CtiBridge.Data.DatabaseOptions.Section),
        (typeof(CtiBridge.Data.Scheduling.SchedulingOptions), CtiBridge.Data.Scheduling.SchedulingOptions.Section),
        (typeof(CtiBridge.Data.Audit.AuditOptions), CtiBridge.Data.Audit.AuditOptions.Section),
        (typeof(CtiBridge.Application.Auth.AuthOptions), CtiBridge.Application.Auth.AuthOptions.Section),
        (typeof(CtiBridge.Api.Auth.JwtSettings), CtiBridge.Api.Auth.JwtSettings.Section),
        (typeof(CtiBridge.Api.Observability.ObservabilityOptions), CtiBridge.Api.Observability.ObservabilityOptions.SectionName),
        (typeof(CtiBridge.Api.Auth.LoginRateLimitSettings), "RateLimiting:Login"),
        (typeof(CtiBridge.Application.Cluster.ClusterOptions), CtiBridge.Application.Cluster.ClusterOptions.SectionName),
    ];

    [Fact]
    public void Every_setting_the_service_reads_is_documented_in_deployment_md_and_every_documented_one_exists()
    {
        var root = OpenApiDocumentTests.RepositoryRoot();
        var documented = DocumentedKeys(File.ReadAllText(Path.Combine(root, "docs", "deployment.md")));

        var read = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in SettingsClasses) AddProperties(read, type, section);
        // Keys read by name (configuration["X:Y"], GetValue("X:Y"), GetSection("X:Y"), const … Key = "X:Y").
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
            foreach (Match m in KeyReadByName().Matches(File.ReadAllText(file)))
                read.Add(m.Groups["key"].Value);
        // A settings class bound by a literal section name must be in the list above.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
            foreach (Match m in SectionBoundByName().Matches(File.ReadAllText(file)))
                Assert.True(SettingsClasses.Any(c => c.Section == m.Groups["section"].Value),
                    $"{Path.GetFileName(file)} binds settings from \"{m.Groups["section"].Value}\": add its class to SettingsClasses");
        var appsettings = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        AddJsonLeaves(appsettings, JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "CtiBridge.Api", "appsettings.json"))).RootElement, "");

        bool IsDocumented(string key) => documented.Contains(key) || documented.Any(d => d.EndsWith(':') && key.StartsWith(d, StringComparison.OrdinalIgnoreCase));
        var undocumented = read.Concat(appsettings).Where(k => !IsDocumented(k)).Distinct().ToList();
        Assert.True(undocumented.Count == 0, "Settings missing from docs/deployment.md, \"Every setting\": " + string.Join(", ", undocumented));

        var framework = new[] { "AllowedHosts", "Logging:LogLevel:" };
        // A documented prefix (`A:B:<name>`) exists when its section is read by name (A:B: the named entries under it).
        var unknown = documented.Where(d => !read.Contains(d) && !read.Contains(d.TrimEnd(':')) && !framework.Contains(d, StringComparer.OrdinalIgnoreCase)
            && !read.Any(r => r.StartsWith(d + ":", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(unknown.Count == 0, "docs/deployment.md, \"Every setting\", lists keys the service does not read: " + string.Join(", ", unknown));
    }

    /// <summary>The keys of the table's first column; <c>`A:B:C`, `D`</c> stands for A:B:C and A:B:D; <c>&lt;x&gt;</c> ends a prefix.</summary>
    private static HashSet<string> DocumentedKeys(string markdown)
    {
        var start = markdown.IndexOf("\n## Every setting", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/deployment.md has no \"## Every setting\" section");
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in markdown[start..].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cell = line.Split('|')[1];
            string? prefix = null;
            foreach (Match m in Regex.Matches(cell, "`([^`]+)`"))
            {
                var item = Regex.Replace(m.Groups[1].Value, "<[^>]+>$", "");
                if (item.Contains(':')) { keys.Add(item); prefix = item[..(item.TrimEnd(':').LastIndexOf(':') + 1)]; }
                else keys.Add((prefix ?? "") + item);
            }
        }
        return keys;
    }

    private static void AddProperties(ISet<string> keys, Type type, string prefix)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = prefix + ":" + p.Name;
            if (p.PropertyType.IsClass && p.PropertyType.Namespace?.StartsWith("CtiBridge", StringComparison.Ordinal) == true)
                AddProperties(keys, p.PropertyType, key);
            else keys.Add(key);
        }
    }

    private static void AddJsonLeaves(ISet<string> keys, JsonElement e, string prefix)
    {
        if (e.ValueKind != JsonValueKind.Object) { keys.Add(prefix); return; }
        foreach (var p in e.EnumerateObject()) AddJsonLeaves(keys, p.Value, prefix.Length == 0 ? p.Name : prefix + ":" + p.Name);
    }

    [GeneratedRegex("""(?:[cC]onfiguration\[|GetValue(?:<[^>]+>)?\(|GetSection\(|Key\s*=\s*)"(?<key>[A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+)"[\],)]?""")]
    private static partial Regex KeyReadByName();

    [GeneratedRegex("""BindConfiguration\("(?<section>[A-Za-z:]+)"\)""")]
    private static partial Regex SectionBoundByName();
}
