using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Api.Tests;

/// <summary>Tenant settings set through the admin API take effect in the call center (number masking, the outbound rule).</summary>
public class TenantSettingsTests
{
    private static Task<HttpResponseMessage> PutSettingsAsync(HttpClient admin, object settings) =>
        admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings });

    [Fact]
    public async Task Number_masking_keeps_the_first_or_the_last_digits_and_refuses_other_rules()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        foreach (var bad in new[] { "first4", "lastN", "keep-first:21", "keep-middle:2", "keep-last:" })
            await Problem.AssertAsync(await PutSettingsAsync(admin, new { numberMaskingRule = bad }), 400, "validation_failed");

        var saved = await (await PutSettingsAsync(admin, new { numberMaskingRule = "keep-first:3" })).ReadAsync<JsonElement>();
        Assert.Equal("keep-first:3", saved.GetProperty("settings").GetProperty("numberMaskingRule").GetString());
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales", from: "+4930555123");
        var call = await agent.WaitForCallAsync();
        Assert.Equal("+49********", call.CustomerNumber);

        (await PutSettingsAsync(admin, new { numberMaskingRule = "keep-last:4" })).EnsureSuccessStatusCode();
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await agent2.LoginReadyAsync();
        await agent2.PlaceCallAsync("Sales", from: "+4930555999");
        var second = await agent2.WaitForCallAsync(c => c.CallId != call.CallId);
        Assert.Equal("*******5999", second.CustomerNumber);

        (await PutSettingsAsync(admin, new { numberMaskingRule = "none" })).EnsureSuccessStatusCode();
        (await PutSettingsAsync(admin, new { numberMaskingRule = "" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_tenants_desktop_notifications_switch_reaches_its_users_at_sign_in_and_in_session_me()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        Assert.True((await host.LoginAsync("demo", "agent1")).User.NotificationsEnabled);

        var saved = await (await PutSettingsAsync(admin, new { notificationsEnabled = false })).ReadAsync<JsonElement>();
        Assert.False(saved.GetProperty("settings").GetProperty("notificationsEnabled").GetBoolean());
        Assert.False((await host.LoginAsync("demo", "agent1")).User.NotificationsEnabled);
        var agent = await host.ClientForAsync("demo", "agent1");
        var me = await (await agent.GetAsync("/api/v1/session/me")).ReadAsync<JsonElement>();
        Assert.False(me.GetProperty("notificationsEnabled").GetBoolean());

        (await PutSettingsAsync(admin, new { notificationsEnabled = true })).EnsureSuccessStatusCode();
        me = await (await agent.GetAsync("/api/v1/session/me")).ReadAsync<JsonElement>();
        Assert.True(me.GetProperty("notificationsEnabled").GetBoolean());
    }

    [Fact]
    public async Task The_go_Not_Ready_before_dialling_out_rule_is_set_through_the_admin_api()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var before = await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>();
        Assert.False(before.GetProperty("settings").GetProperty("outboundRequiresNotReady").GetBoolean());

        var saved = await (await PutSettingsAsync(admin, new { outboundRequiresNotReady = true })).ReadAsync<JsonElement>();
        Assert.True(saved.GetProperty("settings").GetProperty("outboundRequiresNotReady").GetBoolean());
        var read = await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>();
        Assert.True(read.GetProperty("settings").GetProperty("outboundRequiresNotReady").GetBoolean());

        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4930123456" }), 409, "invalid_state_transition");
        (await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Meeting" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4930123456" })).StatusCode);
    }

    [Fact]
    public async Task The_sound_monitored_parties_hear_is_a_sound_name_and_nothing_else()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var before = await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>();
        Assert.Equal("beep", before.GetProperty("settings").GetProperty("monitoringNoticeSound").GetString());

        foreach (var bad in new[] { "../../etc/passwd", "/var/lib/asterisk/sounds/beep", "beep.wav", "http://evil.example/x", "sound:beep", "beep&hangup", "a b", "custom//x" })
            await Problem.AssertAsync(await PutSettingsAsync(admin, new { tellMonitoredParties = true, monitoringNoticeSound = bad }), 400, "validation_failed");
        Assert.Equal("beep", (await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>()).GetProperty("settings").GetProperty("monitoringNoticeSound").GetString());

        var saved = await (await PutSettingsAsync(admin, new { tellMonitoredParties = true, monitoringNoticeSound = "custom/call-monitored" })).ReadAsync<JsonElement>();
        Assert.Equal("custom/call-monitored", saved.GetProperty("settings").GetProperty("monitoringNoticeSound").GetString());
        // Left empty: the beep.
        var cleared = await (await PutSettingsAsync(admin, new { tellMonitoredParties = true, monitoringNoticeSound = "" })).ReadAsync<JsonElement>();
        Assert.Equal("beep", cleared.GetProperty("settings").GetProperty("monitoringNoticeSound").GetString());
    }

    [Fact]
    public async Task A_tenant_is_placed_on_a_configured_asterisk_server_only_and_its_admin_cannot_move_it()
    {
        using var host = new CtiApiFactory();
        var platform = host.CreateClient();
        platform.DefaultRequestHeaders.Add("X-Bootstrap-Key", CtiApiFactory.BootstrapKey);

        // This host has one PBX (the default server): another name is refused, nothing is created.
        await Problem.AssertAsync(await platform.PostAsJsonAsync("/api/v1/admin/tenants", new
        {
            domain = "north", name = "North", adminUsername = "boss", adminPassword = CtiApiFactory.OtherTenantAdminPassword, asteriskServer = "north",
        }), 400, "unknown_asterisk_server");
        var tenants = await (await platform.GetAsync("/api/v1/admin/tenants")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(tenants.EnumerateArray(), t => t.GetProperty("domain").GetString() == "north");

        var created = await (await platform.PostAsJsonAsync("/api/v1/admin/tenants", new
        {
            domain = "north", name = "North", adminUsername = "boss", adminPassword = CtiApiFactory.OtherTenantAdminPassword, asteriskServer = "default",
        })).ReadAsync<JsonElement>();
        Assert.Equal("default", created.GetProperty("asteriskServer").GetString());
        var id = created.GetProperty("id").GetString();
        await Problem.AssertAsync(await platform.PutAsJsonAsync($"/api/v1/admin/tenants/{id}", new { name = "North", asteriskServer = "south" }), 400, "unknown_asterisk_server");

        // The tenant's own admin reads the placement and cannot change it (the field is ignored on the own-tenant edit).
        var admin = await host.ClientForAsync("north", "boss", CtiApiFactory.OtherTenantAdminPassword);
        var own = await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>();
        Assert.Equal("default", own.GetProperty("asteriskServer").GetString());
        var saved = await (await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "North", asteriskServer = "south" })).ReadAsync<JsonElement>();
        Assert.Equal("default", saved.GetProperty("asteriskServer").GetString());
    }
}
