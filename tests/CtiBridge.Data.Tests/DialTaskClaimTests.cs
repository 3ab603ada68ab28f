using CtiBridge.Application.DialTasks;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// "A contact is never dialled twice at once" under real concurrency: many agents claim at the same moment across tasks
/// that share numbers and contacts (each agent on its own connection, all released together). Under read committed
/// (PostgreSQL) the claim's own NOT EXISTS cannot see another claim of a different row that has not committed yet; the
/// unique indexes on what is claimed make the database refuse the second one.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class DialTaskClaimTests(PostgresServer postgres)
{
    private const int Numbers = 40;
    private const int Agents = 16;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Concurrent_claims_over_shared_numbers_and_contacts_never_hold_one_twice(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var tenant = new Tenant { Domain = "acme", Name = "Acme" };
        var contacts = Enumerable.Range(0, Numbers).Select(n => new Contact { TenantId = tenant.Id, Name = $"Contact {n}", CreatedAt = DateTimeOffset.UnixEpoch }).ToList();
        // Four tasks over the same numbers (and contacts), and a fifth over the same contacts at an older number of theirs.
        var tasks = Enumerable.Range(0, 5).Select(t => new DialTask
        {
            TenantId = tenant.Id, Name = $"Task {t}", Status = DialTaskStatus.Running, FirstDay = new DateOnly(2026, 1, 1), LastDay = new DateOnly(2026, 12, 31),
            DailyStart = new TimeOnly(0, 0), DailyEnd = new TimeOnly(23, 59), CreatedAt = DateTimeOffset.UnixEpoch,
        }).ToList();
        for (var t = 0; t < tasks.Count; t++)
            tasks[t].Items.AddRange(contacts.Select((c, n) => new DialTaskItem
            {
                TenantId = tenant.Id, DialTaskId = tasks[t].Id, Position = n, ContactId = c.Id, Status = DialTaskItemStatus.Pending,
                Number = t < 4 ? $"+4930{n:D6}" : $"+4940{n:D6}",
            }));
        await using (var seed = database.NewContext())
        {
            seed.ScopeToSystem().Tenants.Add(tenant);
            seed.Contacts.AddRange(contacts);
            seed.DialTasks.AddRange(tasks);
            await seed.SaveChangesAsync();
        }

        // Every agent works one task and goes down its list in order, as "next" does: agents of different tasks reach the
        // same number (or contact) at the same moment.
        var now = DateTimeOffset.UtcNow;
        using var start = new Barrier(Agents);
        var workers = Enumerable.Range(0, Agents).Select(a => Task.Run(async () =>
        {
            var task = tasks[a % tasks.Count];
            var agent = Guid.NewGuid();
            await using var db = database.NewContext();
            db.ScopeToTenant(tenant.Id);
            await db.DialTaskItems.CountAsync(); // the connection is open before the race starts
            start.SignalAndWait();
            var won = 0;
            foreach (var item in task.Items.OrderBy(i => i.Position))
                if (await DialTaskClaims.TryClaimAsync(db, tenant.Id, item.Id, item.Number, item.ContactId, agent, now, CancellationToken.None))
                    won++;
            return won;
        })).ToList();
        var wins = await Task.WhenAll(workers);

        await using var check = database.NewContext();
        check.ScopeToTenant(tenant.Id);
        var claimed = await check.DialTaskItems.Where(i => i.Status == DialTaskItemStatus.Claimed).Select(i => new { i.Number, i.ContactId }).ToListAsync();
        var numbersHeldTwice = claimed.GroupBy(c => c.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var contactsHeldTwice = claimed.GroupBy(c => c.ContactId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(numbersHeldTwice.Count == 0, $"numbers claimed twice at once: {string.Join(", ", numbersHeldTwice)}");
        Assert.True(contactsHeldTwice.Count == 0, $"contacts claimed twice at once: {contactsHeldTwice.Count}");
        // A lost claim only means "take the next": every contact was claimed once, and the agents' wins add up to that.
        Assert.Equal(Numbers, claimed.Count);
        Assert.Equal(Numbers, wins.Sum());
    }
}
