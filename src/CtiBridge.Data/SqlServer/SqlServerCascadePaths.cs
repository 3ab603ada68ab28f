using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CtiBridge.Data.SqlServer;

/// <summary>
/// SQL Server refuses a foreign key whose ON DELETE action (CASCADE or SET NULL) would give a table a second
/// cascade path from another table, or a cycle ("may cause cycles or multiple cascade paths"). SQLite and
/// PostgreSQL accept them, and the model relies on them (every row goes with its tenant, and most also with their
/// user). On SQL Server only, this moves the minimum of those actions from the database to EF Core:
/// <list type="number">
/// <item>a self-reference's action (EF applies it to loaded rows);</item>
/// <item>a row's <c>TenantId</c> cascade where the row also goes with its tenant along another all-CASCADE path
/// (so deleting a tenant still deletes it, through that path);</item>
/// <item>otherwise a SET NULL (then CASCADE) foreign key on a second path, by a stable order.</item>
/// </list>
/// Such a key is NO ACTION in the database: deleting its parent while rows still reference it fails on SQL Server
/// unless those rows were loaded. <see cref="ClientSideActions"/> lists them; docs/database.md names them.
/// </summary>
public static class SqlServerCascadePaths
{
    /// <summary>Rewrites the delete behaviours of <paramref name="model"/> so that SQL Server accepts them.</summary>
    public static void Apply(IMutableModel model)
    {
        foreach (var fk in model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).Where(f => f.PrincipalEntityType == f.DeclaringEntityType))
            fk.DeleteBehavior = ToClient(fk.DeleteBehavior);

        while (true)
        {
            var edges = ActionEdges(model).ToList();
            var conflicts = model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal)
                .Select(b => (Target: b, Sources: model.GetEntityTypes().Where(a => CountPaths(edges, a, b) > 1).OrderBy(a => a.Name, StringComparer.Ordinal).ToList()))
                .Where(c => c.Sources.Count > 0)
                .ToList();
            if (conflicts.Count == 0) return;
            // Resolve where the paths first meet: a table none of whose ancestors is itself in conflict (fixing it
            // often fixes the tables below it too).
            var conflict = conflicts.FirstOrDefault(c => !conflicts.Any(o => o.Target != c.Target && CountPaths(edges, o.Target, c.Target) > 0));
            if (conflict.Target is null) conflict = conflicts[0];
            var target = conflict.Target;
            var incoming = edges.Where(f => f.DeclaringEntityType == target)
                .Where(f => conflict.Sources.Any(s => s == f.PrincipalEntityType || CountPaths(edges, s, f.PrincipalEntityType) > 0))
                .OrderBy(f => f.DeleteBehavior == DeleteBehavior.SetNull ? 0 : 1)
                .ThenBy(f => f.PrincipalEntityType.Name, StringComparer.Ordinal)
                .ThenBy(f => string.Join(",", f.Properties.Select(p => p.Name)), StringComparer.Ordinal)
                .ToList();
            var tenantKey = incoming.FirstOrDefault(f => f.PrincipalEntityType.ClrType == typeof(Entities.Tenant)
                                                         && f.Properties.Single().Name == nameof(Entities.ITenantOwned.TenantId)
                                                         && HasCascadeOnlyPath(edges.Where(e => e != f).ToList(), f.PrincipalEntityType, target));
            var chosen = tenantKey ?? incoming.First();
            chosen.DeleteBehavior = ToClient(chosen.DeleteBehavior);
        }
    }

    /// <summary>The foreign keys whose delete action EF Core applies instead of SQL Server, as "Dependent.Key → Principal".</summary>
    public static IReadOnlyList<string> ClientSideActions(IModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(f => f.DeleteBehavior is DeleteBehavior.ClientCascade or DeleteBehavior.ClientSetNull)
            .Select(f => $"{f.DeclaringEntityType.ClrType.Name}.{string.Join(",", f.Properties.Select(p => p.Name))} → {f.PrincipalEntityType.ClrType.Name} ({f.DeleteBehavior})")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static DeleteBehavior ToClient(DeleteBehavior b) => b switch
    {
        DeleteBehavior.Cascade => DeleteBehavior.ClientCascade,
        DeleteBehavior.SetNull => DeleteBehavior.ClientSetNull,
        _ => b,
    };

    private static IEnumerable<IMutableForeignKey> ActionEdges(IMutableModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(f => f.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull);

    private static int CountPaths(IReadOnlyList<IMutableForeignKey> edges, IMutableEntityType from, IMutableEntityType to, int depth = 0)
    {
        if (depth > 64) return 2; // a cycle counts as a conflict
        var n = 0;
        foreach (var e in edges.Where(e => e.PrincipalEntityType == from))
            n += e.DeclaringEntityType == to ? 1 : CountPaths(edges, e.DeclaringEntityType, to, depth + 1);
        return n;
    }

    private static bool HasCascadeOnlyPath(IReadOnlyList<IMutableForeignKey> edges, IMutableEntityType from, IMutableEntityType to, int depth = 0) =>
        depth < 64 && edges.Where(e => e.PrincipalEntityType == from && e.DeleteBehavior == DeleteBehavior.Cascade && e.IsRequired)
            .Any(e => e.DeclaringEntityType == to || HasCascadeOnlyPath(edges, e.DeclaringEntityType, to, depth + 1));
}
