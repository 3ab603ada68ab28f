using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CtiBridge.Api.Events;
using CtiBridge.Api.Hubs;
using CtiBridge.Application.Events;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// Puts the SignalR hub's contract (<c>/hubs/agent</c>) into the OpenAPI document, which has no words for it otherwise:
/// the schema of every event's <c>data</c> (each concrete <see cref="CallCenterEvent"/>, serialized as it is) and of the
/// envelope and Resume answer, and an <c>x-hub-events</c> extension naming, per event name on the wire, its schema.
/// The web app's hub types are generated from these, so an event added or changed here reaches its type checker.
/// </summary>
public sealed class HubContractDocumentFilter : IDocumentFilter
{
    public const string Extension = "x-hub-events";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var events = new JsonObject();
        var eventTypes = typeof(CallCenterEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CallCenterEvent)))
            .Select(t => (Type: t, Name: WireName(t)))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var (type, name) in eventTypes)
        {
            context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository);
            events[name] = "#/components/schemas/" + SchemaId(type);
        }
        foreach (var type in new[] { typeof(ResumeResult), typeof(StateSnapshot), typeof(SkillGroupMessage) })
            context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository);
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions[Extension] = new JsonNodeExtension(events);
    }

    /// <summary>The event's <see cref="CallCenterEvent.Name"/>: a constant per type, read from an instance made without its constructor.</summary>
    private static string WireName(Type type) => ((CallCenterEvent)RuntimeHelpers.GetUninitializedObject(type)).Name;

    /// <summary>The same ids as <see cref="OpenApi"/>'s <c>CustomSchemaIds</c>.</summary>
    internal static string SchemaId(Type type) => type.FullName!.Replace("CtiBridge.", "", StringComparison.Ordinal).Replace('+', '.');
}
