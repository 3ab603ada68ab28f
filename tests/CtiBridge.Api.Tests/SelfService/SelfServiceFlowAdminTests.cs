using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.SelfService;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Api.Tests.SelfService;

/// <summary>The self-service flows a tenant's admins manage, and the agents' hand-off list (sandbox demo tenant).</summary>
public class SelfServiceFlowAdminTests
{
    private const string Url = "/api/v1/admin/self-service-flows";

    private static object Flow(string name = "account", string prompt = "custom/enter-account", int? maxDigits = 8, string? terminator = "#",
        int? timeoutSeconds = 20, string dataKey = "accountNumber") => new { name, prompt, maxDigits, terminator, timeoutSeconds, dataKey };

    [Fact]
    public async Task A_flow_the_admin_adds_is_in_the_agents_hand_off_list_at_once_and_the_customer_is_back_when_the_digits_are_complete()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        // Every tenant starts with the built-in PIN flow.
        var pin = Assert.Single(await (await admin.GetAsync(Url)).ReadAsync<List<SelfServiceFlowDetails>>());
        Assert.Equal(("pin", "conf-getpin", (int?)12, "#", 30, "pin"), (pin.Name, pin.Prompt, pin.MaxDigits, pin.Terminator, pin.TimeoutSeconds, pin.DataKey));
        var created = await admin.PostAsJsonAsync(Url, Flow(terminator: null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var account = await created.ReadAsync<SelfServiceFlowDetails>();
        Assert.Equal($"{Url}/{account.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("account", "custom/enter-account", (int?)8, (string?)null, 20, "accountNumber"),
            (account.Name, account.Prompt, account.MaxDigits, account.Terminator, account.TimeoutSeconds, account.DataKey));

        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        var handOff = await (await agent.GetAsync("/api/v1/agent/self-service-flows")).ReadAsync<List<JsonElement>>();
        Assert.Equal(["account", "pin"], handOff.Select(f => f.GetProperty("name").GetString()));
        var leg = await agent.PlaceCallAsync("Sales", "+4930555123");
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        await agent.PostAsJsonAsync($"/api/v1/calls/{offered.CallId}/self-service", new { flow = "Account" }).OkAsync();
        await agent.WaitForCallAsync(c => c.SelfService == "account");

        // Eight digits (no terminator in this flow): the customer is back at once (the poll gives up after a few seconds,
        // well before the flow's 20 s timeout).
        await Problem.AssertAsync(await agent.PostAsJsonAsync($"/api/v1/sandbox/legs/{leg}/dtmf", new { digits = "12x" }), 400, "validation_failed");
        await agent.PostAsJsonAsync($"/api/v1/sandbox/legs/{leg}/dtmf", new { digits = "1234567" }).OkAsync();
        Assert.Equal("account", (await agent.WaitForCallAsync()).SelfService);
        await agent.PostAsJsonAsync($"/api/v1/sandbox/legs/{leg}/dtmf", new { digits = "8" }).OkAsync();
        var back = await agent.WaitForCallAsync(c => c.SelfService is null);
        Assert.Contains(back.AttachedData, a => a.Key == "accountNumber" && a.Value == "12345678");

        // Deleted: gone from the hand-off list, and starting it is refused.
        await admin.DeleteAsync($"{Url}/{account.Id}").OkAsync();
        Assert.Equal(["pin"], (await (await agent.GetAsync("/api/v1/agent/self-service-flows")).ReadAsync<List<JsonElement>>()).Select(f => f.GetProperty("name").GetString()));
        await Problem.AssertAsync(await agent.PostAsJsonAsync($"/api/v1/calls/{offered.CallId}/self-service", new { flow = "account" }), 404, "self_service_flow_not_found");
    }

    [Fact]
    public async Task Admins_edit_their_flows_and_bad_names_prompts_keys_and_other_tenants_flows_are_refused()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var account = await (await admin.PostAsJsonAsync(Url, Flow())).ReadAsync<SelfServiceFlowDetails>();

        // Names are unique in the tenant, whatever the case.
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, Flow(name: "ACCOUNT")), 409, SelfServiceErrors.NameTaken);
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, Flow(name: "Pin")), 409, SelfServiceErrors.NameTaken);
        // A prompt is a sound file name Asterisk resolves: no path, parent folder, extension, scheme or URI.
        foreach (var prompt in new[] { "/var/lib/asterisk/sounds/en/beep", "../../etc/passwd", "beep.wav", "sound:beep", "http://evil.example/x", "custom//x", "", new string('a', 81) })
            await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: "p", prompt: prompt)), "prompt");
        foreach (var key in new[] { "", "account number", "key=1", "ä", new string('k', 65) })
            await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: "k", dataKey: key)), "dataKey");
        foreach (var name in new[] { "", " lead", "a/b", new string('n', 51) })
            await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: name)), "name");
        // The end of the input must be known: a maximum, a terminator, or both.
        await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: "open", maxDigits: null, terminator: null)), "maxDigits");
        await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: "t", terminator: "x")), "terminator");
        await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: "m", maxDigits: 0)), "maxDigits");
        await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: "s", timeoutSeconds: 1)), "timeoutSeconds");
        await AssertFieldRefusedAsync(await admin.PostAsJsonAsync(Url, Flow(name: "s", timeoutSeconds: 301)), "timeoutSeconds");
        Assert.Equal(["account", "pin"], (await (await admin.GetAsync(Url)).ReadAsync<List<SelfServiceFlowDetails>>()).Select(f => f.Name));

        // Editing: a terminator only, a prompt in the tenant's folder; renaming onto another flow is refused.
        var edited = await (await admin.PutAsJsonAsync($"{Url}/{account.Id}", Flow(name: "account ", prompt: "custom/acct_v2", maxDigits: null, terminator: "*", timeoutSeconds: null)))
            .ReadAsync<SelfServiceFlowDetails>();
        Assert.Equal(("account", "custom/acct_v2", (int?)null, "*", 30), (edited.Name, edited.Prompt, edited.MaxDigits, edited.Terminator, edited.TimeoutSeconds));
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"{Url}/{account.Id}", Flow(name: "PIN")), 409, SelfServiceErrors.NameTaken);
        await AssertFieldRefusedAsync(await admin.PutAsJsonAsync($"{Url}/{account.Id}", Flow(prompt: "file:///tmp/x")), "prompt");
        Assert.Equal("custom/acct_v2", (await (await admin.GetAsync($"{Url}/{account.Id}")).ReadAsync<SelfServiceFlowDetails>()).Prompt);

        // Another tenant: starts with its own PIN flow, neither sees nor changes ours; the same name is no conflict there.
        var other = await host.CreateTenantAsync("selfservice-other");
        Assert.Equal(["pin"], (await (await other.GetAsync(Url)).ReadAsync<List<SelfServiceFlowDetails>>()).Select(f => f.Name));
        await Problem.AssertAsync(await other.GetAsync($"{Url}/{account.Id}"), 404, "not_found");
        await Problem.AssertAsync(await other.PutAsJsonAsync($"{Url}/{account.Id}", Flow()), 404, "not_found");
        await Problem.AssertAsync(await other.DeleteAsync($"{Url}/{account.Id}"), 404, "not_found");
        await other.PostAsJsonAsync(Url, Flow()).OkAsync(HttpStatusCode.Created);
        Assert.Equal("custom/acct_v2", (await (await admin.GetAsync($"{Url}/{account.Id}")).ReadAsync<SelfServiceFlowDetails>()).Prompt);
        // Agents and supervisors do not administer flows.
        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "agent1")).PostAsJsonAsync(Url, Flow(name: "x")), 403, "forbidden");
        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "super")).GetAsync(Url), 403, "forbidden");
        await Problem.AssertAsync(await admin.DeleteAsync($"{Url}/{Guid.NewGuid()}"), 404, "not_found");
    }

    private static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 for {field}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("validation_failed", json.GetProperty("code").GetString());
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"no error on {field}: {body}");
    }
}
