using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Provisioning;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Api.Tests.Supervision;

/// <summary>
/// The supervisor desk's browser softphone: <c>GET /api/v1/supervision/monitoring/softphone</c> gives a supervisor the
/// registration settings of their own web device (provisioned on the PBX like an agent's), and nothing to anyone else.
/// </summary>
public sealed class SupervisorSoftphoneTests : IDisposable
{
    private const string Url = "/api/v1/supervision/monitoring/softphone";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-supsoftphone-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly CtiApiFactory _root = new();

    public SupervisorSoftphoneTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        _root.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>The sandbox host with the real endpoint provisioner (writing its include file) and a WSS address.</summary>
    private WebApplicationFactory<Program> Provisioning() => _root.WithWebHostBuilder(b =>
    {
        b.UseSetting("Softphone:WebSocketUrl", "wss://pbx.example:8089/ws");
        b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IEndpointProvisioner>(new AsteriskEndpointProvisioner(
            new EndpointProvisioningOptions { IncludeFile = Path.Combine(_dir, "pjsip_provisioned.conf") }, ami: null))));
    });

    private static async Task<HttpClient> ClientOf(WebApplicationFactory<Program> host, string login)
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login, password = CtiApiFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<Guid> IdOf(HttpClient admin, string username)
    {
        var users = await (await admin.GetAsync("/api/v1/admin/users")).ReadAsync<JsonElement>();
        var list = users.ValueKind == JsonValueKind.Array ? users : users.GetProperty("items");
        return list.EnumerateArray().First(u => u.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_supervisor_with_a_web_device_gets_its_registration_and_nobody_else_does()
    {
        using var host = Provisioning();
        var admin = await ClientOf(host, "admin");
        var super = await ClientOf(host, "super");
        var agent = await ClientOf(host, "agent1");
        var superId = await IdOf(admin, "super");

        // No device yet: nothing to register.
        await Problem.AssertAsync(await super.GetAsync(Url), 404, "softphone_not_available");

        await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1950", extensionKind = "Web" }).OkAsync(HttpStatusCode.OK);
        var settings = await (await super.GetAsync(Url)).ReadAsync<JsonElement>();
        Assert.Equal("wss://pbx.example:8089/ws", settings.GetProperty("wsUri").GetString());
        Assert.Equal("sip:demo-1950@pbx.example", settings.GetProperty("aor").GetString());
        Assert.Equal("demo-1950", settings.GetProperty("authorizationUsername").GetString());
        var password = settings.GetProperty("authorizationPassword").GetString()!;
        Assert.True(password.Length >= 16, "a provisioned password");
        Assert.Contains("password = " + password, await File.ReadAllTextAsync(Path.Combine(_dir, "pjsip_provisioned.conf"))); // what Asterisk checks

        // Refused: an agent (not a supervisor), and a device that is a desk phone (it rings by itself).
        await Problem.AssertAsync(await agent.GetAsync(Url), 403, "forbidden");
        await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1950", extensionKind = "Sip" }).OkAsync(HttpStatusCode.OK);
        await Problem.AssertAsync(await super.GetAsync(Url), 404, "softphone_not_available");
    }

    [Fact]
    public async Task The_sandbox_has_no_supervisor_softphone_and_says_why()
    {
        var admin = await _root.ClientForAsync("demo", "admin");
        var super = await _root.ClientForAsync("demo", "super");
        var superId = await _root.UserIdAsync("super");
        await admin.PutAsJsonAsync($"/api/v1/admin/users/{superId}/supervisor-device", new { extension = "1950", extensionKind = "Web" }).OkAsync(HttpStatusCode.OK);
        await Problem.AssertAsync(await super.GetAsync(Url), 404, "softphone_not_available");
    }
}
