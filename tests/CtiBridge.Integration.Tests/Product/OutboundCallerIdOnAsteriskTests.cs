using System.Net;
using System.Text.RegularExpressions;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// Outbound dialling with a caller ID on a real Asterisk: the agent's desk phone (sipp) answers the dialer leg, the
/// customer leg goes out through the demo trunk to sipp, and the INVITE it receives presents the chosen caller ID.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class OutboundCallerIdOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    [AsteriskAndSippFact]
    public async Task The_caller_id_an_agent_chooses_reaches_the_called_party_and_another_is_refused()
    {
        await Tenant.Admin.PostJsonAsync("/api/v1/admin/caller-ids", new { number = "+4930200", label = "Main line" }, HttpStatusCode.Created);
        var (agent, _, _) = await AgentOnlineAsync("cid", "1105", ready: false);

        var refused = await agent.PostJsonAsync("/api/v1/calls/dial", new { number = "4940123456", callerId = "+15550001" }, HttpStatusCode.Forbidden);
        Assert.Equal("caller_id_not_allowed", refused.Str("code"));

        var far = Track(SippParties.CalledParty(AsteriskServer));
        var dialled = await agent.PostJsonAsync("/api/v1/calls/dial", new { number = "4940123456", callerId = "+4930200" }, HttpStatusCode.Created);
        var callId = dialled.Str("callId");
        string invite = "";
        await Wait.UntilAsync(() =>
        {
            invite = Regex.Match(far.Messages, @"INVITE sip:4940123456@[\s\S]*?\r?\n\r?\n").Value;
            return Task.FromResult(invite.Length > 0);
        }, "the trunk's INVITE at the called party", diagnostics: Diagnostics);
        Assert.Matches(new Regex(@"^From:.*sip:\+4930200@", RegexOptions.Multiline), invite);
        await Wait.CallAsync(agent, c => c.Str("callId") == callId && c.Str("state") == "Connected", "the outbound call connected", diagnostics: Diagnostics);
        await agent.PostJsonAsync($"/api/v1/calls/{callId}/hangup", null, HttpStatusCode.NoContent);
    }
}
