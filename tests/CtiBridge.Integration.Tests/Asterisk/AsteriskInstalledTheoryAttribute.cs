namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>A theory that needs a real Asterisk; skipped with the reason when none is installed.</summary>
public sealed class AsteriskInstalledTheoryAttribute : TheoryAttribute
{
    public AsteriskInstalledTheoryAttribute()
    {
        if (AsteriskBinary.Find() is null)
            Skip = "Asterisk is not installed: set CTI_ASTERISK_BIN or put 'asterisk' on PATH (see docs/asterisk.md) to run the real-Asterisk suite.";
    }
}
