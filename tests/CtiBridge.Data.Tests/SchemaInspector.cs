using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// Reads the actual schema of a database as sorted, comparable lines: tables, columns (type,
/// nullability, default), indexes and constraints. Migration bookkeeping tables are left out.
/// </summary>
public static class SchemaInspector
{
    public static async Task<List<string>> DescribeAsync(CtiDbContext db)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        try
        {
            return SchemaMigrator.ProviderOf(db) == DatabaseProvider.Sqlite ? await Sqlite(conn) : await Postgres(conn);
        }
        finally { await conn.CloseAsync(); }
    }

    private static async Task<List<string>> Sqlite(DbConnection conn)
    {
        var lines = new List<string>();
        var tables = await Query(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__schema_versions' AND name <> '__schema_migrations' AND name <> '__EFMigrationsHistory' AND upper(name) NOT LIKE 'QRTZ\\_%' ESCAPE '\\' AND name NOT LIKE 'CallRecordSearch%' AND name NOT LIKE 'ContactSearch%'");
        // CallRecordSearch and ContactSearch (and their FTS5 shadow tables) are SQLite's trigram searches of call records
        // and contacts, outside the EF model (migrations 202612051940_call_record_search, 202612060431_contact_search);
        // RecordSearchTests and ContactSearchTests check them.
        foreach (var t in tables.Select(r => r[0]))
        {
            lines.Add($"table {t}");
            foreach (var c in await Query(conn, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{t}')"))
                lines.Add($"column {t}.{c[0]} {c[1]} notnull={c[2]} default={c[3]} pk={c[4]}");
            foreach (var i in await Query(conn, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{t}')"))
            {
                var cols = await Query(conn, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                lines.Add($"index {t}.{i[0]} unique={i[1]} origin={i[2]} partial={i[3]} ({string.Join(",", cols.Select(x => x[0]))})");
            }
            foreach (var f in await Query(conn, $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{t}')"))
                lines.Add($"fk {t}.{f[1]} -> {f[0]}.{f[2]} update={f[3]} delete={f[4]}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> Postgres(DbConnection conn)
    {
        var lines = new List<string>();
        // The history tables and Quartz's job store (its own schema, checked by Quartz at start-up) are not in the model.
        static string NotExcluded(string column) =>
            $"{column} NOT IN ('__schema_versions', '__schema_migrations', '__EFMigrationsHistory', '\"__EFMigrationsHistory\"') AND upper({column}) NOT LIKE 'QRTZ\\_%'";
        foreach (var r in await Query(conn, $"""
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity, identity_generation
            FROM information_schema.columns WHERE table_schema = 'public' AND {NotExcluded("table_name")}
            """))
            lines.Add($"column {r[0]}.{r[1]} {r[2]}({r[3]}) nullable={r[4]} default={r[5]} identity={r[6]}/{r[7]}");
        foreach (var r in await Query(conn, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND {NotExcluded("tablename")}"))
            lines.Add($"index {r[0]}.{r[1]} {r[2]}");
        foreach (var r in await Query(conn, $"""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace AND {NotExcluded("c.conrelid::regclass::text")}
            """))
            lines.Add($"constraint {r[0]}.{r[1]} {r[2]}");
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string?[]>> Query(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
