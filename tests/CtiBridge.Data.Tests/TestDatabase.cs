using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>A fresh empty database on one provider; contexts made from it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        _sqliteFile = sqliteFile;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"ctibridge-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file};Pooling=False", file);
        }
        return new TestDatabase(provider, await postgres.CreateDatabaseAsync(), null);
    }

    /// <summary>A new context (unscoped: sees nothing until scoped).</summary>
    public CtiDbContext NewContext()
    {
        var b = new DbContextOptionsBuilder<CtiDbContext>();
        Options.Configure(b);
        return new CtiDbContext(b.Options);
    }

    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await new SchemaMigrator().MigrateAsync(db);
    }

    public void Dispose()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
    }
}
