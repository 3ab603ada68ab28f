using CtiBridge.Application.CallCenter;
using CtiBridge.Domain.Errors;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>A number on the tenant's outbound blocklist is never dialled, as given or in its dialable form; others are.</summary>
public class OutboundBlocklistTests
{
    [Fact]
    public void Dialling_a_blocked_number_is_refused_and_no_call_is_placed()
    {
        var h = new Harness(c => c with
        {
            OutboundBlocked = new OutboundBlocklist(new HashSet<string> { "+4930123456" }, n => n.StartsWith('0') ? "+49" + n[1..] : n),
        });
        h.Center.Login(Ann, ready: false);

        var asGiven = Assert.Throws<CtiException>(() => h.Center.Dial(Ann, "+4930123456"));
        var national = Assert.Throws<CtiException>(() => h.Center.Dial(Ann, "030123456"));

        Assert.Equal(ErrorCodes.NumberBlocked, asGiven.Code);
        Assert.Equal(ErrorCodes.NumberBlocked, national.Code);
        Assert.Empty(h.Center.ListCalls());
        Assert.Empty(h.Pbx.Legs);
        Assert.NotEqual(Guid.Empty, h.Center.Dial(Ann, "030999999")); // another number is dialled
    }
}
