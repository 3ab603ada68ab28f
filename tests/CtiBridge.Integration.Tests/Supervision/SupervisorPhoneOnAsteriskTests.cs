using System.Net;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Faults;
using CtiBridge.Integration.Tests.Product;

namespace CtiBridge.Integration.Tests.Supervision;

/// <summary>
/// A supervisor's own desk phone, end to end on a real Asterisk through the production Api: the admin gives the
/// supervisor a SIP device (its endpoint <c>demo-1901</c> provisioned like an agent's), a sipp phone registers with the
/// provisioned credentials, and monitoring from the desk rings it with the auto-answer headers; the phone answers, the
/// session is active, and stopping it sends the phone its BYE while the customer and the agent talk on.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class SupervisorPhoneOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    private const string Url = "/api/v1/supervision/monitoring";

    [AsteriskAndSippFact]
    public async Task Monitoring_rings_the_supervisors_provisioned_desk_phone_with_auto_answer_and_stopping_hangs_only_it_up()
    {
        var (ann, annId, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        var boss = Tenant.Admin; // the tenant admin may use every mode on every agent
        var bossId = (await boss.GetJsonAsync("/api/v1/session/me")).Str("userId");
        var device = await boss.PutJsonAsync($"/api/v1/admin/users/{bossId}/supervisor-device", new { extension = "1901", extensionKind = "Sip" });
        Assert.Equal("1901", device.GetProperty("supervisorDevice").Str("extension"));

        // The provisioned endpoint reaches Asterisk and the supervisor's phone registers with its credentials.
        var creds = await Tenant.CredentialsAsync("demo-1901");
        var phone = Track(SippParties.Phone(AsteriskServer, creds.Username, creds.Password, SippParties.PhoneBehaviour.Answer));
        await Wait.UntilAsync(() => Task.FromResult(phone.Registered), "the supervisor's phone registered", diagnostics: Diagnostics);
        await Wait.UntilAsync(async () => (await AsteriskServer.GetJsonAsync("endpoints/PJSIP/demo-1901")).Str("state") == "online",
            "demo-1901 online on Asterisk", diagnostics: Diagnostics);

        var customer = Track(SippParties.Customer(AsteriskServer, "5551001", "5550901"));
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected", "the customer talking to Ann", diagnostics: Diagnostics);
        await Wait.UntilAsync(async () => (await ApiAgainstAsterisk.TalkingAsync(AsteriskServer)).Count == 1,
            "the customer and Ann's phone in the call's bridge", diagnostics: Diagnostics);

        var started = await boss.PostJsonAsync(Url, new { agentId = annId, mode = "Monitor" }, HttpStatusCode.Created);
        Assert.Equal(call.Str("callId"), started.Str("callId"));
        await Wait.UntilAsync(async () => (await boss.GetJsonAsync(Url)).Str("state") == "Active", "the supervisor's phone answered",
            diagnostics: Diagnostics);
        // The INVITE went to her registered phone and asked it to answer by itself.
        var invite = phone.Messages.Split("-----------------------------------------------")
            .First(m => m.Contains("INVITE sip:demo-1901@", StringComparison.Ordinal) && m.Contains("message received", StringComparison.Ordinal));
        Assert.Contains("answer-after=0", invite);
        Assert.Contains("info=alert-autoanswer", invite);
        Assert.Contains(await AsteriskServer.ChannelsAsync(), c => c.Name.StartsWith("PJSIP/demo-1901-", StringComparison.Ordinal) && c.State == "Up");

        // Stopping hangs up her phone only: the customer and Ann talk on.
        using (var stop = await boss.DeleteAsync(Url)) Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        await Wait.UntilAsync(async () => (await AsteriskServer.ChannelsAsync()).All(c => !c.Name.StartsWith("PJSIP/demo-1901-", StringComparison.Ordinal)),
            "the supervisor's channel gone", diagnostics: Diagnostics);
        Assert.Contains("BYE sip:", phone.Messages);
        Assert.Single(await ApiAgainstAsterisk.TalkingAsync(AsteriskServer));
        Assert.DoesNotContain("BYE sip:", customer.Messages);

        await ann.PostJsonAsync($"/api/v1/calls/{call.Str("callId")}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.UntilAsync(() => Task.FromResult(customer.Messages.Contains("BYE sip:")), "the BYE to the customer", diagnostics: Diagnostics);
    }
}
