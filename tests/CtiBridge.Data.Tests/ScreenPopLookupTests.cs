using CtiBridge.Application.Common;
using CtiBridge.Application.Contacts;
using CtiBridge.Application.Records;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The screen pop's match at offer time, on both databases: the caller's number normalised with the tenant's country,
/// matched on the number key and joined with the contacts the offered agent sees — in one query after the context's.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class ScreenPopLookupTests(PostgresServer postgres)
{
    private sealed class NoInput : IInputValidator
    {
        public Task ValidateAsync<T>(T input, CancellationToken ct = default) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task The_caller_matches_only_the_contacts_the_offered_agent_sees_each_once_by_name(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var tenant = new Tenant { Domain = "acme", Name = "Acme" };
        tenant.Settings.Country = "DE";
        var other = new Tenant { Domain = "other", Name = "Other" };
        var ann = new User { TenantId = tenant.Id, Username = "ann", Roles = UserRoles.Agent };
        var bob = new User { TenantId = tenant.Id, Username = "bob", Roles = UserRoles.Agent };
        var boss = new User { TenantId = tenant.Id, Username = "boss", Roles = UserRoles.Admin };
        await using (var seed = database.NewContext())
        {
            seed.ScopeToSystem().Tenants.AddRange(tenant, other);
            seed.Users.AddRange(ann, bob, boss);
            await seed.SaveChangesAsync();
        }
        const string key = "+49301234567";
        await using (var seed = database.NewContext())
        {
            seed.ScopeToSystem().Contacts.AddRange(
                Contact(tenant.Id, ann.Id, "Weber GmbH, front desk", ("work", key), ("switchboard", key)), // two numbers equal to the key
                Contact(tenant.Id, ann.Id, "Anna Weber", ("mobile", key)),
                Contact(tenant.Id, bob.Id, "Bernd (Bob's)", ("work", key)),
                Contact(tenant.Id, ann.Id, "Someone else", ("work", "+4930999999")),
                Contact(other.Id, null, "Other tenant's", ("work", key)));
            await seed.SaveChangesAsync();
        }

        var users = new[] { ann, bob, boss }.ToDictionary(u => u.Id);
        async Task<List<(string Name, string? Label)>> Match(Guid agent, string callerNumber)
        {
            // Read from the database, and with the context the live call center supplies: the same answer.
            await using var db = database.NewContext();
            var lookup = new ScreenPopLookup(db, new ContactBook(db, new NoInput(), TimeProvider.System), new CallRecordSearch(db, TimeProvider.System));
            var read = (await lookup.MatchAsync(tenant.Id, agent, callerNumber)).Select(c => (c.Name, c.NumberLabel)).ToList();
            if (!users.TryGetValue(agent, out var user)) return read;
            await using var db2 = database.NewContext();
            var known = new ScreenPopContext("DE", "none", "", ScreenPopTrigger.Offered, ScreenPopTarget.NewTab, user.Roles, user.Username);
            var lookup2 = new ScreenPopLookup(db2, new ContactBook(db2, new NoInput(), TimeProvider.System), new CallRecordSearch(db2, TimeProvider.System));
            Assert.Equal(read, (await lookup2.MatchAsync(tenant.Id, agent, callerNumber, known)).Select(c => (c.Name, c.NumberLabel)).ToList());
            return read;
        }

        // Ann sees her own two, each once, by name; Bob's contact and the other tenant's are not hers.
        Assert.Equal([("Anna Weber", "mobile"), ("Weber GmbH, front desk", "switchboard")], await Match(ann.Id, key));
        // The number as a German caller dials it is normalised with the tenant's country first.
        Assert.Equal(["Anna Weber", "Weber GmbH, front desk"], (await Match(ann.Id, "030 1234567")).Select(m => m.Name));
        Assert.Equal([("Bernd (Bob's)", "work")], await Match(bob.Id, key));
        // An admin sees every contact of the tenant (at most three are shown).
        Assert.Equal(["Anna Weber", "Bernd (Bob's)", "Weber GmbH, front desk"], (await Match(boss.Id, key)).Select(m => m.Name));
        Assert.Empty(await Match(ann.Id, "+4940111111"));
        Assert.Empty(await Match(Guid.NewGuid(), key)); // an unknown agent matches nothing
    }

    private static Contact Contact(Guid tenantId, Guid? owner, string name, params (string Label, string Normalized)[] numbers)
    {
        var c = new Contact { TenantId = tenantId, OwnerUserId = owner, Name = name, CreatedAt = DateTimeOffset.UnixEpoch };
        c.Numbers.AddRange(numbers.Select((n, i) => new ContactNumber
        {
            TenantId = tenantId, ContactId = c.Id, Label = n.Label, Number = n.Normalized, NormalizedNumber = n.Normalized, Position = i,
        }));
        return c;
    }
}
