using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Provisioning;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Asterisk.Tests.Provisioning;

/// <summary>
/// The generated include file is shared by every tenant on one Asterisk: an endpoint belongs to the tenant recorded in
/// its block, and no other tenant can overwrite, read or remove it — also when one domain is a prefix of another
/// (<c>demo</c>, <c>demo-b</c>). No Asterisk needed (no AMI: the file is applied at Asterisk's next reload).
/// </summary>
public sealed class ProvisioningFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-prov-" + Guid.NewGuid().ToString("N")[..12]);

    private string File => Path.Combine(_dir, "pjsip_provisioned.conf");

    private AsteriskEndpointProvisioner New() => new(new EndpointProvisioningOptions { IncludeFile = File }, ami: null);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Another_tenant_cannot_overwrite_read_or_remove_an_endpoint_and_the_owner_comes_from_the_file_not_the_name()
    {
        var provisioner = New();
        var owned = (await provisioner.ProvisionAsync(new EndpointSpec("demo-b", "1001", ProvisionedEndpointKind.Sip, "B desk")))!;
        Assert.Equal("demo-b-1001", owned.Endpoint);
        var before = await System.IO.File.ReadAllTextAsync(File);

        // Tenant demo names the same endpoint ("demo-" + "b-1001" reads as its own prefix): refused, nothing written.
        var taken = await Assert.ThrowsAsync<CtiException>(() =>
            provisioner.ProvisionAsync(new EndpointSpec("demo", "1001", ProvisionedEndpointKind.Web, "Intruder", "demo-b-1001")));
        Assert.Equal(ErrorCodes.EndpointTaken, taken.Code);
        Assert.Equal(before, await System.IO.File.ReadAllTextAsync(File));
        Assert.Equal("demo-b", await provisioner.OwnerOfAsync("demo-b-1001"));

        // It can neither read the password nor remove the endpoint.
        Assert.Null(await provisioner.GetCredentialsAsync("demo", "demo-b-1001"));
        await provisioner.RemoveAsync("demo", "demo-b-1001");
        Assert.Equal(before, await System.IO.File.ReadAllTextAsync(File));

        // A name outside the tenant's own prefix is refused as well.
        var foreign = await Assert.ThrowsAsync<CtiException>(() =>
            provisioner.ProvisionAsync(new EndpointSpec("demo-b", "2001", ProvisionedEndpointKind.Sip, null, "demo-2001")));
        Assert.Equal(ErrorCodes.EndpointTaken, foreign.Code);

        // Read back by a new provisioner (a restart): the owner is still demo-b, with the same password.
        var again = New();
        Assert.Equal("demo-b", await again.OwnerOfAsync("demo-b-1001"));
        Assert.Equal(owned.Password, (await again.GetCredentialsAsync("demo-b", "demo-b-1001"))!.Password);
        await again.RemoveAsync("demo-b", "demo-b-1001");
        Assert.Null(await again.OwnerOfAsync("demo-b-1001"));
    }
}
