using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Tests.CallCenter;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Tenants;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.Contacts;

/// <summary>
/// Every offer carries what its screen pop needs besides the number (the tenant's settings, the offered agent's roles and
/// name), taken from the live configuration when the offer is made: the event fan-out then reads neither the database
/// for it nor the call center.
/// </summary>
public class OfferCarriesScreenPopContextTests
{
    private static TenantConfiguration WithScreenPop(TenantConfiguration c, string country, UserRoles annRoles) => c with
    {
        Settings = c.Settings with
        {
            Country = country,
            NumberMaskingRule = "none",
            ScreenPopUrlTemplate = "https://crm.example/find?n={number}",
            ScreenPopTrigger = ScreenPopTrigger.Answered,
            ScreenPopTarget = ScreenPopTarget.Panel,
        },
        Agents = c.Agents.Select(a => a.Id == Ann ? a with { Roles = annRoles, Username = "ann" } : a with { Username = a.DisplayName.ToLowerInvariant() }).ToList(),
    };

    [Fact]
    public void A_queue_offer_carries_the_tenant_settings_and_the_offered_agent()
    {
        var h = new Harness(c => WithScreenPop(c, "US", UserRoles.Agent));
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales", from: "2025550123");

        var offer = h.Sink.Of<CallOfferedEvent>().Single();
        Assert.Equal("2025550123", offer.CallerNumber);
        Assert.Equal(new Application.Contacts.ScreenPopContext("US", "none", "https://crm.example/find?n={number}",
            ScreenPopTrigger.Answered, ScreenPopTarget.Panel, UserRoles.Agent, "ann"), offer.ScreenPopContext);
    }

    [Fact]
    public void After_an_admin_change_the_next_offer_carries_the_new_settings_and_roles()
    {
        var h = new Harness(c => WithScreenPop(c, "US", UserRoles.Agent));
        h.Reconfigure(c => WithScreenPop(c, "GB", UserRoles.Agent | UserRoles.Supervisor));
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales", from: "02079460000");

        var context = h.Sink.Of<CallOfferedEvent>().Single().ScreenPopContext!;
        Assert.Equal("GB", context.Country);
        Assert.Equal(UserRoles.Agent | UserRoles.Supervisor, context.Roles);
    }

    [Fact]
    public void A_consultation_offer_carries_the_consulted_agent_not_the_consulting_one()
    {
        var h = new Harness(c => WithScreenPop(c, "US", UserRoles.Agent | UserRoles.Admin));
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Center.Login(Cat, ready: true);

        h.Center.StartConsult(Ann, h.OnlyCallOf(Ann), new(AgentId: Cat));

        var toCat = h.Sink.Of<CallOfferedEvent>().Single(o => o.AgentId == Cat);
        Assert.Equal("cat", toCat.ScreenPopContext!.Username);
        Assert.Equal(UserRoles.Agent, toCat.ScreenPopContext.Roles);
    }
}
