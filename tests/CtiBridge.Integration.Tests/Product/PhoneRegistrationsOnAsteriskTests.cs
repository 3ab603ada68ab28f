using System.Text.Json;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// The admin's live registration list (GET /api/v1/admin/phones/registrations) on a real Asterisk: a desk phone (sipp)
/// registering with the credentials CtiBridge provisioned shows its contact and User-Agent from AMI PJSIPShowContacts and
/// when it was last heard from (its ContactStatus event); a phone that never registered shows none of them.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class PhoneRegistrationsOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    private const string Path = "/api/v1/admin/phones/registrations";

    [AsteriskAndSippFact]
    public async Task A_registered_sipp_phone_shows_its_contact_user_agent_and_last_seen()
    {
        await Tenant.AddHotDeskPhoneAsync("2201", "Desk A");
        await Tenant.AddHotDeskPhoneAsync("2202", "Desk B");
        var before = await Tenant.Admin.GetJsonAsync(Path);
        Assert.All(before.EnumerateArray(), p =>
        {
            Assert.False(p.GetProperty("registered").GetBoolean());
            Assert.Empty(p.GetProperty("contacts").EnumerateArray());
        });

        var startedAt = DateTimeOffset.UtcNow;
        var creds = await Tenant.CredentialsAsync("demo-2201");
        var deskA = Track(SippParties.Phone(AsteriskServer, creds.Username, creds.Password, SippParties.PhoneBehaviour.RegisterOnly));
        await Wait.UntilAsync(() => Task.FromResult(deskA.Registered), "desk A's REGISTER answered", diagnostics: Diagnostics);

        var list = await Wait.ForAsync<JsonElement>(async () =>
        {
            var l = await Tenant.Admin.GetJsonAsync(Path);
            var a = l.EnumerateArray().Single(p => p.Str("endpointName") == "demo-2201");
            return a.GetProperty("registered").GetBoolean() && a.GetProperty("lastSeen").ValueKind != JsonValueKind.Null
                ? l : null;
        }, "desk A registered with a last-seen time in the admin list", diagnostics: Diagnostics);
        var deskAView = list.EnumerateArray().Single(p => p.Str("endpointName") == "demo-2201");
        var contact = Assert.Single(deskAView.GetProperty("contacts").EnumerateArray());
        Assert.StartsWith("sip:demo-2201@127.0.0.1:", contact.Str("uri"));
        Assert.Equal("sipp-product-phone", contact.Str("userAgent"));
        Assert.True(contact.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow, "the registration expires in the future");
        var lastSeen = deskAView.GetProperty("lastSeen").GetDateTimeOffset();
        Assert.InRange(lastSeen, startedAt.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var deskB = list.EnumerateArray().Single(p => p.Str("endpointName") == "demo-2202");
        Assert.False(deskB.GetProperty("registered").GetBoolean());
        Assert.Empty(deskB.GetProperty("contacts").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, deskB.GetProperty("lastSeen").ValueKind);
    }
}
