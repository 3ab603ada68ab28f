using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CtiBridge.Api.Tests.OpenApiDocument;

/// <summary>
/// Checks every response the API test suite receives against the committed docs/openapi.json: the path and
/// method are documented (or the answer is a ProblemDetails 404/405), the status is documented for the
/// operation, the content type is one the document names, and the JSON body matches the schema. Installed in
/// every <see cref="CtiApiFactory"/> as the outermost middleware; what breaks the document fails the test that
/// caused it when its factory is disposed (<see cref="CtiApiFactory"/>), so new endpoints stay true too.
/// </summary>
public static partial class ApiContract
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "docs", "openapi.json")))!.AsObject());

    private static readonly Lazy<IReadOnlyList<(Regex Pattern, int Literals, string Path)>> Paths = new(() =>
        Document.Value["paths"]!.AsObject()
            .Select(p => (
                new Regex("^" + TemplateParameter().Replace(Regex.Escape(p.Key).Replace("\\{", "{"), "[^/]+") + "$", RegexOptions.CultureInvariant),
                p.Key.Split('/').Count(s => s.Length > 0 && s[0] != '{'),
                p.Key))
            .ToList());

    /// <summary>Every response checked so far in this test run (the collection-level check reads it).</summary>
    public static ConcurrentQueue<string> Checked { get; } = new();

    /// <summary>The outermost middleware: buffers each /api response, checks it, records violations into <paramref name="violations"/>.</summary>
    public static IStartupFilter Recorder(ConcurrentQueue<string> violations) => new RecorderFilter(violations);

    private sealed class RecorderFilter(ConcurrentQueue<string> violations) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (!http.Request.Path.StartsWithSegments("/api") || http.WebSockets.IsWebSocketRequest)
                {
                    await nextMiddleware(http);
                    return;
                }
                var original = http.Response.Body;
                using var buffer = new MemoryStream();
                http.Response.Body = buffer;
                try
                {
                    await nextMiddleware(http);
                }
                finally
                {
                    http.Response.Body = original;
                    buffer.Position = 0;
                    await buffer.CopyToAsync(original);
                }
                var body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                var method = http.Request.Method;
                var path = http.Request.Path.Value ?? "";
                var problem = Check(method, path, http.Response.StatusCode, http.Response.ContentType, body);
                Checked.Enqueue($"{method} {path} {http.Response.StatusCode}");
                if (problem is not null) violations.Enqueue($"{method} {path} → {http.Response.StatusCode}: {problem}");
            });
            next(app);
        };
    }

    /// <summary>What is wrong with this response according to the document, or null.</summary>
    public static string? Check(string method, string path, int status, string? contentType, string body)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        var match = Paths.Value.Where(p => p.Pattern.IsMatch(path)).OrderByDescending(p => p.Literals).Select(p => p.Path).FirstOrDefault();
        if (match is null)
            return status == 404 ? ProblemShape(mediaType, body) : "the path is not in the document";
        var operation = Document.Value["paths"]![match]![method.ToLowerInvariant()];
        if (operation is null)
            return status == 405 ? ProblemShape(mediaType, body) : $"{method} is not documented for {match}: expected 405";
        var response = operation["responses"]?[status.ToString(CultureInfo.InvariantCulture)] ?? operation["responses"]?["default"];
        if (response is null)
            return $"status {status} is not documented for {method} {match}";
        if (response["$ref"] is { } reference) response = Resolve(reference.GetValue<string>());
        var content = response!["content"]?.AsObject();
        if (body.Length == 0)
            return content is { Count: > 0 } && status >= 400 ? "an error without a body (the document says ProblemDetails)" : null;
        if (content is null or { Count: 0 })
            return $"a body ({mediaType}) where the document has none";
        if (mediaType is null || content[mediaType] is not { } media)
            return $"content type {mediaType} is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})";
        if (!mediaType.Contains("json", StringComparison.Ordinal) || media["schema"] is not { } schema) return null;
        JsonNode? json;
        try { json = JsonNode.Parse(body); }
        catch (JsonException) { return "the body is not JSON"; }
        var errors = new List<string>();
        Validate(json, schema, "$", errors, 0);
        return errors.Count == 0 ? null : string.Join("; ", errors.Take(5));
    }

    private static string? ProblemShape(string? mediaType, string body)
    {
        if (mediaType != "application/problem+json") return $"not a ProblemDetails (content type {mediaType ?? "none"})";
        try
        {
            var json = JsonNode.Parse(body)!.AsObject();
            return json["status"] is null || json["code"] is null ? "a ProblemDetails without status or code" : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return "a ProblemDetails that is not a JSON object"; }
    }

    private static JsonNode Resolve(string reference) =>
        reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode)Document.Value, (node, part) => node[part] ?? throw new InvalidOperationException("unresolved " + reference));

    /// <summary>The OpenAPI 3.0 schema subset Swashbuckle writes: $ref, allOf/oneOf/anyOf, type, nullable, enum, properties, required, additionalProperties, items, format.</summary>
    private static void Validate(JsonNode? value, JsonNode schema, string at, List<string> errors, int depth)
    {
        if (depth > 64) return;
        if (schema["$ref"] is { } reference) { Validate(value, Resolve(reference.GetValue<string>()), at, errors, depth + 1); return; }
        var nullable = schema["nullable"]?.GetValue<bool>() == true;
        if (value is null)
        {
            var onlyComposed = schema["type"] is null && schema["allOf"] is null && schema["oneOf"] is null && schema["anyOf"] is null && schema["enum"] is null;
            if (!nullable && !onlyComposed) errors.Add($"{at} is null but not nullable");
            return;
        }
        if (schema["allOf"] is JsonArray all)
            foreach (var part in all) Validate(value, part!, at, errors, depth + 1);
        foreach (var key in new[] { "oneOf", "anyOf" })
            if (schema[key] is JsonArray any && !any.Any(part => { var e = new List<string>(); Validate(value, part!, at, e, depth + 1); return e.Count == 0; }))
                errors.Add($"{at} matches none of {key}");
        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            errors.Add($"{at} = {value.ToJsonString()} is not one of {values.ToJsonString()}");
        var type = schema["type"]?.GetValue<string>();
        var kind = value.GetValueKind();
        switch (type)
        {
            case "object":
                if (kind != JsonValueKind.Object) { errors.Add($"{at} should be an object, is {kind}"); return; }
                break;
            case "array":
                if (kind != JsonValueKind.Array) { errors.Add($"{at} should be an array, is {kind}"); return; }
                if (schema["items"] is { } items)
                {
                    var i = 0;
                    foreach (var item in value.AsArray()) Validate(item, items, $"{at}[{i++}]", errors, depth + 1);
                }
                return;
            case "string":
                if (kind != JsonValueKind.String) errors.Add($"{at} should be a string, is {kind}");
                else if (schema["format"]?.GetValue<string>() is { } format && !FormatHolds(format, value.GetValue<string>()))
                    errors.Add($"{at} = \"{value.GetValue<string>()}\" is not a {format}");
                return;
            case "integer":
                if (kind != JsonValueKind.Number || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    errors.Add($"{at} should be an integer, is {value.ToJsonString()}");
                return;
            case "number":
                if (kind != JsonValueKind.Number) errors.Add($"{at} should be a number, is {kind}");
                return;
            case "boolean":
                if (kind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{at} should be a boolean, is {kind}");
                return;
        }
        if (kind != JsonValueKind.Object) return;
        var obj = value.AsObject();
        var properties = schema["properties"]?.AsObject();
        if (schema["required"] is JsonArray required)
            foreach (var name in required.Select(r => r!.GetValue<string>()))
                if (!obj.ContainsKey(name)) errors.Add($"{at}.{name} is required but missing");
        foreach (var (name, item) in obj)
        {
            if (properties?[name] is { } propertySchema) Validate(item, propertySchema, $"{at}.{name}", errors, depth + 1);
            else if (schema["additionalProperties"] is JsonObject additional) Validate(item, additional, $"{at}.{name}", errors, depth + 1);
            else if (schema["additionalProperties"]?.GetValueKind() == JsonValueKind.False || (properties is not null && schema["additionalProperties"] is null && !IsExtensible(schema)))
                errors.Add($"{at}.{name} is not in the schema");
        }
    }

    // ProblemDetails carries extension members (code, traceId, errors): Swashbuckle marks it with additionalProperties.
    private static bool IsExtensible(JsonNode schema) => schema["additionalProperties"] is not null;

    private static bool FormatHolds(string format, string text) => format switch
    {
        "uuid" => Guid.TryParse(text, out _),
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex TemplateParameter();
}
