using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using Microsoft.AspNetCore.Hosting;
using CtiBridge.Application.PhoneRegistrations;
using CtiBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.PhoneRegistrations;

/// <summary>GET /api/v1/admin/phones/registrations on the Simulator (the Asterisk side: tests/CtiBridge.Integration.Tests/Product).</summary>
public class PhoneRegistrationsTests
{
    private const string Path = "/api/v1/admin/phones/registrations";

    private static JsonElement Phone(JsonElement list, string extension) =>
        list.EnumerateArray().Single(p => p.GetProperty("extension").GetString() == extension);

    [Fact]
    public async Task Each_phone_shows_its_contact_user_agent_and_last_seen_and_follows_the_pbx()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2911", hotDesk = true })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2912", description = "Lobby" })).EnsureSuccessStatusCode();
        var pbx = host.Services.GetRequiredService<SimulatedPbx>();

        var list = JsonDocument.Parse(await admin.GetStringAsync(Path)).RootElement;
        var lobby = Phone(list, "2912");
        Assert.Equal("demo-2912", lobby.GetProperty("endpointName").GetString());
        Assert.True(lobby.GetProperty("registered").GetBoolean());
        var contact = Assert.Single(lobby.GetProperty("contacts").EnumerateArray());
        Assert.Equal("sip:demo-2912@simulator.invalid", contact.GetProperty("uri").GetString());
        Assert.Equal(SimulatedPhoneRegistrations.UserAgent, contact.GetProperty("userAgent").GetString());
        Assert.Equal("Reachable", contact.GetProperty("status").GetString());
        Assert.Equal(pbx.CreatedAt, lobby.GetProperty("lastSeen").GetDateTimeOffset());

        // The phone goes away: no contact, not registered, last heard from when it left.
        pbx.SetDevice("PJSIP/demo-2912", registered: false);
        list = JsonDocument.Parse(await admin.GetStringAsync(Path)).RootElement;
        lobby = Phone(list, "2912");
        Assert.False(lobby.GetProperty("registered").GetBoolean());
        Assert.Empty(lobby.GetProperty("contacts").EnumerateArray());
        Assert.Equal(pbx.DeviceChangedAt("PJSIP/demo-2912"), lobby.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.True(Phone(list, "2911").GetProperty("registered").GetBoolean());
    }

    [Fact]
    public async Task Only_admins_see_them_and_only_their_tenants_phones()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2921" })).EnsureSuccessStatusCode();
        var other = await host.CreateTenantAsync("other");
        (await other.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2922" })).EnsureSuccessStatusCode();

        var mine = JsonDocument.Parse(await admin.GetStringAsync(Path)).RootElement;
        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("endpointName").GetString() == "demo-2921");
        Assert.DoesNotContain(mine.EnumerateArray(), p => p.GetProperty("endpointName").GetString() == "other-2922");
        var theirs = JsonDocument.Parse(await other.GetStringAsync(Path)).RootElement;
        Assert.Equal(["other-2922"], theirs.EnumerateArray().Select(p => p.GetProperty("endpointName").GetString()!).ToArray());

        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "agent1")).GetAsync(Path), 403, "forbidden");
        await Problem.AssertAsync(await host.CreateClient().GetAsync(Path), 401, "unauthenticated");
    }

    /// <summary>A PBX that cannot be asked (AMI down).</summary>
    private sealed class UnreachablePbx : IPhoneRegistrationSource
    {
        public Task<IReadOnlyList<PbxContact>> ListContactsAsync(IReadOnlyCollection<string> endpointNames, CancellationToken ct = default) =>
            throw new InvalidOperationException("AMI is not connected");
        public DateTimeOffset? LastSeen(string endpointName) => null;
    }

    [Fact]
    public async Task A_pbx_that_cannot_be_asked_is_a_503_pbx_unavailable_not_a_500()
    {
        using var root = new CtiApiFactory();
        using var host = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPhoneRegistrationSource>(new UnreachablePbx())));
        var login = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "admin", password = CtiApiFactory.DemoPassword });
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await login.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2931" })).EnsureSuccessStatusCode();
        await Problem.AssertAsync(await admin.GetAsync(Path), 503, "pbx_unavailable");
    }
}
