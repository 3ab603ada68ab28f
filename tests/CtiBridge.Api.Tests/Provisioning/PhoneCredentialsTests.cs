using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Provisioning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Api.Tests.Provisioning;

/// <summary>
/// An admin obtains a desk phone's SIP credentials through the API: in the answer to its creation and when issued anew,
/// shown those times only, audited without the password (docs/provisioning.md). The provisioner is the real Asterisk one
/// writing its include file (no AMI here, so no reload).
/// </summary>
public sealed class PhoneCredentialsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-phonecreds-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly CtiApiFactory _root = new();

    public PhoneCredentialsTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        _root.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string IncludeFile => Path.Combine(_dir, "provisioned", "pjsip_provisioned.conf");

    private WebApplicationFactory<Program> Provisioning() => _root.WithWebHostBuilder(b => b.ConfigureServices(s =>
        s.Replace(ServiceDescriptor.Singleton<IEndpointProvisioner>(new AsteriskEndpointProvisioner(
            new EndpointProvisioningOptions { IncludeFile = IncludeFile }, ami: null)))));

    private static async Task<HttpClient> AdminOf(WebApplicationFactory<Program> host, string domain = "demo", string login = "admin",
        string password = CtiApiFactory.DemoPassword)
    {
        var login1 = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain, login, password });
        Assert.Equal(HttpStatusCode.OK, login1.StatusCode);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login1.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private string PasswordInFile(string endpoint)
    {
        var lines = File.ReadAllLines(IncludeFile);
        // the auth section is the endpoint's last [name] block; its password line follows
        var start = Array.FindLastIndex(lines, l => l == $"[{endpoint}]");
        return lines.Skip(start).First(l => l.StartsWith("password = ", StringComparison.Ordinal))["password = ".Length..];
    }

    private static async Task<JsonElement> AuditOf(HttpClient admin, string phoneId) =>
        (await (await admin.GetAsync($"/api/v1/admin/audit?targetType=phone&targetId={phoneId}")).ReadAsync<JsonElement>()).GetProperty("items");

    [Fact]
    public async Task A_new_phone_comes_with_its_sip_credentials_once_and_the_issue_is_audited_without_the_password()
    {
        using var host = Provisioning();
        var admin = await AdminOf(host);

        var created = await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2901", description = "Front desk", hotDesk = true });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var phone = await created.ReadAsync<JsonElement>();
        var credentials = phone.GetProperty("sipCredentials");
        Assert.Equal("demo-2901", credentials.GetProperty("endpoint").GetString());
        Assert.Equal("demo-2901", credentials.GetProperty("username").GetString());
        var password = credentials.GetProperty("password").GetString()!;
        Assert.Equal(24, password.Length);
        Assert.Equal(PasswordInFile("demo-2901"), password);                       // what Asterisk checks

        var listed = await (await admin.GetAsync("/api/v1/admin/phones")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(password, listed);                                     // shown once: not in the list
        Assert.DoesNotContain("sipCredentials", listed);

        var id = phone.GetProperty("id").GetString()!;
        var audit = await AuditOf(admin, id);
        var issued = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == PhoneCredentials.IssuedAction);
        Assert.Equal("admin", issued.GetProperty("actorName").GetString());
        Assert.Contains("demo-2901", issued.GetProperty("after").GetString());
        Assert.DoesNotContain(password, audit.GetRawText());
    }

    [Fact]
    public async Task Issuing_credentials_again_gives_a_new_password_that_replaces_the_old_one_on_the_pbx()
    {
        using var host = Provisioning();
        var admin = await AdminOf(host);
        var phone = await (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2902", hotDesk = false })).ReadAsync<JsonElement>();
        var first = phone.GetProperty("sipCredentials").GetProperty("password").GetString();
        var id = phone.GetProperty("id").GetString()!;

        var response = await admin.PostAsync($"/api/v1/admin/phones/{id}/sip-credentials", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var issued = await response.ReadAsync<JsonElement>();
        var second = issued.GetProperty("password").GetString();
        Assert.NotEqual(first, second);
        Assert.Equal(PasswordInFile("demo-2902"), second);
        Assert.Equal(2, (await AuditOf(admin, id)).EnumerateArray().Count(e => e.GetProperty("action").GetString() == PhoneCredentials.IssuedAction));
    }

    [Fact]
    public async Task Credentials_are_refused_to_non_admins_to_other_tenants_and_for_unknown_phones()
    {
        using var host = Provisioning();
        var admin = await AdminOf(host);
        var id = (await (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2903" })).ReadAsync<JsonElement>()).GetProperty("id").GetString();
        var before = PasswordInFile("demo-2903");

        var anonymous = await host.CreateClient().PostAsync($"/api/v1/admin/phones/{id}/sip-credentials", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var agent = await AdminOf(host, login: "agent1");
        var byAgent = await agent.PostAsync($"/api/v1/admin/phones/{id}/sip-credentials", null);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);

        var created = await host.CreateClient().PostAsJsonAsync("/api/v1/admin/tenants", new { });   // no bootstrap key: refused
        Assert.Equal(HttpStatusCode.Unauthorized, created.StatusCode);
        var bootstrap = host.CreateClient();
        bootstrap.DefaultRequestHeaders.Add("X-Bootstrap-Key", CtiApiFactory.BootstrapKey);
        Assert.Equal(HttpStatusCode.Created, (await bootstrap.PostAsJsonAsync("/api/v1/admin/tenants",
            new { domain = "other", name = "Other", adminUsername = "boss", adminPassword = CtiApiFactory.OtherTenantAdminPassword })).StatusCode);
        var otherAdmin = await AdminOf(host, "other", "boss", CtiApiFactory.OtherTenantAdminPassword);
        var byOtherTenant = await otherAdmin.PostAsync($"/api/v1/admin/phones/{id}/sip-credentials", null);
        Assert.Equal(HttpStatusCode.NotFound, byOtherTenant.StatusCode);
        Assert.Equal("not_found", (await Problem.ReadAsync(byOtherTenant)).GetProperty("code").GetString());

        var unknown = await admin.PostAsync($"/api/v1/admin/phones/{Guid.NewGuid()}/sip-credentials", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        Assert.Equal(before, PasswordInFile("demo-2903"));                            // no refusal changed the password
    }

    [Fact]
    public async Task Without_provisioning_there_are_no_credentials_to_give()
    {
        var admin = await _root.ClientForAsync("demo", "admin");                     // the sandbox: nothing provisioned
        var phone = await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2904" });
        var body = await phone.ReadAsync<JsonElement>();
        Assert.False(body.TryGetProperty("sipCredentials", out _));

        var response = await admin.PostAsync($"/api/v1/admin/phones/{body.GetProperty("id").GetString()}/sip-credentials", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("provisioning_off", (await Problem.ReadAsync(response)).GetProperty("code").GetString());
    }
}
