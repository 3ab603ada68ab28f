using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CtiBridge.Data;

/// <summary>What a provider's error means, for the few errors the product expects and handles (the rest propagate).</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True when a write broke a unique index (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE, SQL Server 2601/2627),
    /// directly or wrapped by EF Core's <see cref="DbUpdateException"/>.
    /// </summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555, // UNIQUE, PRIMARY KEY
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
