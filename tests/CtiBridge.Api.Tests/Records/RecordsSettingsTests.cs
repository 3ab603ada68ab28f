using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;

namespace CtiBridge.Api.Tests.Records;

public class RecordsSettingsTests
{
    [Fact]
    public async Task Admins_set_the_recording_retention_and_a_groups_service_level_threshold_within_their_bounds()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var tenant = await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>();
        Assert.Equal(0, tenant.GetProperty("settings").GetProperty("recordingRetentionDays").GetInt32());
        var saved = await (await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { recordingRetentionDays = 90 } })).ReadAsync<JsonElement>();
        Assert.Equal(90, saved.GetProperty("settings").GetProperty("recordingRetentionDays").GetInt32());
        await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { recordingRetentionDays = -1 } }), 400, "validation_failed");

        var group = await (await admin.PostAsJsonAsync("/api/v1/admin/skill-groups", new { name = "Billing", serviceLevelSeconds = 45 })).ReadAsync<JsonElement>();
        Assert.Equal(45, group.GetProperty("serviceLevelSeconds").GetInt32());
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/skill-groups", new { name = "Other", serviceLevelSeconds = 0 }), 400, "validation_failed");
    }
}
