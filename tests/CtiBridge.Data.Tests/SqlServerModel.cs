using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The SQL Server side of the data layer without a server: a context on the SQL Server provider (never opened),
/// the model's create script, and the checked-in scripts under <c>src/CtiBridge.Data/Scripts/</c>.
/// </summary>
public static class SqlServerModel
{
    /// <summary>A connection string that is never opened: every use here is offline (model, SQL generation).</summary>
    public const string OfflineConnectionString = "Server=127.0.0.1,1;Database=ctibridge;TrustServerCertificate=True;Connect Timeout=1";

    /// <summary>Set to 1 to rewrite the checked-in scripts instead of comparing them.</summary>
    public const string UpdateVariable = "CTI_UPDATE_SQL_SCRIPTS";

    public static CtiDbContext NewContext(Guid? tenant = null)
    {
        var b = new DbContextOptionsBuilder<CtiDbContext>();
        new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = OfflineConnectionString }.Configure(b);
        var db = new CtiDbContext(b.Options);
        if (tenant is { } t) db.ScopeToTenant(t);
        return db;
    }

    /// <summary>
    /// The model's full create script (what EnsureCreated would run), line endings normalised. EF orders some statements
    /// by name with the current culture's comparer: generated under the invariant culture, the script is the same
    /// whatever the machine's locale.
    /// </summary>
    public static string ModelScript()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            using var db = NewContext();
            return Normalize(db.Database.GenerateCreateScript());
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }

    public static string Normalize(string s) => s.Replace("\r\n", "\n").TrimEnd() + "\n";

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CtiBridge.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (CtiBridge.sln) not found above " + AppContext.BaseDirectory);
    }
}
