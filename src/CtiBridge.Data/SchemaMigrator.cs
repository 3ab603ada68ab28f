using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Data;

/// <summary>One schema migration: explicit SQL for each provider.</summary>
/// <param name="Id">
/// The file name without extension, e.g. <c>0002_agent_sessions</c> or <c>202612051700_audit_log</c>: a number
/// (new migrations: the UTC time of writing, <c>yyyyMMddHHmm</c>), an underscore and a name. Unique; it is
/// what <c>__schema_migrations</c> records.
/// </param>
/// <param name="Sqlite">The SQL applied on SQLite (null when the file is missing).</param>
/// <param name="PostgreSql">The SQL applied on PostgreSQL (null when the file is missing).</param>
/// <param name="SqlServer">The SQL applied on SQL Server (null when the file is missing).</param>
public sealed record SchemaMigration(string Id, string? Sqlite, string? PostgreSql, string? SqlServer)
{
    /// <summary>The number before the first underscore: migrations apply in the order of (number, id).</summary>
    public long Number => long.Parse(Id[..Id.IndexOf('_')], CultureInfo.InvariantCulture);

    /// <summary>The name after the number.</summary>
    public string Name => Id[(Id.IndexOf('_') + 1)..];

    /// <summary>The SQL as written in the file for <paramref name="provider"/> (null when missing).</summary>
    public string? SqlFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.PostgreSql => PostgreSql,
        _ => SqlServer,
    };
}

/// <summary>
/// Applies the hand-written migrations embedded under <c>Migrations/Sqlite</c>, <c>Migrations/PostgreSql</c> and
/// <c>Migrations/SqlServer</c> (files <c>NUMBER_name.sql</c>) and records their ids in <c>__schema_migrations</c>.
/// <para>
/// Ids are unique names, not a counter, so developers adding migrations on parallel branches never collide:
/// new migrations take the UTC time of writing as their number. Every migration the database has not had is
/// applied, in (number, id) order, even when one that sorts later is already there (a branch merged late).
/// All pending migrations are applied in one transaction (the three engines have transactional DDL), under a
/// lock (SQLite: the write lock of <c>BEGIN IMMEDIATE</c>; PostgreSQL: an advisory lock; SQL Server:
/// <c>sp_getapplock</c>), so two nodes starting together never apply one twice. A database that has a
/// migration this build does not know was made by a newer build and is refused. See docs/database.md.
/// </para>
/// </summary>
public sealed partial class SchemaMigrator(ILogger<SchemaMigrator>? logger = null)
{
    private const string ResourcePrefix = "CtiBridge.Migrations.";
    private const long AdvisoryLockKey = 0x43_54_49_42_52_44; // "CTIBRD"

    /// <summary>
    /// A line reading exactly this in a migration file stands for Quartz.NET's own create script for the provider
    /// (embedded in the Quartz assembly; the tables are prefixed <see cref="QuartzTablePrefix"/>). So the scheduler's
    /// tables are versioned with ours without copying Quartz's DDL; see docs/database.md.
    /// </summary>
    public const string QuartzSchemaDirective = "--@quartz-schema";

    /// <summary>The table prefix of Quartz's job store tables.</summary>
    public const string QuartzTablePrefix = "QRTZ_";

    private readonly ILogger _log = logger ?? NullLogger<SchemaMigrator>.Instance;

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> Loaded = new(Load);

    /// <summary>Every migration, in the order they apply.</summary>
    public static IReadOnlyList<SchemaMigration> All => Loaded.Value;

    /// <summary>The id of the last migration this build knows (what a fully migrated database has last).</summary>
    public static string LatestId => All.Count == 0 ? "" : All[^1].Id;

    /// <summary>Which provider the context runs on.</summary>
    public static DatabaseProvider ProviderOf(DbContext db) =>
        db.Database.IsNpgsql() ? DatabaseProvider.PostgreSql
        : db.Database.IsSqlite() ? DatabaseProvider.Sqlite
        : db.Database.IsSqlServer() ? DatabaseProvider.SqlServer
        : throw new NotSupportedException($"Provider {db.Database.ProviderName} is not supported.");

    /// <summary>
    /// The statements of <paramref name="migration"/> for <paramref name="provider"/>, as they are executed: the
    /// Quartz directive expanded, SQL Server's <c>GO</c> batch separators split on.
    /// </summary>
    public static IReadOnlyList<string> StatementsFor(SchemaMigration migration, DatabaseProvider provider)
    {
        var sql = migration.SqlFor(provider)
                  ?? throw new InvalidOperationException($"Schema migration {migration.Id} has no {provider} file (Migrations/{provider}/{migration.Id}.sql).");
        var statements = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            var s = current.ToString().Trim();
            if (s.Length > 0 && !IsOnlyComments(s)) statements.Add(s);
            current.Clear();
        }
        foreach (var line in sql.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed == QuartzSchemaDirective)
            {
                Flush();
                statements.AddRange(QuartzSchemaStatements(provider));
            }
            else if (provider == DatabaseProvider.SqlServer && trimmed.Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
            }
            else current.Append(line).Append('\n');
        }
        Flush();
        return statements;
    }

    /// <summary>Quartz.NET's create script for <paramref name="provider"/>, split into its statements.</summary>
    public static IReadOnlyList<string> QuartzSchemaStatements(DatabaseProvider provider)
    {
        var script = QuartzSchemaScript(provider)
            .Replace("{0}", QuartzTablePrefix, StringComparison.Ordinal)
            .Replace("{1}", QuartzTablePrefix, StringComparison.Ordinal);
        return script.Replace("\r\n", "\n").Split("\n--;;\n")
            .Select(s => s.Trim())
            .Where(s => s.Length > 0 && !IsOnlyComments(s))
            .ToList();
    }

    /// <summary>The raw create script Quartz.NET embeds for <paramref name="provider"/>.</summary>
    public static string QuartzSchemaScript(DatabaseProvider provider)
    {
        var dialect = provider switch
        {
            DatabaseProvider.Sqlite => "sqlite",
            DatabaseProvider.PostgreSql => "postgres",
            _ => "sqlServer",
        };
        var asm = typeof(Quartz.IScheduler).Assembly;
        return Read(asm, $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql");
    }

    /// <summary>
    /// Switches a SQLite file to write-ahead logging (a lasting property of the file; memory databases stay as they
    /// are). In the default rollback journal a reader blocks every writer and a waiting writer blocks every new reader,
    /// so one slow read (a CSV export streaming to a slow client, a large report) stalled session refreshes and the
    /// journal for up to the 30 s busy timeout. With the log, readers never wait and never hold up the one writer.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(DbConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL";
        await cmd.ExecuteScalarAsync(ct);
    }

    private static bool IsOnlyComments(string sql) =>
        sql.Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith("--", StringComparison.Ordinal));

    /// <summary>Brings the database up to date; returns the ids of the migrations it applied, in order.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(DbContext db, CancellationToken ct = default)
    {
        var provider = ProviderOf(db);
        var missing = All.Where(m => m.SqlFor(provider) is null).Select(m => m.Id).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Schema migrations without a {provider} file: {string.Join(", ", missing)}.");

        var conn = db.Database.GetDbConnection();
        var opened = conn.State != ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            if (provider == DatabaseProvider.Sqlite) await UseWriteAheadLogAsync(conn, ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            switch (provider)
            {
                case DatabaseProvider.PostgreSql:
                    await ExecAsync(conn, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
                    break;
                case DatabaseProvider.SqlServer:
                    await ExecAsync(conn, tx, "EXEC sp_getapplock @Resource = 'CtiBridge.SchemaMigrator', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", ct);
                    break;
            }
            await ExecAsync(conn, tx, CreateHistoryTableSql(provider), ct);
            await AdoptLegacyHistoryAsync(conn, tx, provider, ct);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT id FROM __schema_migrations";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }
            var unknown = applied.Except(All.Select(m => m.Id)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"The database has schema migrations this build does not know ({string.Join(", ", unknown)}): it was made by a newer CtiBridge. Upgrade CtiBridge.");

            var done = new List<string>();
            foreach (var m in All.Where(m => !applied.Contains(m.Id)))
            {
                _log.LogInformation("Applying schema migration {Migration} ({Provider})", m.Id, provider);
                foreach (var statement in StatementsFor(m, provider))
                    await ExecAsync(conn, tx, statement, ct);
                await RecordAsync(conn, tx, provider, m.Id, ct);
                done.Add(m.Id);
            }
            await tx.CommitAsync(ct);
            if (done.Count == 0) _log.LogInformation("Database schema is up to date ({Migration})", LatestId);
            return done;
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    /// <summary>The DDL of the history table on <paramref name="provider"/> (idempotent).</summary>
    public static string CreateHistoryTableSql(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite =>
            "CREATE TABLE IF NOT EXISTS __schema_migrations (id TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)",
        DatabaseProvider.PostgreSql =>
            "CREATE TABLE IF NOT EXISTS __schema_migrations (id varchar(150) NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)",
        _ =>
            "IF OBJECT_ID(N'__schema_migrations', N'U') IS NULL CREATE TABLE __schema_migrations (id nvarchar(150) NOT NULL PRIMARY KEY, applied_at datetime2 NOT NULL)",
    };

    /// <summary>
    /// Databases made before migrations had ids recorded integer versions in <c>__schema_versions</c> (1 = 0001_initial,
    /// 2 = 0002_agent_sessions). Those are copied to <c>__schema_migrations</c> once, and a sentinel version is added to
    /// the old table so that an older build started on this database refuses it ("newer than this build") instead of
    /// running on a schema it does not know.
    /// </summary>
    private static async Task AdoptLegacyHistoryAsync(DbConnection conn, DbTransaction tx, DatabaseProvider provider, CancellationToken ct)
    {
        if (provider == DatabaseProvider.SqlServer) return; // SQL Server support began with ids.
        var exists = provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__schema_versions'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__schema_versions'";
        if (Convert.ToInt64(await ScalarAsync(conn, tx, exists, ct), CultureInfo.InvariantCulture) == 0) return;

        var legacy = new List<(int Version, string Name)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT version, name FROM __schema_versions";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) legacy.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)));
        }
        if (legacy.Any(l => l.Version == LegacySentinelVersion)) return; // adopted before
        foreach (var (version, name) in legacy.OrderBy(l => l.Version))
            await RecordAsync(conn, tx, provider, $"{version:D4}_{name}", ct);

        await using var sentinel = conn.CreateCommand();
        sentinel.Transaction = tx;
        sentinel.CommandText = "INSERT INTO __schema_versions (version, name, applied_at) VALUES (@v, @n, @a)";
        AddParam(sentinel, "@v", LegacySentinelVersion);
        AddParam(sentinel, "@n", "superseded by __schema_migrations");
        AddParam(sentinel, "@a", provider == DatabaseProvider.Sqlite ? DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) : DateTime.UtcNow);
        await sentinel.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The version written into the old <c>__schema_versions</c> table once its rows are adopted.</summary>
    public const int LegacySentinelVersion = int.MaxValue;

    private static async Task RecordAsync(DbConnection conn, DbTransaction tx, DatabaseProvider provider, string id, CancellationToken ct)
    {
        await using var ins = conn.CreateCommand();
        ins.Transaction = tx;
        ins.CommandText = "INSERT INTO __schema_migrations (id, applied_at) VALUES (@id, @at)";
        AddParam(ins, "@id", id);
        AddParam(ins, "@at", provider == DatabaseProvider.Sqlite ? DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) : DateTime.UtcNow);
        await ins.ExecuteNonQueryAsync(ct);
    }

    private static void AddParam(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static async Task<object?> ScalarAsync(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"^[0-9]{4,14}_[a-z0-9_]+$")]
    private static partial Regex IdPattern();

    private static IReadOnlyList<SchemaMigration> Load()
    {
        var asm = typeof(SchemaMigrator).Assembly;
        var files = new Dictionary<string, Dictionary<DatabaseProvider, string>>(StringComparer.Ordinal);
        foreach (var res in asm.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            // CtiBridge.Migrations.Sqlite/0001_initial.sql
            var rest = res[ResourcePrefix.Length..].Replace('\\', '/');
            var slash = rest.IndexOf('/');
            var provider = rest[..slash] switch
            {
                "Sqlite" => DatabaseProvider.Sqlite,
                "PostgreSql" => DatabaseProvider.PostgreSql,
                "SqlServer" => DatabaseProvider.SqlServer,
                var p => throw new InvalidOperationException($"Unknown migration folder {p}"),
            };
            var id = Path.GetFileNameWithoutExtension(rest[(slash + 1)..]);
            if (!IdPattern().IsMatch(id))
                throw new InvalidOperationException($"Schema migration file {rest} must be named NUMBER_name.sql (lower-case name; new ones: yyyyMMddHHmm_name.sql).");
            if (!files.TryGetValue(id, out var byProvider)) files[id] = byProvider = [];
            byProvider[provider] = Read(asm, res);
        }
        var list = files.Select(f => new SchemaMigration(
                f.Key,
                f.Value.GetValueOrDefault(DatabaseProvider.Sqlite),
                f.Value.GetValueOrDefault(DatabaseProvider.PostgreSql),
                f.Value.GetValueOrDefault(DatabaseProvider.SqlServer)))
            .OrderBy(m => m.Number).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        // SQLite and PostgreSQL are the engines CtiBridge runs and tests on: a migration missing for either is a
        // build error. A missing SQL Server file only stops SQL Server (MigrateAsync) and fails the script test.
        foreach (var m in list)
            if (m.Sqlite is null || m.PostgreSql is null)
                throw new InvalidOperationException($"Schema migration {m.Id} must exist for both SQLite and PostgreSQL.");
        return list;
    }

    private static string Read(Assembly asm, string resource)
    {
        using var stream = asm.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"Embedded resource {resource} not found in {asm.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
