namespace CtiBridge.Application.Common;

/// <summary>
/// Encrypts secrets CtiBridge must read back (webhook signing secrets) before they are stored, so a copy of the
/// database alone does not reveal them. The host implements it with ASP.NET Core Data Protection (docs/auth.md).
/// </summary>
public interface ISecretProtector
{
    /// <summary>The stored form of <paramref name="secret"/>.</summary>
    string Protect(string secret);

    /// <summary>The secret from its stored form; a value stored in plain text by an older version is returned as it is.</summary>
    string Unprotect(string stored);

    /// <summary>Whether <paramref name="stored"/> is already encrypted (false: plain text of an older version).</summary>
    bool IsProtected(string stored);
}

/// <summary>Work on stored data that runs once at start-up, after the schema migrations and before requests are served.</summary>
public interface IStartupDataUpgrade
{
    Task UpgradeAsync(CancellationToken ct = default);
}
