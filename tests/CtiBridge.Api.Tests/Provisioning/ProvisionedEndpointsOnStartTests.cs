using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Provisioning;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Api.Tests.Provisioning;

/// <summary>
/// A database upgraded in place gets its endpoints on the PBX at the next start, without anyone saving a phone again:
/// the schema migration 202612051600_tenant_endpoint_names renamed prefix-less phones (<c>lobby</c> → <c>demo-lobby</c>,
/// EndpointNameMigrationTests), while the provisioning file still had the old block. The provisioner is the real
/// Asterisk one writing its include file (no AMI here, so no reload).
/// </summary>
public sealed class ProvisionedEndpointsOnStartTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-provstart-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly CtiApiFactory _root = new();

    public ProvisionedEndpointsOnStartTests() => Directory.CreateDirectory(Path.Combine(_dir, "provisioned"));

    public void Dispose()
    {
        _root.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string IncludeFile => Path.Combine(_dir, "provisioned", "pjsip_provisioned.conf");

    /// <summary>A start of the service on the same database and provisioning file.</summary>
    private WebApplicationFactory<Program> Start() => _root.WithWebHostBuilder(b => b.ConfigureServices(s =>
        s.Replace(ServiceDescriptor.Singleton<IEndpointProvisioner>(new AsteriskEndpointProvisioner(
            new EndpointProvisioningOptions { IncludeFile = IncludeFile }, ami: null)))));

    private Dictionary<string, (string Tenant, string Password)> Blocks() =>
        !File.Exists(IncludeFile) ? [] : File.ReadAllLines(IncludeFile).Where(l => l.StartsWith(";@cti ", StringComparison.Ordinal))
            .Select(l => l[";@cti ".Length..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => Uri.UnescapeDataString(f[1])))
            .ToDictionary(f => f["name"], f => (f["tenant"], f["password"]));

    private async Task<Dictionary<string, (string Tenant, string Password)>> BlocksOnceAsync(Func<Dictionary<string, (string Tenant, string Password)>, bool> done)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); ; await Task.Delay(50))
        {
            var blocks = Blocks();
            if (done(blocks)) return blocks;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("provisioning file: " + string.Join(", ", blocks.Keys));
        }
    }

    private static string OldBlock(string name, string tenant, string extension, string password) =>
        $";@cti name={name} tenant={tenant} extension={extension} kind=sip display= password={password}\n" +
        $"[{name}](endpoint-sip)\ncontext = from-internal-{tenant}\nauth = {name}\naors = {name}\ncallerid = \"{extension}\" <{extension}>\n" +
        $"[{name}](aor-single)\n[{name}]\ntype = auth\nauth_type = userpass\nusername = {name}\npassword = {password}\n";

    [Fact]
    public async Task An_upgraded_database_s_renamed_phone_and_lost_extensions_are_provisioned_at_start_keeping_the_phone_s_password()
    {
        using (var first = Start())
        {
            var login = await first.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "admin", password = CtiApiFactory.DemoPassword });
            var admin = first.CreateClient();
            admin.DefaultRequestHeaders.Authorization = new("Bearer", (await login.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
            var created = await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2950", endpointName = "lobby", description = "Lobby" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var phone = await created.ReadAsync<JsonElement>();
            Assert.Equal("demo-lobby", phone.GetProperty("endpointName").GetString());
            // The demo agents' web extensions are provisioned by the start itself (the seeder saved them without provisioning).
            await BlocksOnceAsync(b => b.ContainsKey("demo-1001") && b.ContainsKey("demo-lobby"));
        }

        // The state an in-place upgrade leaves: the database says demo-lobby (migrated), the file still has the block the
        // old build wrote for "lobby", and nothing for the agents (as after a lost file); another tenant's block is there too.
        File.WriteAllText(IncludeFile, "; written by an older build\n"
            + OldBlock("lobby", "demo", "2950", "OldLobbyPassword0123456789")
            + OldBlock("acme-7001", "acme", "7001", "AcmePassword0123456789ab"));

        using (var second = Start())
        {
            _ = second.Services; // starts the service
            var blocks = await BlocksOnceAsync(b => b.ContainsKey("demo-lobby") && b.ContainsKey("demo-1001"));
            Assert.Equal(("demo", "OldLobbyPassword0123456789"), blocks["demo-lobby"]); // the desk phone keeps its password
            Assert.False(blocks.ContainsKey("lobby"));                                     // the former block is gone
            foreach (var agent in new[] { "demo-1001", "demo-1002", "demo-1003" })
            {
                Assert.Equal("demo", blocks[agent].Tenant);
                Assert.Equal(24, blocks[agent].Password.Length);
            }
            Assert.Equal(("acme", "AcmePassword0123456789ab"), blocks["acme-7001"]);     // not ours: untouched
            var text = File.ReadAllText(IncludeFile);
            Assert.Contains("[demo-lobby](endpoint-sip)\ncontext = from-internal-demo\n", text);
            Assert.Contains("username = demo-lobby\npassword = OldLobbyPassword0123456789\n", text);
        }

    }
}
