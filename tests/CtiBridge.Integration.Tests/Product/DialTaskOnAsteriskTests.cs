using System.Net;
using System.Text.RegularExpressions;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// A dial task's call on a real Asterisk: the admin's task names the agent; she takes the next contact and dials it with
/// one click; her desk phone (sipp) answers the dialer leg, the customer leg goes out through the demo trunk to sipp
/// (the customer answers) presenting the task's caller ID; after the hang-up she sets the result. The contact is done
/// with that result and the call's record carries the task.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class DialTaskOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    [AsteriskAndSippFact]
    public async Task A_task_call_is_placed_answered_given_its_result_and_its_record_names_the_task()
    {
        await Tenant.Admin.PostJsonAsync("/api/v1/admin/caller-ids", new { number = "+4930700", label = "Campaign line" }, HttpStatusCode.Created);
        await Tenant.Admin.PostJsonAsync("/api/v1/admin/dispositions", new { code = "SALE", name = "Sale" }, HttpStatusCode.Created);
        var (agent, agentId, _) = await AgentOnlineAsync("dialer", "1141", ready: false);
        var team = await Tenant.Admin.PostJsonAsync("/api/v1/admin/teams", new { name = "Outbound", memberIds = new[] { agentId } }, HttpStatusCode.Created);
        var contact = await Tenant.Admin.PostJsonAsync("/api/v1/contacts",
            new { name = "Erika Customer", numbers = new[] { new { number = "4940777001" } } }, HttpStatusCode.Created);
        var day = DateTime.UtcNow.ToString("yyyy-MM-dd"); // the tenant's zone is UTC
        var task = await Tenant.Admin.PostJsonAsync("/api/v1/dial-tasks", new
        {
            name = "Winter offer", teamId = team.Str("id"), agentIds = new[] { agentId }, contactIds = new[] { contact.Str("id") },
            firstDay = day, lastDay = day, dailyStart = "00:00", dailyEnd = "23:59", callerId = "+4930700",
        }, HttpStatusCode.Created);
        var taskId = task.Str("id");

        var offered = (await agent.PostJsonAsync($"/api/v1/dial-tasks/{taskId}/next", null, HttpStatusCode.OK)).GetProperty("contact");
        Assert.Equal(("Erika Customer", "4940777001"), (offered.Str("contactName"), offered.Str("number")));
        var far = Track(SippParties.CalledParty(AsteriskServer));
        var dialled = await agent.PostJsonAsync($"/api/v1/dial-tasks/{taskId}/contacts/{offered.Str("id")}/dial", null, HttpStatusCode.Created);
        var callId = dialled.Str("callId");
        string invite = "";
        await Wait.UntilAsync(() =>
        {
            invite = Regex.Match(far.Messages, @"INVITE sip:4940777001@[\s\S]*?\r?\n\r?\n").Value;
            return Task.FromResult(invite.Length > 0);
        }, "the trunk's INVITE at the customer", diagnostics: Diagnostics);
        Assert.Matches(new Regex(@"^From:.*sip:\+4930700@", RegexOptions.Multiline), invite);
        await Wait.CallAsync(agent, c => c.Str("callId") == callId && c.Str("state") == "Connected", "the task's call connected", diagnostics: Diagnostics);
        await agent.PostJsonAsync($"/api/v1/calls/{callId}/hangup", null, HttpStatusCode.NoContent);
        await Wait.UntilAsync(async () => (await agent.GetJsonAsync("/api/v1/agent/calls")).GetArrayLength() == 0, "the call ended", diagnostics: Diagnostics);

        var done = await agent.PostJsonAsync($"/api/v1/dial-tasks/{taskId}/contacts/{offered.Str("id")}/result",
            new { disposition = "SALE", remark = "Ordered on the phone" }, HttpStatusCode.OK);
        Assert.Equal(("Done", "Sale", "Answered", callId), (done.Str("status"), done.Str("result"), done.Str("lastOutcome"), done.Str("callId")));
        var record = await Wait.ForAsync<System.Text.Json.JsonElement>(async () =>
        {
            var r = await Tenant.Admin.GetAsync($"/api/v1/call-records/{callId}");
            return r.IsSuccessStatusCode ? System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement : (System.Text.Json.JsonElement?)null;
        }, "the call's record", diagnostics: Diagnostics);
        Assert.Equal(taskId, record.GetProperty("attachedData").GetProperty("dial_task_id").GetString());
        Assert.Equal("Answered", record.GetProperty("summary").Str("outcome"));
        var progress = await Tenant.Admin.GetJsonAsync($"/api/v1/dial-tasks/{taskId}/progress");
        Assert.Equal((1, 1), (progress.GetProperty("total").GetInt32(), progress.GetProperty("completed").GetInt32()));
    }
}
