using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Data;

/// <summary>One schema version: explicit SQL for each provider.</summary>
/// <param name="Version">Ordered, gap-free version number (1, 2, 3 …).</param>
/// <param name="Name">Short description from the file name.</param>
/// <param name="Sqlite">The SQL applied on SQLite.</param>
/// <param name="PostgreSql">The SQL applied on PostgreSQL.</param>
public sealed record SchemaMigration(int Version, string Name, string Sqlite, string PostgreSql)
{
    /// <summary>The SQL for <paramref name="provider"/>.</summary>
    public string SqlFor(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? Sqlite : PostgreSql;
}

/// <summary>
/// Applies the hand-written migrations embedded under <c>Migrations/Sqlite</c> and
/// <c>Migrations/PostgreSql</c> (files <c>NNNN_name.sql</c>) and records them in <c>__schema_versions</c>.
/// All pending versions are applied in one transaction (both engines have transactional DDL), under
/// a lock (SQLite: the write lock of <c>BEGIN IMMEDIATE</c>; PostgreSQL: an advisory lock), so two
/// nodes starting together never apply a version twice. See docs/database.md.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator>? logger = null)
{
    private const string ResourcePrefix = "CtiBridge.Migrations.";
    private const long AdvisoryLockKey = 0x43_54_49_42_52_44; // "CTIBRD"
    private readonly ILogger _log = logger ?? NullLogger<SchemaMigrator>.Instance;

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> Loaded = new(Load);

    /// <summary>Every migration, in order.</summary>
    public static IReadOnlyList<SchemaMigration> All => Loaded.Value;

    /// <summary>The schema version this build of CtiBridge expects.</summary>
    public static int LatestVersion => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>Which provider the context runs on.</summary>
    public static DatabaseProvider ProviderOf(DbContext db) =>
        db.Database.IsNpgsql() ? DatabaseProvider.PostgreSql
        : db.Database.IsSqlite() ? DatabaseProvider.Sqlite
        : throw new NotSupportedException($"Provider {db.Database.ProviderName} is not supported.");

    /// <summary>Brings the database to <see cref="LatestVersion"/>; returns the versions it applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(DbContext db, CancellationToken ct = default)
    {
        var provider = ProviderOf(db);
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (provider == DatabaseProvider.PostgreSql)
                await ExecAsync(conn, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            await ExecAsync(conn, tx, provider == DatabaseProvider.Sqlite
                ? "CREATE TABLE IF NOT EXISTS __schema_versions (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS __schema_versions (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)", ct);

            var applied = new HashSet<int>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT version FROM __schema_versions";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(Convert.ToInt32(reader.GetValue(0)));
            }
            if (applied.Count > 0 && applied.Max() > LatestVersion)
                throw new InvalidOperationException(
                    $"The database is at schema version {applied.Max()}, newer than this build ({LatestVersion}). Upgrade CtiBridge.");

            var done = new List<int>();
            foreach (var m in All.Where(m => !applied.Contains(m.Version)))
            {
                _log.LogInformation("Applying schema migration {Version} {Name} ({Provider})", m.Version, m.Name, provider);
                await ExecAsync(conn, tx, m.SqlFor(provider), ct);
                await using var ins = conn.CreateCommand();
                ins.Transaction = tx;
                ins.CommandText = "INSERT INTO __schema_versions (version, name, applied_at) VALUES (@v, @n, @a)";
                AddParam(ins, "@v", m.Version);
                AddParam(ins, "@n", m.Name);
                AddParam(ins, "@a", provider == DatabaseProvider.Sqlite ? DateTime.UtcNow.ToString("O") : DateTime.UtcNow);
                await ins.ExecuteNonQueryAsync(ct);
                done.Add(m.Version);
            }
            await tx.CommitAsync(ct);
            if (done.Count == 0) _log.LogInformation("Database schema is up to date (version {Version})", LatestVersion);
            return done;
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    private static void AddParam(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static IReadOnlyList<SchemaMigration> Load()
    {
        var asm = typeof(SchemaMigrator).Assembly;
        var files = new Dictionary<(DatabaseProvider, int), (string Name, string Sql)>();
        foreach (var res in asm.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            // CtiBridge.Migrations.Sqlite/0001_initial.sql
            var rest = res[ResourcePrefix.Length..].Replace('\\', '/');
            var slash = rest.IndexOf('/');
            var provider = rest[..slash] switch
            {
                "Sqlite" => DatabaseProvider.Sqlite,
                "PostgreSql" => DatabaseProvider.PostgreSql,
                var p => throw new InvalidOperationException($"Unknown migration folder {p}"),
            };
            var file = Path.GetFileNameWithoutExtension(rest[(slash + 1)..]);
            var us = file.IndexOf('_');
            var version = int.Parse(file[..us], System.Globalization.CultureInfo.InvariantCulture);
            files[(provider, version)] = (file[(us + 1)..], Read(asm, res));
        }
        var versions = files.Keys.Select(k => k.Item2).Distinct().Order().ToList();
        var list = new List<SchemaMigration>();
        for (var i = 0; i < versions.Count; i++)
        {
            var v = versions[i];
            if (v != i + 1) throw new InvalidOperationException($"Schema migrations must be numbered 1, 2, 3 … without gaps; found {v} at position {i + 1}.");
            if (!files.TryGetValue((DatabaseProvider.Sqlite, v), out var s) || !files.TryGetValue((DatabaseProvider.PostgreSql, v), out var p))
                throw new InvalidOperationException($"Schema migration {v} must exist for both SQLite and PostgreSQL.");
            list.Add(new SchemaMigration(v, s.Name, s.Sql, p.Sql));
        }
        return list;
    }

    private static string Read(Assembly asm, string resource)
    {
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
