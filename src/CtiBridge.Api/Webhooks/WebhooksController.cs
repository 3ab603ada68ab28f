using System.Security.Cryptography;
using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Events;
using CtiBridge.Application.Common;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Api.Webhooks;

/// <summary>Create or edit a webhook endpoint.</summary>
/// <example>{ "url": "https://crm.example.com/cti-events", "eventTypes": ["callOffered", "callEnded"] }</example>
public sealed record WebhookRequest
{
    /// <summary>The HTTPS URL that receives the events (http only when <c>Webhooks:AllowHttp</c> is set).</summary>
    public string? Url { get; init; }
    /// <summary>Event types to send (agentStateChanged, callOffered, callStateChanged, participantsChanged, callEnded); empty = all.</summary>
    public List<string>? EventTypes { get; init; }
    public bool Enabled { get; init; } = true;
}

/// <summary>A created endpoint with its signing secret, shown this once.</summary>
public sealed record CreatedWebhook(WebhookEndpointInfo Endpoint, string Secret);

internal sealed class WebhookRequestValidator : AbstractValidator<WebhookRequest>
{
    public WebhookRequestValidator(IConfiguration configuration)
    {
        var allowHttp = configuration.GetValue("Webhooks:AllowHttp", false);
        RuleFor(x => x.Url).Required(500)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage(allowHttp ? "An absolute http(s) URL." : "An absolute https URL.");
        RuleFor(x => x.EventTypes).Must(t => t is null || t.Count <= WebhookDispatcher.EventTypes.Length).WithMessage("Too many event types.");
        RuleForEach(x => x.EventTypes).Must(t => WebhookDispatcher.EventTypes.Contains(t)).WithMessage("Unknown event type.");
    }
}

/// <summary>Webhook endpoints of the caller's tenant and their delivery log (admins, or API keys with scope admin).</summary>
[ApiController]
[Route("api/v1/admin/webhooks")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class WebhooksController(CallCenterAccess access, WebhookStore store, IInputValidator validator, WebhookDispatcher dispatcher,
    WebhookTargetPolicy targets, TimeProvider clock) : ControllerBase
{
    /// <summary>Lists the endpoints.</summary>
    /// <response code="200">The endpoints.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<WebhookEndpointInfo>>(200)]
    public Task<IReadOnlyList<WebhookEndpointInfo>> List(CancellationToken ct) => store.ListAsync(Admin().TenantId, ct);

    /// <summary>Adds an endpoint; the response carries the signing secret (shown once).</summary>
    /// <remarks>The URL must lead to public internet addresses only (every address its name resolves to); loopback, link-local, private and other reserved addresses are refused unless the operator allows the host.</remarks>
    /// <response code="201">The endpoint and its secret.</response>
    /// <response code="400">Invalid body (<c>validation_failed</c>), or <c>webhook_target_not_allowed</c>.</response>
    [HttpPost]
    [ProducesResponseType<CreatedWebhook>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<ActionResult<CreatedWebhook>> Create([FromBody] WebhookRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var caller = Admin();
        await targets.EnsureAllowedAsync(caller.TenantId, request.Url!, ct);
        var secret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var created = await store.CreateAsync(caller.TenantId, request.Url!, secret, request.EventTypes ?? [], request.Enabled, clock.GetUtcNow(), ct);
        dispatcher.EndpointsChanged();
        return Created($"/api/v1/admin/webhooks/{created.Id}", new CreatedWebhook(created, secret));
    }

    /// <summary>Edits an endpoint (URL, event types, enabled).</summary>
    /// <response code="200">The endpoint.</response>
    /// <response code="400">Invalid body (<c>validation_failed</c>), or <c>webhook_target_not_allowed</c>.</response>
    /// <response code="404">No such endpoint.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<WebhookEndpointInfo>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<WebhookEndpointInfo> Update(Guid id, [FromBody] WebhookRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var caller = Admin();
        await targets.EnsureAllowedAsync(caller.TenantId, request.Url!, ct);
        var updated = await store.UpdateAsync(caller.TenantId, id, request.Url!, request.EventTypes ?? [], request.Enabled, ct) ?? throw NoSuchEndpoint();
        dispatcher.EndpointsChanged();
        return updated;
    }

    /// <summary>Deletes an endpoint and its delivery log.</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No such endpoint.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        if (!await store.DeleteAsync(Admin().TenantId, id, ct)) throw NoSuchEndpoint();
        dispatcher.EndpointsChanged();
        return NoContent();
    }

    /// <summary>The endpoint's latest deliveries (newest first): status, attempts, next attempt, last error.</summary>
    /// <param name="id">The endpoint.</param>
    /// <param name="take">How many (1–500, default 100).</param>
    /// <response code="200">The deliveries.</response>
    /// <response code="400"><c>take</c> out of range.</response>
    /// <response code="404">No such endpoint.</response>
    [HttpGet("{id:guid}/deliveries")]
    [ProducesResponseType<IReadOnlyList<WebhookDeliveryInfo>>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IReadOnlyList<WebhookDeliveryInfo>> Deliveries(Guid id, [FromQuery] int take = 100, CancellationToken ct = default)
    {
        if (take is < 1 or > 500) throw new InputValidationException(new Dictionary<string, string[]> { ["take"] = ["Between 1 and 500."] });
        return await store.DeliveriesAsync(Admin().TenantId, id, take, ct) ?? throw NoSuchEndpoint();
    }

    /// <summary>
    /// Tries a failed delivery once more, now: it becomes pending and the worker sends it (same payload, signed anew).
    /// Its attempts are kept, so a failure fails it again; the delivery log shows the outcome.
    /// </summary>
    /// <param name="id">The endpoint.</param>
    /// <param name="deliveryId">The delivery (from the delivery log).</param>
    /// <response code="202">Pending again, due now.</response>
    /// <response code="404">No such endpoint, or no such delivery of it.</response>
    /// <response code="409"><c>webhook_delivery_not_failed</c> (pending or delivered), <c>webhook_endpoint_disabled</c>.</response>
    [HttpPost("{id:guid}/deliveries/{deliveryId:long}/retry")]
    [ProducesResponseType<WebhookDeliveryInfo>(202)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<WebhookDeliveryInfo>> Retry(Guid id, long deliveryId, CancellationToken ct)
    {
        var retried = await store.RetryAsync(Admin().TenantId, id, deliveryId, clock.GetUtcNow(), ct)
                      ?? throw new CtiException(ErrorCodes.NotFound, "No such delivery of this webhook endpoint.", ErrorKind.NotFound);
        dispatcher.Wake();
        return Accepted(retried);
    }

    private Caller Admin()
    {
        var caller = access.Caller;
        CallCenterAccess.RequireAdminScope(caller);
        return caller;
    }

    private static CtiException NoSuchEndpoint() => new(ErrorCodes.NotFound, "No such webhook endpoint.", ErrorKind.NotFound);
}

/// <summary>Encrypts webhook secrets that an older version stored in plain text.</summary>
internal sealed class WebhookSecretsUpgrade(WebhookStore store, ILogger<WebhookSecretsUpgrade> log) : IStartupDataUpgrade
{
    public async Task UpgradeAsync(CancellationToken ct = default)
    {
        var count = await store.ProtectPlainSecretsAsync(ct);
        if (count > 0) log.LogInformation("Encrypted {Count} webhook secret(s) stored in plain text by an older version", count);
    }
}

/// <summary>Registration of webhooks.</summary>
public static class WebhookComposition
{
    public static IServiceCollection AddCtiWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddSingleton<WebhookTargetPolicy>();
        // No redirects (a 30x could point inside), and connections only to addresses the policy allows.
        services.AddHttpClient(WebhookDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = sp.GetRequiredService<WebhookTargetPolicy>().ConnectAsync,
        });
        services.AddScoped<WebhookStore>();
        services.AddScoped<IWebhookOutbox>(sp => sp.GetRequiredService<WebhookStore>());
        services.AddScoped<IStartupDataUpgrade, WebhookSecretsUpgrade>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp =>
        {
            var dispatcher = sp.GetRequiredService<WebhookDispatcher>();
            sp.GetRequiredService<AgentEventStreams>().AddObserver(dispatcher);
            return dispatcher;
        });
        return services;
    }
}
