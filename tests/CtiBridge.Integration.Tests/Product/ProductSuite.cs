using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// What every product test class on a real Asterisk shares: the production Api host and a tenant set up through the admin
/// API for each test, the sipp parties it started (stopped afterwards), and a clean Asterisk after each test — whatever a
/// failed test left (channels, bridges) must not spill into the next one.
/// </summary>
public abstract class ProductSuite(RealAsterisk asterisk) : IAsyncLifetime
{
    private readonly List<Sipp> _sipps = [];

    protected RealAsterisk AsteriskServer { get; } = asterisk;
    protected ProductHost Host { get; private set; } = null!;
    protected ProductTenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!AsteriskServer.Available || Sipp.Find() is null) return;
        Host = new ProductHost(AsteriskServer, HostSettings());
        await Host.WaitReadyAsync();
        Tenant = await ProductTenant.CreateAsync(Host);
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _sipps) await s.DisposeAsync();
        if (Host is null) return;
        await Host.DisposeAsync();
        // What a failed test left goes before the wait for the application to go (which fails while channels are still in
        // it), so that it is never left for the next test.
        foreach (var c in await AsteriskServer.ChannelsAsync()) await AsteriskServer.HangupAsync(c.Id);
        foreach (var b in await AsteriskServer.BridgesAsync()) using (await AsteriskServer.Http.DeleteAsync("bridges/" + b.Id)) { }
        await ProductHost.WaitAppUnregisteredAsync(AsteriskServer);
    }

    /// <summary>Settings a test class adds to the host's (e.g. Asterisk reached through a proxy).</summary>
    protected virtual Dictionary<string, string?>? HostSettings() => null;

    /// <summary>The sipp parties' message traces, for a failure's message.</summary>
    protected string Diagnostics() => string.Join("\n---- sipp\n", _sipps.Select(s => s.Messages));

    /// <summary>Keeps a sipp party to stop after the test.</summary>
    protected Sipp Track(Sipp s) { _sipps.Add(s); return s; }

    /// <summary>An agent added, signed in and logged in, her desk phone (sipp) registered, and Ready if asked.</summary>
    protected async Task<(HttpClient Client, string Id, Sipp Phone)> AgentOnlineAsync(string name, string extension, bool ready,
        bool inSales = true, SippParties.PhoneBehaviour behaviour = SippParties.PhoneBehaviour.Answer)
    {
        var id = await Tenant.AddAgentAsync(name, extension, inSales: inSales);
        var client = await Tenant.SignInAsync(name);
        await client.PostJsonAsync("/api/v1/agent/login", new { ready = false });
        var phone = await PhoneOnlineAsync(client, extension, behaviour);
        if (ready)
        {
            await client.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });
            await Wait.AgentStatusAsync(client, "Ready");
        }
        return (client, id, phone);
    }

    /// <summary>Registers the agent's desk phone (sipp) with the provisioned credentials and waits until CtiBridge sees it.</summary>
    protected async Task<Sipp> PhoneOnlineAsync(HttpClient agent, string extension, SippParties.PhoneBehaviour behaviour)
    {
        var creds = await Tenant.CredentialsAsync($"demo-{extension}");
        var phone = Track(SippParties.Phone(AsteriskServer, creds.Username, creds.Password, behaviour));
        // Its own registration first: the endpoint may be "online" through a contact the previous test's phone left.
        await Wait.UntilAsync(() => Task.FromResult(phone.Registered), $"demo-{extension}'s phone registered", diagnostics: Diagnostics);
        await Wait.UntilAsync(async () => (await AsteriskServer.GetJsonAsync($"endpoints/PJSIP/demo-{extension}")).Str("state") == "online",
            $"demo-{extension} registered on Asterisk", diagnostics: Diagnostics);
        var since = DateTimeOffset.UtcNow;
        await Wait.UntilAsync(async () => (await agent.GetJsonAsync("/api/v1/agent/state")).GetProperty("deviceAvailable").GetBoolean(),
            $"demo-{extension} available in CtiBridge", diagnostics: () =>
                $"Asterisk: {AsteriskServer.GetJsonAsync($"endpoints/PJSIP/demo-{extension}").GetAwaiter().GetResult()}\nCtiBridge's log since the registration:\n{Host.Log.Since(since)}");
        return phone;
    }
}
