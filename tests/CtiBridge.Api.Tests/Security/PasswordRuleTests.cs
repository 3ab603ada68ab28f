using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtiBridge.Api.Tests.CallCenter;

namespace CtiBridge.Api.Tests.Security;

/// <summary>The password rule (NIST SP 800-63B, docs/auth.md), applied wherever a password is set.</summary>
public class PasswordRuleTests : IClassFixture<PasswordRuleTests.Host>
{
    public sealed class Host : IDisposable
    {
        public CtiApiFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly CtiApiFactory _host;
    public PasswordRuleTests(Host host) => _host = host.Factory;

    [Theory]
    [InlineData("Password1!")]                 // the old rule's favourite: too short now
    [InlineData("Passw0rd!")]
    [InlineData("Harbor-Lant")]                // 11 characters
    [InlineData("1qaz2wsx3edc")]               // a common password (12 characters)
    [InlineData("LeaveMeAlone")]               // a common password, whatever the case
    [InlineData("Weihnachtsbaum")]             // among the last of the 30,000 on the list
    [InlineData("password2026!!")]             // a common password with digits and symbols around it
    [InlineData("xxxxxxxxxxxxxxxx")]           // one character repeated
    [InlineData("my agent1 password is long")] // the username
    [InlineData("DEMO harbor lantern 9")]      // the tenant's domain
    public async Task A_password_that_breaks_the_rule_is_refused_as_weak_password(string candidate)
    {
        var (admin, userId) = await NewUserAsync();
        await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/password", new { password = candidate.Replace("agent1", _lastUsername) }), 400, "weak_password");
    }

    [Theory]
    [InlineData("correct horse battery staple")]                            // spaces, no digit, no symbol
    [InlineData("Grüße aus Köln, wo der Rhein fließt")]                     // Unicode
    [InlineData("いろはにほへと ちりぬるを")]                                    // no Latin letter at all
    [InlineData("an unusually long passphrase that runs past the old twenty character limit by a very wide margin indeed, to 128 chars!")]
    public async Task A_long_passphrase_with_spaces_and_any_Unicode_is_accepted_and_signs_in(string candidate)
    {
        var (admin, userId) = await NewUserAsync();
        await admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/password", new { password = candidate }).OkAsync();
        await _host.LoginAsync("demo", _lastUsername, candidate);
    }

    [Fact]
    public async Task Passwords_up_to_256_characters_are_accepted_and_longer_ones_refused()
    {
        var (admin, userId) = await NewUserAsync();
        var longest = string.Concat(Enumerable.Range(0, 64).Select(i => (char)('a' + i % 26) + "Z9 "))[..256];
        await admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/password", new { password = longest }).OkAsync();
        await _host.LoginAsync("demo", _lastUsername, longest);
        var response = await admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/password", new { password = longest + "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void The_common_password_list_holds_at_least_ten_thousand_passwords()
    {
        Assert.True(CtiBridge.Application.Auth.CommonPasswords.Count >= 10_000, $"{CtiBridge.Application.Auth.CommonPasswords.Count} passwords");
        Assert.True(CtiBridge.Application.Auth.CommonPasswords.Contains("qwertasdfgzxcvb"));
        Assert.False(CtiBridge.Application.Auth.CommonPasswords.Contains("quiet-harbor-2026"));
    }

    [Fact]
    public async Task The_seeded_demo_password_meets_the_rule()
    {
        Assert.DoesNotContain("demo", CtiApiFactory.DemoPassword, StringComparison.OrdinalIgnoreCase);
        var (admin, userId) = await NewUserAsync();
        await admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/password", new { password = CtiApiFactory.DemoPassword }).OkAsync();
    }

    [Fact]
    public async Task The_change_endpoint_applies_the_rule_with_the_users_own_name()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent2");
        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/session/password",
            new { currentPassword = CtiApiFactory.DemoPassword, newPassword = "Agent2 is my name 2026" }), 400, "weak_password");
        await agent.PostAsJsonAsync("/api/v1/session/password",
            new { currentPassword = CtiApiFactory.DemoPassword, newPassword = "nine quiet herons at dusk" }).OkAsync();
    }

    [Fact]
    public async Task A_tenant_can_require_the_character_classes_of_the_old_rule()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var tenant = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/tenant"))!;
        Assert.False(tenant["settings"]!["requirePasswordCharacterClasses"]!.GetValue<bool>());
        var settings = tenant["settings"]!.AsObject();
        settings["requirePasswordCharacterClasses"] = true;
        var update = new JsonObject { ["name"] = tenant["name"]!.GetValue<string>(), ["settings"] = JsonNode.Parse(settings.ToJsonString()) };
        var updated = await (await admin.PutAsJsonAsync("/api/v1/admin/tenant", update)).ReadAsync<JsonElement>();
        Assert.True(updated.GetProperty("settings").GetProperty("requirePasswordCharacterClasses").GetBoolean());

        var user = await (await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "classes", displayName = "Classes", roles = new[] { "agent" }, password = "nine quiet herons at dusk 7!" }))
            .ReadAsync<JsonElement>();
        var id = user.GetProperty("id").GetGuid();
        await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/v1/admin/users/{id}/password", new { password = "correct horse battery staple" }), 400, "weak_password");
        await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/v1/admin/users/{id}/password", new { password = "correct horse battery staple 7" }), 400, "weak_password");
        await admin.PostAsJsonAsync($"/api/v1/admin/users/{id}/password", new { password = "correct horse battery staple 7!" }).OkAsync();
    }

    [Fact]
    public async Task A_new_tenants_first_admin_password_may_not_contain_the_domain_or_the_username()
    {
        var platform = _host.CreateClient();
        platform.DefaultRequestHeaders.Add("X-Bootstrap-Key", CtiApiFactory.BootstrapKey);
        var body = new { domain = "northwind", name = "Northwind", adminUsername = "chief", adminPassword = "northwind-is-our-home" };
        await Problem.AssertAsync(await platform.PostAsJsonAsync("/api/v1/admin/tenants", body), 400, "weak_password");
        await Problem.AssertAsync(await platform.PostAsJsonAsync("/api/v1/admin/tenants", body with { adminPassword = "the chief of everything" }), 400, "weak_password");
        await platform.PostAsJsonAsync("/api/v1/admin/tenants", body with { adminPassword = "lanterns over the fjord" }).OkAsync(HttpStatusCode.Created);
    }

    private string _lastUsername = "";

    private async Task<(HttpClient Admin, Guid UserId)> NewUserAsync()
    {
        var admin = await _host.ClientForAsync("demo", "admin");
        _lastUsername = "pw" + Guid.NewGuid().ToString("N")[..8];
        var user = await (await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = _lastUsername, displayName = "Password test", roles = new[] { "agent" }, password = "nine quiet herons at dusk 7!" })).ReadAsync<JsonElement>();
        return (admin, user.GetProperty("id").GetGuid());
    }
}
