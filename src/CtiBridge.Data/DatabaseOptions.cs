using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Data;

/// <summary>The database engines CtiBridge runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded file database (the default).</summary>
    Sqlite,
    /// <summary>Server database for production.</summary>
    PostgreSql,
    /// <summary>Microsoft SQL Server (schema and SQL generated and checked here; see docs/database.md).</summary>
    SqlServer,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqliteConnectionString = "Data Source=data/ctibridge.db";

    /// <summary><c>Sqlite</c> (default), <c>PostgreSQL</c> or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite defaults to <see cref="DefaultSqliteConnectionString"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Reads the <c>Database</c> section (accepts <c>PostgreSQL</c>, <c>Postgres</c>, <c>Npgsql</c>, <c>Sqlite</c>, <c>SqlServer</c>, <c>MSSQL</c>).</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var provider = (section["Provider"] ?? "Sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" or "" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
            "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
            var other => throw new InvalidOperationException($"Database:Provider '{other}' is not supported (Sqlite, PostgreSQL or SqlServer)."),
        };
        var cs = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"Database:ConnectionString is required for {provider}.");
            cs = DefaultSqliteConnectionString;
        }
        return new DatabaseOptions { Provider = provider, ConnectionString = cs };
    }

    /// <summary>Configures EF Core for this provider (and creates the SQLite file's folder 0700 and the file 0600).</summary>
    private int _filePrepared;

    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                var csb = new SqliteConnectionStringBuilder(ConnectionString);
                if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory
                    && Interlocked.Exchange(ref _filePrepared, 1) == 0) // once per process, not per context
                {
                    // Private from the start: the folder 0700, the file 0600 before SQLite opens it (its -wal and
                    // -shm files take the database file's mode).
                    var file = Path.GetFullPath(csb.DataSource);
                    var dir = Path.GetDirectoryName(file);
                    if (!string.IsNullOrEmpty(dir)) PrivateFiles.CreateFolder(dir);
                    PrivateFiles.EnsureFile(file);
                    PrivateFiles.Restrict(file + "-wal");
                    PrivateFiles.Restrict(file + "-shm");
                }
                builder.UseSqlite(ConnectionString);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(ConnectionString);
                break;
        }
    }
}

/// <summary>Registration of the data layer.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CtiDbContext"/> (scoped) on the provider chosen by <c>Database:Provider</c>,
    /// <see cref="DatabaseOptions"/>, <see cref="SchemaMigrator"/> and a default <see cref="ICurrentTenant"/>
    /// (none) that the host may replace.
    /// </summary>
    public static IServiceCollection AddCtiData(this IServiceCollection services, IConfiguration configuration)
    {
        // Read lazily: hosts (and test hosts) may add configuration sources after this call.
        services.AddSingleton(_ => DatabaseOptions.From(configuration));
        services.TryAddScoped<ICurrentTenant, NoCurrentTenant>();
        services.TryAddScoped<Audit.IAuditActor, Audit.NoAuditActor>();
        services.AddDbContext<CtiDbContext>((sp, o) => sp.GetRequiredService<DatabaseOptions>().Configure(o));
        services.AddSingleton<SchemaMigrator>();
        return services;
    }
}
