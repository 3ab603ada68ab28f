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
        // `load contacts postgres existing "<connection string>"`: the same on a PostgreSQL database an earlier run generated.
        var existing = args.Length > 1 && ((provider == DatabaseProvider.Sqlite && File.Exists(args[1])) || args[1] == "existing") ? args[1] : null;
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
            count = owners.Length;
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
        // The context the offer brings (CallOfferedEvent.ScreenPopContext, from the engine's live configuration): the lookup's
        // only round trip is the match. The bench's owners are agents of a DE tenant.
        ScreenPopContext InMemory(int n) => new("DE", "none", "", ScreenPopTrigger.Offered, ScreenPopTarget.NewTab, UserRoles.Agent, "agent");
        var knownInMemory = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            return (await NewLookup(db).MatchAsync(tenant, owners[n], CallerNumber(n), InMemory(n), CancellationToken.None)).Count;
        });
        var unknownInMemory = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            return (await NewLookup(db).MatchAsync(tenant, owners[n], $"+4940{n:D8}", InMemory(n), CancellationToken.None)).Count;
        });
        var whole = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            var pop = NewLookup(db);
            var r = await pop.FindAsync(tenant, owners[n], CallerNumber(n), Guid.NewGuid(), new Dictionary<string, string>(), CancellationToken.None);
            return r?.Contacts.Count ?? 0;
        });
        var wholeInMemory = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            var r = await NewLookup(db).FindAsync(tenant, owners[n], CallerNumber(n), Guid.NewGuid(), new Dictionary<string, string>(), InMemory(n), CancellationToken.None);
            return r?.Contacts.Count ?? 0;
        });
        // The address book's search box: six digits from the middle of a number, through the trigram index.
        var admin = new ContactViewer(tenant, Guid.NewGuid(), IsAdmin: true, IsSupervisor: false, new HashSet<Guid>(), new HashSet<Guid>(), []);
        var search = await TimeAsync(async n =>
        {
            await using var db = NewContext();
            var page = await new ContactBook(db, new NoInputToCheck(), TimeProvider.System).SearchAsync(admin, $"{n:D8}"[1..7], 1, 20);
            return page.Items.Any(c => c.Name == $"Contact {n}") ? 1 : 0;
        });
        Console.WriteLine($"| lookup ({provider}, {count:N0} contacts) | p50 | p95 | p99 | found |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| caller is a contact of the offered agent | {known.P50:F2} ms | {known.P95:F2} ms | {known.P99:F2} ms | {known.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| caller is no contact | {unknown.P50:F2} ms | {unknown.P95:F2} ms | {unknown.P99:F2} ms | {unknown.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| caller is a contact, context with the offer (offer time) | {knownInMemory.P50:F2} ms | {knownInMemory.P95:F2} ms | {knownInMemory.P99:F2} ms | {knownInMemory.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| caller is no contact, context with the offer (offer time) | {unknownInMemory.P50:F2} ms | {unknownInMemory.P95:F2} ms | {unknownInMemory.P99:F2} ms | {unknownInMemory.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| whole screen pop (contact + call records query) | {whole.P50:F2} ms | {whole.P95:F2} ms | {whole.P99:F2} ms | {whole.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| whole screen pop, context with the offer (as at offer time) | {wholeInMemory.P50:F2} ms | {wholeInMemory.P95:F2} ms | {wholeInMemory.P99:F2} ms | {wholeInMemory.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"| contact search, 6 digits of a number (first page of 20) | {search.P50:F2} ms | {search.P95:F2} ms | {search.P99:F2} ms | {search.Hits:N0}/{Lookups:N0} |");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        _ = agents;
    }

    /// <summary>The lookup validates no input (it reads only); the book it uses needs a validator all the same.</summary>
    private sealed class NoInputToCheck : IInputValidator
    {
        public Task ValidateAsync<T>(T input, CancellationToken ct = default) => Task.CompletedTask;
    }

    /// <summary>The caller's number as the PBX delivers it (E.164) for contact n, whose first number is written "030 nnnnnnnn".</summary>
    private static string CallerNumber(int n) => $"+4930{n:D8}";

    /// <summary>The generation stops here, whatever its size: the lookups are then timed on what was written (and it is said).</summary>
    private static readonly TimeSpan GenerationBudget = TimeSpan.FromMinutes(15);
    private const int Chunk = 100_000;

    /// <summary>The agent who owns contact n (the same on every run; spread over all agents).</summary>
    private static int OwnerIndex(int n) => (int)((n * 7919L + 13) % Agents);

    /// <summary>
    /// Writes the tenant, its agents and teams with EF, then the contacts and their numbers set-based in the database
    /// (chunks of 100,000: a recursive CTE on SQLite, generate_series on PostgreSQL), so that the triggers and indexes do the
    /// work they do in production without a million round trips. The numbers are stored as the product stores them: a
    /// sample is normalised with <see cref="ContactBook.Apply"/> first and must give the same text.
    /// </summary>
    private static async Task<(Guid Tenant, List<Guid> Agents, Guid[] Owners)> GenerateAsync(Func<CtiDbContext> newContext, int count)
    {
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
        // The normalised forms the SQL writes are the product's.
        var sample = new Contact { TenantId = tenant.Id, Name = "x" };
        ContactBook.Apply(sample, new ContactRequest { Name = "x", Numbers = [new ContactNumberInput { Number = "030 00000042" }, new ContactNumberInput { Number = "0151 00000042" }] }, "DE");
        if (sample.Numbers[0].NormalizedNumber != "+493000000042" || sample.Numbers[1].NormalizedNumber != "+4915100000042")
            throw new InvalidOperationException($"The normaliser writes {sample.Numbers[0].NormalizedNumber}, {sample.Numbers[1].NormalizedNumber}: update the generator.");

        await using var gen = newContext();
        await gen.Database.OpenConnectionAsync(); // one session throughout: bench_agents is a temporary table
        var postgres = gen.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        string Id(Guid g) => postgres ? $"'{g}'" : $"'{g.ToString().ToUpperInvariant()}'";
        var created = postgres ? $"'{now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'" : $"'{now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00:00'";
        var newId = postgres ? "gen_random_uuid()"
            : "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
        // Values generated here, never input: the statements are built as text.
        Task Exec(string sql) => gen.Database.ExecuteSqlRawAsync(sql);
        var agentRows = string.Join(", ", agents.Select((a, i) => $"({i}, {Id(a.Id)}, {Id(teams[i / 10].Id)})"));
        await Exec($"CREATE TEMPORARY TABLE bench_agents (idx integer PRIMARY KEY, id {(postgres ? "uuid" : "text")}, team {(postgres ? "uuid" : "text")})");
        await Exec($"INSERT INTO bench_agents (idx, id, team) VALUES {agentRows}");
        var written = 0;
        var clock = Stopwatch.StartNew();
        for (var from = 0; from < count && clock.Elapsed < GenerationBudget; from += Chunk)
        {
            var to = Math.Min(count, from + Chunk) - 1;
            var series = postgres ? $"generate_series({from}, {to}) AS s(n)"
                : $"(WITH RECURSIVE r(n) AS (SELECT {from} UNION ALL SELECT n + 1 FROM r WHERE n < {to}) SELECT n FROM r) AS s";
            var padC = postgres ? "lpad(substr(c.\"Name\", 9), 8, '0')" : "substr('00000000' || substr(c.\"Name\", 9), -8, 8)";
            var num = postgres ? "substr(c.\"Name\", 9)::integer" : "CAST(substr(c.\"Name\", 9) AS INTEGER)";
            await Exec($"""
                INSERT INTO "Contacts" ("Id", "TenantId", "OwnerUserId", "TeamId", "Shared", "Name", "CreatedAt")
                SELECT {newId}, {Id(tenant.Id)}, a.id, a.team, {(postgres ? "false" : "0")}, 'Contact ' || s.n, {created}
                FROM {series} JOIN bench_agents a ON a.idx = ({(postgres ? "s.n::bigint" : "s.n")} * 7919 + 13) % {Agents}
                """);
            // Every contact a work number; odd ones a mobile number too.
            var chunkContacts = $"""FROM "Contacts" c WHERE c."TenantId" = {Id(tenant.Id)} AND c."Name" LIKE 'Contact %' AND {num} BETWEEN {from} AND {to}""";
            await Exec($"""
                INSERT INTO "ContactNumbers" ("Id", "TenantId", "ContactId", "Number", "NormalizedNumber", "Unparsable", "Position", "Label")
                SELECT {newId}, {Id(tenant.Id)}, c."Id", '030 ' || {padC}, '+4930' || {padC}, {(postgres ? "false" : "0")}, 0, 'work' {chunkContacts}
                """);
            await Exec($"""
                INSERT INTO "ContactNumbers" ("Id", "TenantId", "ContactId", "Number", "NormalizedNumber", "Unparsable", "Position", "Label")
                SELECT {newId}, {Id(tenant.Id)}, c."Id", '0151 ' || {padC}, '+49151' || {padC}, {(postgres ? "false" : "0")}, 1, 'mobile' {chunkContacts} AND {num} % 2 = 1
                """);
            written = to + 1;
            Console.WriteLine($"  {written:N0} contacts written ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        if (written < count)
            Console.WriteLine($"  generation stopped at {written:N0} of {count:N0} contacts: its {GenerationBudget.TotalMinutes:F0} min budget is spent");
        var owners = new Guid[written];
        for (var n = 0; n < written; n++) owners[n] = agents[OwnerIndex(n)].Id;
        return (tenant.Id, agents.Select(a => a.Id).ToList(), owners);
    }
}
