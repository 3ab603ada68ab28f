using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Contacts;

namespace CtiBridge.Api.Tests.Contacts;

/// <summary>The third-party screen pop URL template: validated when saved (only http(s), fixed host, known variables), values URL-encoded.</summary>
public class ScreenPopTemplateTests
{
    private static Task<HttpResponseMessage> SaveAsync(HttpClient admin, string template, string target = "NewTab") =>
        admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { screenPopUrlTemplate = template, screenPopTarget = target } });

    public static readonly string[] Refused =
    [
        "javascript:alert(document.cookie)", "JavaScript:alert(1)//https://crm.example.com/", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//crm.example.com/pop?n={number}", "{data.url}",
        "https://{data.host}/pop", "https://crm.example.com@{data.host}/pop", "ftp://crm.example.com/pop",
        "https://crm.example.com/pop?n={phone}", "https://crm.example.com/pop?n={number", "https://crm.example.com/a b",
    ];

    [Fact]
    public async Task A_template_that_is_not_a_safe_http_url_is_refused_with_a_clear_code()
    {
        // One host for every case (each case is a separate request; nothing is saved between them).
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        foreach (var template in Refused)
        {
            await Problem.AssertAsync(await SaveAsync(admin, template), 400, ScreenPopErrors.InvalidUrlTemplate);
            var tenant = await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>();
            Assert.True(tenant.GetProperty("settings").GetProperty("screenPopUrlTemplate").GetString() == "", $"saved: {template}");
        }
    }

    [Fact]
    public async Task A_panel_needs_https_and_a_good_template_is_saved()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        await Problem.AssertAsync(await SaveAsync(admin, "http://crm.example.com/pop?n={number}", "Panel"), 400, ScreenPopErrors.InvalidUrlTemplate);
        var saved = await (await SaveAsync(admin, "https://crm.example.com:8443/pop?n={number}&c={callId}&a={agent}&o={data.orderId}", "Panel"))
            .ReadAsync<JsonElement>();
        Assert.Equal("https://crm.example.com:8443/pop?n={number}&c={callId}&a={agent}&o={data.orderId}",
            saved.GetProperty("settings").GetProperty("screenPopUrlTemplate").GetString());
        Assert.Equal("Panel", saved.GetProperty("settings").GetProperty("screenPopTarget").GetString());
        (await SaveAsync(admin, "http://crm.example.com/pop")).EnsureSuccessStatusCode(); // plain http in a new tab is allowed
        (await SaveAsync(admin, "")).EnsureSuccessStatusCode(); // empty: off
    }

    [Fact]
    public void Every_value_is_url_encoded_so_no_value_changes_the_scheme_host_or_query()
    {
        var callId = Guid.NewGuid();
        var url = ScreenPopTemplate.Render("https://crm.example.com/pop?n={number}&o={data.orderId}&a={agent}&c={callId}&x={data.missing}",
            new ScreenPopCallInfo(callId, "agent 1", "+49 30 123", new Dictionary<string, string> { ["orderId"] = "1&admin=true#/../x?y" }));
        Assert.Equal($"https://crm.example.com/pop?n=%2B49%2030%20123&o=1%26admin%3Dtrue%23%2F..%2Fx%3Fy&a=agent%201&c={callId}&x=", url);
        Assert.Null(ScreenPopTemplate.Render("", new ScreenPopCallInfo(callId, null, null, new Dictionary<string, string>())));
    }
}
