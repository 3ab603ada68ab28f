using System.Text.Json.Nodes;
using System.Xml.XPath;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// A request or response type's <c>&lt;example&gt;</c> (its XML doc comment holds one JSON value) becomes its schema's
/// example, so Swagger UI pre-fills the request body with it. Swashbuckle reads <c>&lt;example&gt;</c> only on
/// properties and parameters, not on types. An example that is not valid JSON fails the document's generation (and so
/// the OpenAPI document test), instead of reaching integrators as a string.
/// </summary>
public sealed class TypeExamplesSchemaFilter : ISchemaFilter
{
    private readonly Dictionary<string, string> _examples = new(StringComparer.Ordinal);

    public TypeExamplesSchemaFilter(IEnumerable<string> xmlFiles)
    {
        foreach (var file in xmlFiles)
        {
            var members = new XPathDocument(file).CreateNavigator().Select("/doc/members/member[starts-with(@name, 'T:')]");
            while (members.MoveNext())
            {
                var example = members.Current!.SelectSingleNode("example");
                if (example is not null) _examples[members.Current.GetAttribute("name", "")[2..]] = example.Value.Trim();
            }
        }
    }

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || context.Type.FullName is not { } name) return;
        if (!_examples.TryGetValue(name.Replace('+', '.'), out var json)) return;
        try { target.Examples = [JsonNode.Parse(json)!]; }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidOperationException($"The <example> of {name} is not valid JSON: {e.Message}", e);
        }
    }
}
