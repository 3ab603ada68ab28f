using CtiBridge.Data;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// Where CtiBridge keeps its own files: the SQLite database, the generated token-signing key and the Data Protection
/// keys. <c>Data:Directory</c> (or <c>--data &lt;dir&gt;</c> on the command line), default <c>data</c> under the working
/// directory — the directory the service was started from, also with <c>dotnet run --project src/CtiBridge.Api</c> (the
/// project file runs it there). Settings that name a file themselves (<c>Database:ConnectionString</c>,
/// <c>Auth:Jwt:SigningKeyFile</c>, <c>DataProtection:KeysFolder</c>) win over it.
/// </summary>
public static class DataDirectory
{
    public const string Key = "Data:Directory";
    public const string Switch = "--data";
    public const string Default = "data";

    /// <summary>The data directory, absolute: <c>--data &lt;dir&gt;</c> (or <c>--data=&lt;dir&gt;</c>), else <c>Data:Directory</c>, else <c>data</c>.</summary>
    public static string Resolve(IConfiguration configuration, IReadOnlyList<string> args) =>
        Path.GetFullPath(FromArgs(args) ?? (configuration[Key] is { Length: > 0 } dir ? dir : Default));

    // Read from the arguments themselves: ASP.NET Core's command-line configuration would pair a flag without a value
    // (setup's --password-stdin) with the next word.
    private static string? FromArgs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Switch && i + 1 < args.Count) return args[i + 1];
            if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal)) return args[i][(Switch.Length + 1)..];
        }
        return null;
    }

    /// <summary>Fills the file settings nobody set with paths inside the data directory.</summary>
    public static WebApplicationBuilder AddCtiDataDirectory(this WebApplicationBuilder builder, IReadOnlyList<string> args)
    {
        var configuration = builder.Configuration;
        var dir = Resolve(configuration, args);
        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(configuration["Database:ConnectionString"])
            && DatabaseOptions.From(configuration).Provider == DatabaseProvider.Sqlite)
            defaults["Database:ConnectionString"] = "Data Source=" + Path.Combine(dir, "ctibridge.db");
        if (string.IsNullOrWhiteSpace(configuration["Auth:Jwt:SigningKeyFile"]))
            defaults["Auth:Jwt:SigningKeyFile"] = Path.Combine(dir, "jwt-signing.key");
        if (string.IsNullOrWhiteSpace(configuration["DataProtection:KeysFolder"]))
            defaults["DataProtection:KeysFolder"] = Path.Combine(dir, "keys");
        if (defaults.Count > 0) configuration.AddInMemoryCollection(defaults);
        return builder;
    }
}
