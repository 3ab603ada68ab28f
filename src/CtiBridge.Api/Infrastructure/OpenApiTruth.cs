using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// Makes the generated OpenAPI document say what the server does (checked for every response of the API test
/// suite): error responses are <c>application/problem+json</c>; every operation can answer 400 (malformed request)
/// and, with a body, 415 (not JSON); properties declared nullable that hold an object say so.
/// </summary>
public sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    public const string ProblemJson = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= new OpenApiResponses();
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validation = context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository);
        if (!operation.Responses.ContainsKey("400"))
            operation.Responses["400"] = new OpenApiResponse
            {
                Description = "The request is malformed: unreadable path or query values, or a body that is not valid JSON for this operation (`validation_failed`).",
            };
        if (operation.RequestBody is not null && !operation.Responses.ContainsKey("415"))
            operation.Responses["415"] = new OpenApiResponse { Description = "The body is not `application/json` (`http_error`)." };
        foreach (var (status, response) in operation.Responses)
        {
            if (status.Length != 3 || status[0] is not ('4' or '5') || response is not OpenApiResponse concrete) continue;
            var schema = concrete.Content?.Values.Select(m => m.Schema).FirstOrDefault(s => s is not null)
                         ?? (status == "400" ? validation : problem);
            concrete.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } };
        }
    }
}

/// <summary>
/// An object-valued property declared nullable (<c>AgentProfileResponse? AgentProfile</c>) is written as
/// <c>allOf: [$ref]</c> with <c>nullable: true</c>: OpenAPI 3.0 cannot mark a bare <c>$ref</c> nullable.
/// </summary>
public sealed class NullableReferencePropertiesSchemaFilter : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } || !context.Type.IsClass) return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (!properties.TryGetValue(name, out var propertySchema) || propertySchema is not OpenApiSchemaReference reference) continue;
            if (Nullability.Create(property).ReadState != NullabilityState.Nullable) continue;
            properties[name] = new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null };
        }
    }
}
