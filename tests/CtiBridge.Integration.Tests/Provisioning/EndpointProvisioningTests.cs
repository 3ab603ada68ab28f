using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Provisioning;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Provisioning;

/// <summary>
/// Endpoint provisioning on a real Asterisk: CtiBridge writes the include file asterisk-config/pjsip.conf names
/// (<c>provisioned/pjsip_provisioned.conf</c>), reloads res_pjsip through AMI, and a SIP phone (sipp) registers with the
/// generated credentials.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class EndpointProvisioningTests(RealAsterisk asterisk) : IAsyncLifetime
{
    private AdapterHarness _h = null!;
    private AsteriskEndpointProvisioner _provisioner = null!;
    private readonly List<(string Tenant, string Name)> _created = [];

    private string IncludeFile => Path.Combine(asterisk.Etc, "provisioned", "pjsip_provisioned.conf");

    private AsteriskEndpointProvisioner NewProvisioner() =>
        new(new EndpointProvisioningOptions { IncludeFile = IncludeFile }, _h.Ami);

    public async Task InitializeAsync()
    {
        if (!asterisk.Available) return;
        _h = await AdapterHarness.StartAsync(asterisk);
        _provisioner = NewProvisioner();
    }

    public async Task DisposeAsync()
    {
        if (_h is null) return;
        foreach (var (tenant, name) in _created) await _provisioner.RemoveAsync(tenant, name);
        await _h.DisposeAsync();
    }

    private async Task<SipCredentials> ProvisionAsync(EndpointSpec spec)
    {
        _created.Add((spec.Tenant, spec.Name));
        return (await _provisioner.ProvisionAsync(spec))!;
    }

    private async Task<string> ShowEndpointAsync(string name) => (await _h.Ami.CommandAsync("pjsip show endpoint " + name)).Text;

    private async Task<string?> AriEndpointStateAsync(string name)
    {
        using var r = await asterisk.Http.GetAsync("endpoints/PJSIP/" + name);
        if (r.StatusCode == HttpStatusCode.NotFound) return null;
        r.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("state").GetString();
    }

    private Sipp Register(SipCredentials c, string? password = null) =>
        Sipp.Start($"-sf \"{Sipp.Scenario("uac-register.xml")}\" -s {c.Username} -au {c.Username} -ap {password ?? c.Password} " +
                   $"-oocsn ooc_default -i 127.0.0.1 -p {LoopbackPorts.Reserve()} -m 1 127.0.0.1:{asterisk.SipPort}");

    [AsteriskInstalledFact]
    public async Task A_provisioned_sip_phone_exists_on_asterisk_after_the_reload()
    {
        var creds = await ProvisionAsync(new EndpointSpec("demo", "3901", ProvisionedEndpointKind.Sip, "Desk 3901"));

        Assert.Equal("demo-3901", creds.Endpoint);
        Assert.True(creds.Password.Length >= 16);
        var shown = await ShowEndpointAsync("demo-3901"); // the CLI answers after the reload finished
        Assert.Contains("Endpoint:  demo-3901", shown);
        Assert.Contains("from-internal-demo", shown);
        Assert.Matches(@"webrtc\s*:\s*no", shown);
        Assert.Contains("demo-3901", (await _h.Ami.CommandAsync("pjsip show auth demo-3901")).Text);
        Assert.Contains("demo-3901", (await _h.Ami.CommandAsync("pjsip show aor demo-3901")).Text);
        Assert.Equal("offline", await AriEndpointStateAsync("demo-3901")); // nothing registered yet
    }

    [AsteriskInstalledFact]
    public async Task A_provisioned_web_extension_is_a_webrtc_endpoint()
    {
        await ProvisionAsync(new EndpointSpec("demo", "3902", ProvisionedEndpointKind.Web, "Ann Agent"));

        var shown = await ShowEndpointAsync("demo-3902");
        Assert.Matches(@"webrtc\s*:\s*yes", shown);
        Assert.Matches(@"media_encryption\s*:\s*dtls", shown);
        Assert.Contains("\"Ann Agent\" <3902>", shown);
    }

    [AsteriskAndSippFact]
    public async Task A_sip_phone_registers_with_the_generated_credentials_and_the_endpoint_goes_online()
    {
        var creds = await ProvisionAsync(new EndpointSpec("demo", "3903", ProvisionedEndpointKind.Sip));

        await using var phone = Register(creds);

        await Eventually(async () => await AriEndpointStateAsync("demo-3903") == "online", "ARI endpoint demo-3903 online", phone);
        var contacts = await _h.Ami.PjsipShowContactsAsync();
        Assert.Contains(contacts, c => c.Aor == "demo-3903");
        Assert.Contains("SIP/2.0 200 OK", phone.Messages);
        Assert.Contains("CSeq: 2 REGISTER", phone.Messages);
    }

    [AsteriskAndSippFact]
    public async Task A_phone_with_a_wrong_password_is_refused()
    {
        var creds = await ProvisionAsync(new EndpointSpec("demo", "3904", ProvisionedEndpointKind.Sip));

        await using var phone = Register(creds, password: "not-the-password");

        Assert.NotEqual(0, await phone.ExitAsync()); // the authenticated REGISTER is not answered 200
        Assert.DoesNotContain("SIP/2.0 200 OK", phone.Messages);
        Assert.Equal("offline", await AriEndpointStateAsync("demo-3904"));
    }

    [AsteriskInstalledFact]
    public async Task Changing_an_endpoint_keeps_its_password_and_removing_it_deletes_it_from_asterisk()
    {
        var first = await ProvisionAsync(new EndpointSpec("demo", "3905", ProvisionedEndpointKind.Web, "Old Name"));

        var changed = await _provisioner.ProvisionAsync(new EndpointSpec("demo", "3905", ProvisionedEndpointKind.Sip, "New Name"));
        Assert.Equal(first.Password, changed!.Password);
        var shown = await ShowEndpointAsync("demo-3905");
        Assert.Matches(@"webrtc\s*:\s*no", shown);
        Assert.Contains("\"New Name\" <3905>", shown);
        // The file is the store: a new provisioner (a CtiBridge restart) reads the same password back.
        Assert.Equal(first.Password, (await NewProvisioner().GetCredentialsAsync("demo", "demo-3905"))!.Password);

        await _provisioner.RemoveAsync("demo", "demo-3905");
        Assert.DoesNotContain(await _h.Ami.PjsipShowEndpointsAsync(), e => e.ObjectName == "demo-3905");
        Assert.Null(await _provisioner.GetCredentialsAsync("demo", "demo-3905"));
        Assert.DoesNotContain("Endpoint:  demo-3905", await ShowEndpointAsync("demo-3905"));
    }

    [AsteriskAndSippFact]
    public async Task Another_tenant_can_neither_take_over_nor_remove_an_endpoint_on_asterisk()
    {
        // Tenant demo-b's phone; tenant demo (whose domain is a prefix of demo-b) tries to take it over and to remove it.
        var owned = await ProvisionAsync(new EndpointSpec("demo-b", "3906", ProvisionedEndpointKind.Sip, "B Desk"));
        var taken = await Assert.ThrowsAsync<Domain.Errors.CtiException>(() =>
            _provisioner.ProvisionAsync(new EndpointSpec("demo", "3906", ProvisionedEndpointKind.Web, "Intruder", "demo-b-3906")));
        Assert.Equal(Domain.Errors.ErrorCodes.EndpointTaken, taken.Code);
        await _provisioner.RemoveAsync("demo", "demo-b-3906");

        // On Asterisk the endpoint is still demo-b's: its context and caller name, and its phone registers with its password.
        var shown = await ShowEndpointAsync("demo-b-3906");
        Assert.Contains("from-internal-demo-b", shown);
        Assert.Contains("\"B Desk\" <3906>", shown);
        Assert.Matches(@"webrtc\s*:\s*no", shown);
        await using var phone = Register(owned);
        await Eventually(async () => await AriEndpointStateAsync("demo-b-3906") == "online", "ARI endpoint demo-b-3906 online", phone);

        // Its owner removes it.
        await _provisioner.RemoveAsync("demo-b", "demo-b-3906");
        Assert.DoesNotContain(await _h.Ami.PjsipShowEndpointsAsync(), e => e.ObjectName == "demo-b-3906");
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, Sipp? sipp = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what + (sipp is null ? "" : "\nsipp:\n" + sipp.Messages));
            await Task.Delay(50);
        }
    }
}
