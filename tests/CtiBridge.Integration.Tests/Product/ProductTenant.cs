using System.Net;
using System.Text.Json;
using CtiBridge.Application.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// Tenant "demo" (the domain the committed dialplan routes 5551001 to: Stasis(ctibridge,queue,demo,Sales)) created on a
/// fresh production install through the admin API only: the bootstrap key creates the tenant and its admin, the admin
/// creates skill group Sales, agents with SIP extensions (provisioned on Asterisk) and hot-desk phones.
/// </summary>
public sealed class ProductTenant
{
    public const string Domain = "demo";
    public const string AgentPassword = "Copper-Kettle-2026";

    private ProductTenant(ProductHost host, HttpClient admin, string salesId)
    {
        Host = host; Admin = admin; SalesId = salesId;
    }

    public ProductHost Host { get; }
    public HttpClient Admin { get; }
    public string SalesId { get; }
    public Dictionary<string, string> UserIds { get; } = new();

    public static async Task<ProductTenant> CreateAsync(ProductHost host, int ringTimeoutSeconds = 5)
    {
        var bootstrap = host.CreateClient();
        bootstrap.DefaultRequestHeaders.Add("X-Bootstrap-Key", ProductHost.BootstrapKey);
        await bootstrap.PostJsonAsync("/api/v1/admin/tenants", new
        {
            domain = Domain, name = "Demo (product test)", adminUsername = "boss", adminPassword = "Lantern-Fjord-2026",
            settings = new { attachedDataKeys = new[] { "ACCOUNT", "DNIS" }, wrapUpDefaultSeconds = 30 },
        }, HttpStatusCode.Created);
        var admin = await host.SignInAsync(Domain, "boss", "Lantern-Fjord-2026");
        var sales = await admin.PostJsonAsync("/api/v1/admin/skill-groups",
            new { name = "Sales", number = "500", ringTimeoutSeconds }, HttpStatusCode.Created);
        return new ProductTenant(host, admin, sales.Str("id"));
    }

    /// <summary>An agent with a SIP extension (its PJSIP endpoint demo-&lt;ext&gt; is provisioned), member of Sales.</summary>
    public async Task<string> AddAgentAsync(string username, string extension, string kind = "Sip", bool hotDesking = false,
        int wrapUpSeconds = 30, bool inSales = true, string? ivrPin = null)
    {
        var user = await Admin.PostJsonAsync("/api/v1/admin/users", new
        {
            username, displayName = username.ToUpperInvariant()[..1] + username[1..], agentNumber = extension,
            roles = new[] { "agent" }, password = AgentPassword,
            agentProfile = new { extension, extensionKind = kind, wrapUpSeconds, hotDesking, ivrPin },
        }, HttpStatusCode.Created);
        var id = user.Str("id");
        UserIds[username] = id;
        if (inSales)
            await Admin.PutJsonAsync($"/api/v1/admin/skill-groups/{SalesId}/members/{id}", new { priority = 1 });
        return id;
    }

    public async Task AddHotDeskPhoneAsync(string extension, string description) =>
        await Admin.PostJsonAsync("/api/v1/admin/phones", new { extension, description, hotDesk = true }, HttpStatusCode.Created);

    /// <summary>
    /// The SIP password CtiBridge generated for an endpoint: for a desk phone the admin reads it where docs/provisioning.md
    /// says (the provisioner's store, the generated include file); the API never shows it in admin responses.
    /// </summary>
    public async Task<SipCredentials> CredentialsAsync(string endpoint) =>
        await Host.Services.GetRequiredService<IEndpointProvisioner>().GetCredentialsAsync(Domain, endpoint)
        ?? throw new InvalidOperationException(endpoint + " is not provisioned");

    /// <summary>Signs an agent in on the tenant's host, or on <paramref name="on"/> (the next process after a restart).</summary>
    public Task<HttpClient> SignInAsync(string username, ProductHost? on = null) => (on ?? Host).SignInAsync(Domain, username, AgentPassword);
}

/// <summary>Waits on conditions read through the API (failure guards, no sleeps as synchronisation).</summary>
public static class Wait
{
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, string what, int seconds = 20, Func<string>? diagnostics = null)
        where T : struct
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {seconds} s waiting for {what}" + (diagnostics is null ? "" : "\n" + diagnostics()));
            await Task.Delay(50);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 20, Func<string>? diagnostics = null) =>
        await ForAsync<bool>(async () => await condition() ? true : null, what, seconds, diagnostics);

    /// <summary>The first call in GET /agent/calls that satisfies <paramref name="match"/>.</summary>
    public static Task<JsonElement> CallAsync(HttpClient agent, Func<JsonElement, bool> match, string what, int seconds = 20,
        Func<string>? diagnostics = null) =>
        ForAsync<JsonElement>(async () =>
        {
            var calls = await agent.GetJsonAsync("/api/v1/agent/calls");
            foreach (var c in calls.EnumerateArray()) if (match(c)) return c;
            return null;
        }, what, seconds, diagnostics);

    public static Task AgentStatusAsync(HttpClient agent, string status, int seconds = 20) =>
        UntilAsync(async () => (await agent.GetJsonAsync("/api/v1/agent/state")).Str("status") == status, "agent status " + status, seconds);
}
