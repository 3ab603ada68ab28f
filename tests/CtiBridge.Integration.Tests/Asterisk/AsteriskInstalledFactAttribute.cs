namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>
/// A test that needs a real Asterisk installed on this machine. Skipped, with the reason shown, when none is found:
/// env <c>CTI_ASTERISK_BIN</c>, else <c>asterisk</c> on PATH, else <c>/usr/sbin/asterisk</c> (where Asterisk's own
/// <c>make install</c> puts it on Linux).
/// </summary>
public sealed class AsteriskInstalledFactAttribute : FactAttribute
{
    public AsteriskInstalledFactAttribute()
    {
        if (AsteriskBinary.Find() is null)
            Skip = "Asterisk is not installed: set CTI_ASTERISK_BIN or put 'asterisk' on PATH (see docs/asterisk.md) to run the real-Asterisk suite.";
    }
}

/// <summary>Finds the Asterisk binary.</summary>
public static class AsteriskBinary
{
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("CTI_ASTERISK_BIN");
        if (!string.IsNullOrWhiteSpace(env)) return File.Exists(env) ? env : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "asterisk");
            if (File.Exists(candidate)) return candidate;
        }
        foreach (var candidate in new[] { "/usr/sbin/asterisk", "/usr/local/sbin/asterisk" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    /// <summary>Asterisk's module directory: env CTI_ASTERISK_MODULES, else the usual places.</summary>
    public static string ModuleDir() =>
        Environment.GetEnvironmentVariable("CTI_ASTERISK_MODULES") is { Length: > 0 } m ? m
        : new[] { "/usr/lib/asterisk/modules", "/usr/lib64/asterisk/modules", "/usr/local/lib/asterisk/modules" }
            .FirstOrDefault(Directory.Exists) ?? "/usr/lib/asterisk/modules";

    /// <summary>Asterisk's data directory (sounds, moh): env CTI_ASTERISK_DATA, else /var/lib/asterisk.</summary>
    public static string DataDir() =>
        Environment.GetEnvironmentVariable("CTI_ASTERISK_DATA") is { Length: > 0 } d ? d : "/var/lib/asterisk";
}
