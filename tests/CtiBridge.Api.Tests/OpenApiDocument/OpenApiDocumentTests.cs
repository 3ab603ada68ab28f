using System.Text.Json;
using System.Text.Json.Nodes;

namespace CtiBridge.Api.Tests.OpenApiDocument;

/// <summary>
/// The committed docs/openapi.json is the API integrators build against: any change to the API must show
/// up as a diff of that file. Regenerate it with <c>CTI_UPDATE_DOCS=1 dotnet test tests/CtiBridge.Api.Tests</c>.
/// </summary>
public class OpenApiDocumentTests
{
    [Fact]
    public async Task The_committed_openapi_document_matches_the_generated_one()
    {
        using var host = new CtiApiFactory();
        var generated = Normalize(await host.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("CTI_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
            return;
        }
        Assert.True(File.Exists(path), "docs/openapi.json is missing: run the tests once with CTI_UPDATE_DOCS=1.");
        var committed = Normalize(await File.ReadAllTextAsync(path));
        if (committed == generated) return;
        var a = committed.Split('\n');
        var b = generated.Split('\n');
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        Assert.Fail($"docs/openapi.json differs from the API at line {line + 1}:\n committed: {At(a, line)}\n generated: {At(b, line)}\n" +
                    "If the change is intended, regenerate it: CTI_UPDATE_DOCS=1 dotnet test tests/CtiBridge.Api.Tests --filter OpenApiDocument");
    }

    [Fact]
    public async Task Every_call_center_operation_documents_a_summary_and_its_errors_as_problem_details()
    {
        using var host = new CtiApiFactory();
        var doc = JsonNode.Parse(await host.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var missing = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || path.StartsWith("/api/v1/admin", StringComparison.Ordinal) || path.StartsWith("/api/v1/session", StringComparison.Ordinal)) continue;
            foreach (var (method, op) in item!.AsObject())
            {
                if (string.IsNullOrWhiteSpace(op!["summary"]?.GetValue<string>())) missing.Add($"{method} {path}: summary");
                var responses = op["responses"]!.AsObject();
                foreach (var status in new[] { "401", "403" })
                    if (!responses.ContainsKey(status)) missing.Add($"{method} {path}: {status}");
                foreach (var (status, response) in responses)
                    if (status.StartsWith('4') || status.StartsWith('5'))
                        if (response!["content"]?.AsObject().Any(c => c.Value!["schema"]?.ToJsonString().Contains("ProblemDetails", StringComparison.Ordinal) == true) != true)
                            missing.Add($"{method} {path}: {status} is not a ProblemDetails");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_json_request_body_has_an_example_that_names_only_properties_of_its_schema()
    {
        using var host = new CtiApiFactory();
        var doc = JsonNode.Parse(await host.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var problems = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
            {
                if (op!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() is not { } reference) continue;
                var name = reference.Split('/')[^1];
                var schema = schemas[name]!;
                if (schema["example"] is not JsonObject example)
                {
                    problems.Add($"{method} {path}: {name} has no example (a <example> in its XML doc comment)");
                    continue;
                }
                var properties = schema["properties"]?.AsObject();
                foreach (var (property, _) in example)
                    if (properties?.ContainsKey(property) != true) problems.Add($"{name}: its example names \"{property}\", which the schema does not have");
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    private static string At(string[] lines, int i) => i < lines.Length ? lines[i].Trim() : "(end of file)";

    /// <summary>Line endings normalised, pretty-printed the same way, with a final newline.</summary>
    private static string Normalize(string json) =>
        JsonNode.Parse(json.Replace("\r\n", "\n"))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace("\r\n", "\n") + "\n";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CtiBridge.sln")) || File.Exists(Path.Combine(dir.FullName, "CtiBridge.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (CtiBridge.sln) above " + AppContext.BaseDirectory);
    }
}
