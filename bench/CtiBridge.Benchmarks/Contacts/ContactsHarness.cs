using System.Diagnostics;
using CtiBridge.Application.Common;
using CtiBridge.Application.Contacts;
using CtiBridge.Application.Records;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Benchmarks.Contacts;

/// <summary>
/// <c>load contacts &lt;sqlite|postgres&gt; &lt;contacts&gt; [connection string]</c>: a tenant (country DE) with 500 agents in
/// 50 teams and N contacts (each owned by an agent, in the agent's team, with one or two numbers written nationally,
/// normalised to E.164 as the product stores them); then times the screen pop's contact lookup by a caller's number as
/// it runs at offer time (a new database context per lookup, the tenant's country, the agent's visibility): a number
/// whose contact the offered agent owns, a number no contact has, and the whole screen pop (with the call records
/// query). Prints p50/p95/p99 for docs/benchmarks.md.
/// </summary>
public sealed class ContactsHarness : ILoadHarness
{
    public string Name => "contacts";
    private const int Agents = 500;
    private const int Lookups = 2_000;

    public async Task RunAsync(string[] args)
    {
        var provider = args.Length > 0 && args[0].StartsWith("p", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        // `load contacts sqlite <file.db>`: time the lookups on a database an earlier run generated (no generation).
        var existing = provider == DatabaseProvider.Sqlite && args.Length > 1 && File.Exists(args[1]) ? args[1] : null;
        var count = existing is null && args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={existing ?? Path.Combine(Path.GetTempPath(), $"contacts-bench-{Guid.NewGuid():N}.db")}"
                : args.Length > 2 ? args[2] : throw new ArgumentException("PostgreSQL needs a connection string (third argument)."),
        };
        CtiDbContext NewContext()
        {
            var b = new DbContextOptionsBuilder<CtiDbContext>();
            options.Configure(b);
            return new CtiDbContext(b.Options);
        }
        // As the Api builds it for each offer: a new context (pooled connection), the lookup over it.
        ScreenPopLookup NewLookup(CtiDbContext db) => new(db, new ContactBook(db, new NoInputToCheck(), TimeProvider.System), new CallRecordSearch(db, TimeProvider.System));

        await using (var db = NewContext()) await new SchemaMigrator().MigrateAsync(db);
        var sw = Stopwatch.StartNew();
        Guid tenant;
        List<Guid> agents;
        Guid[] owners;
        if (existing is null)
        {
            (tenant, agents, owners) = await GenerateAsync(NewContext, count);
            Console.WriteLine($"{provider}: generated {count:N0} contacts in {sw.Elapsed.TotalSeconds:F0} s");
        }
        else
        {
            await using var db = NewContext();
            tenant = await db.ScopeToSystem().Tenants.Where(t => t.Domain == "bench").Select(t => t.Id).SingleAsync();
            var rows = await db.ScopeToTenant(tenant).Contacts.AsNoTracking().Select(c => new { c.Name, c.OwnerUserId }).ToListAsync();
            count = rows.Count;
            owners = new Guid[count];
            foreach (var r in rows) owners[int.Parse(r.Name["Contact ".Length..])] = r.OwnerUserId!.Value;
            agents = owners.Distinct().ToList();
            Console.WriteLine($"{provider}: {count:N0} contacts in {existing}");
        }
        await using (var db = NewContext()) await db.Database.ExecuteSqlRawAsync("ANALYZE");

        var rnd = new Random(7);
        async Task<(double P50, double P95, double P99, int Hits)> TimeAsync(Func<int, Task<int>> lookup)
        {
            for (var i = 0; i < 50; i++) await lookup(rnd.Next(count)); // warm-up (query compilation, pool)
            var times = new double[Lookups];
            var hits = 0;
            for (var i = 0; i < Lookups; i++)
            {
                var n = rnd.Next(count);
                var t = Stopwatch.StartNew();
                hits += await lookup(n);
                times[i] = t.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            return (times[Lookups / 2], times[(int)(Lookups * 0.95) - 1], times[(int)(Lookups * 0.99) - 1], hits);
        }

        var known = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            var pop = NewLookup(db);
            return (await pop.MatchAsync(tenant, owners[n], CallerNumber(n), CancellationToken.None)).Count;
        });
        var unknown = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            var pop = NewLookup(db);
            return (await pop.MatchAsync(tenant, owners[n], $"+4940{n:D8}", CancellationToken.None)).Count;
        });
        var whole = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            var pop = NewLookup(db);
            var r = await pop.FindAsync(tenant, owners[n], CallerNumber(n), Guid.NewGuid(), new Dictionary<string, string>(), CancellationToken.None);
            return r?.Contacts.Count ?? 0;
        });
        Console.WriteLine($"| lookup ({provider}, {count:N0} contacts) | p50 | p95 | p99 | found |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| caller is a contact of the offered agent | {known.P50:F2} ms | {known.P95:F2} ms | {known.P99:F2} ms | {known.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| caller is no contact | {unknown.P50:F2} ms | {unknown.P95:F2} ms | {unknown.P99:F2} ms | {unknown.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| whole screen pop (contact + call records query) | {whole.P50:F2} ms | {whole.P95:F2} ms | {whole.P99:F2} ms | {whole.Hits:N0}/{Lookups:N0} |");
        _ = agents;
    }

    /// <summary>The lookup validates no input (it reads only); the book it uses needs a validator all the same.</summary>
    private sealed class NoInputToCheck : IInputValidator
    {
        public Task ValidateAsync<T>(T input, CancellationToken ct = default) => Task.CompletedTask;
    }

    /// <summary>The caller's number as the PBX delivers it (E.164) for contact n, whose first number is written "030 nnnnnnnn".</summary>
    private static string CallerNumber(int n) => $"+4930{n:D8}";

    private static async Task<(Guid Tenant, List<Guid> Agents, Guid[] Owners)> GenerateAsync(Func<CtiDbContext> newContext, int count)
    {
        var rnd = new Random(23);
        var now = DateTimeOffset.UtcNow;
        var tenant = new Tenant { Domain = "bench", Name = "Bench", Enabled = true, CreatedAt = now, Settings = new TenantSettings { Country = "DE" } };
        var agents = new List<User>();
        var teams = new List<Team>();
        await using (var db = newContext())
        {
            db.ScopeToSystem().Tenants.Add(tenant);
            await db.SaveChangesAsync();
            db.ScopeToTenant(tenant.Id);
            for (var t = 0; t < Agents / 10; t++) teams.Add(new Team { TenantId = tenant.Id, Name = $"Team {t}" });
            for (var i = 0; i < Agents; i++)
            {
                var a = new User { TenantId = tenant.Id, Username = $"agent{i}", DisplayName = $"Agent {i}", Roles = UserRoles.Agent, Enabled = true, CreatedAt = now };
                agents.Add(a);
                teams[i / 10].Members.Add(new TeamMember { TenantId = tenant.Id, TeamId = teams[i / 10].Id, UserId = a.Id });
            }
            db.Users.AddRange(agents);
            db.Teams.AddRange(teams);
            await db.SaveChangesAsync();
        }
        var owners = new Guid[count];
        const int batch = 20_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = newContext();
            db.ScopeToTenant(tenant.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(count, start + batch); n++)
            {
                var owner = rnd.Next(Agents);
                owners[n] = agents[owner].Id;
                var c = new Contact { TenantId = tenant.Id, OwnerUserId = agents[owner].Id, TeamId = teams[owner / 10].Id, Name = $"Contact {n}", CreatedAt = now };
                var request = new ContactRequest
                {
                    Name = c.Name,
                    Numbers = n % 2 == 0
                        ? [new ContactNumberInput { Label = "work", Number = $"030 {n:D8}" }]
                        : [new ContactNumberInput { Label = "work", Number = $"030 {n:D8}" }, new ContactNumberInput { Label = "mobile", Number = $"0151 {n:D8}" }],
                };
                ContactBook.Apply(c, request, "DE");
                db.Contacts.Add(c);
            }
            await db.SaveChangesAsync();
        }
        return (tenant.Id, agents.Select(a => a.Id).ToList(), owners);
    }
}
