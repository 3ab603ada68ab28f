using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CtiBridge.Api.Infrastructure;

/// <summary>Swagger (Swashbuckle): document v1 with every assembly's XML comments and a Bearer scheme; UI at /swagger.</summary>
public static class OpenApi
{
    public static IServiceCollection AddCtiSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CtiBridge API",
                Version = "v1",
                Description = "CTI middleware for Asterisk: sessions, administration, agents and calls. " +
                              "Errors are ProblemDetails with a stable `code`. Sign in at POST /api/v1/session/login " +
                              "and send the access token as `Authorization: Bearer <token>` (SignalR: `?access_token=`).",
            });
            var xmlFiles = Directory.EnumerateFiles(AppContext.BaseDirectory, "CtiBridge.*.xml").ToList();
            foreach (var xml in xmlFiles)
                c.IncludeXmlComments(xml, includeControllerXmlComments: true);
            c.SchemaFilter<TypeExamplesSchemaFilter>(xmlFiles);
            c.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The access token from POST /api/v1/session/login.",
            });
            c.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", doc)] = [] });
            c.OperationFilter<ProblemResponsesOperationFilter>();
            c.SchemaFilter<NullableReferencePropertiesSchemaFilter>();
            // Properties not declared nullable (string Name, IReadOnlyList<Guid> Ids) are written without `nullable`.
            c.SupportNonNullableReferenceTypes();
            c.DocumentFilter<HubContractDocumentFilter>();
            c.DocumentFilter<OrdinalOrderDocumentFilter>();
            c.CustomSchemaIds(HubContractDocumentFilter.SchemaId);
        });
        return services;
    }

    public static WebApplication UseCtiSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "CtiBridge API v1");
            o.RoutePrefix = "swagger";
        });
        return app;
    }
}

/// <summary>
/// Orders tags and paths ordinally, whatever the culture: Swashbuckle sorts actions by tag with the current culture's
/// comparer, which ignores hyphens and case where the platform's ICU collation is in use (<c>Callbacks</c> before
/// <c>CallRecords</c>), so the document would depend on the machine. Paths keep Swashbuckle's grouping: by their first
/// tag, in the order the actions were found.
/// </summary>
public sealed class OrdinalOrderDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (document.Tags is { Count: > 0 } tags)
            document.Tags = new HashSet<OpenApiTag>(tags.OrderBy(t => t.Name, StringComparer.Ordinal).ToList());
        var paths = document.Paths.Select((p, i) => (Path: p, Index: i,
                Tag: p.Value.Operations?.Values.SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name ?? "")
                    .Order(StringComparer.Ordinal).FirstOrDefault() ?? ""))
            .OrderBy(p => p.Tag, StringComparer.Ordinal).ThenBy(p => p.Index).ToList();
        document.Paths.Clear();
        foreach (var (path, _, _) in paths) document.Paths.Add(path.Key, path.Value);
    }
}

