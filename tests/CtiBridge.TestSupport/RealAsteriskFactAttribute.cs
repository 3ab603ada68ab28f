// TestSupport does not reference xunit (the benchmarks reference TestSupport too), so this file compiles only where
// CTIBRIDGE_XUNIT is defined: test projects link it (<Compile Include="..\CtiBridge.TestSupport\RealAsteriskFactAttribute.cs" />)
// and define the symbol. If TestSupport ever references xunit, define the symbol there and drop the links.
#if CTIBRIDGE_XUNIT
using Xunit;

namespace CtiBridge.TestSupport;

/// <summary>
/// A fact that runs only against a real Asterisk: it is skipped, with the reason shown in the test report, unless
/// CTI_ASTERISK_ARI_URL is set (CTI_ASTERISK_ARI_USER/CTI_ASTERISK_ARI_PASSWORD, CTI_ASTERISK_AMI_HOST/PORT/USER/SECRET and
/// CTI_ASTERISK_APP complete the connection details).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RealAsteriskFactAttribute : FactAttribute
{
    public const string SkipReason =
        "no real Asterisk: set CTI_ASTERISK_ARI_URL (+ CTI_ASTERISK_ARI_USER/CTI_ASTERISK_ARI_PASSWORD, CTI_ASTERISK_AMI_HOST/PORT/USER/SECRET, CTI_ASTERISK_APP) to run";

    public RealAsteriskFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CTI_ASTERISK_ARI_URL"))) Skip = SkipReason;
    }
}
#endif
