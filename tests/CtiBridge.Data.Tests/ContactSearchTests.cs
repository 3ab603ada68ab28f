using CtiBridge.Application.Common;
using CtiBridge.Application.Contacts;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// Contact search by name or number as a substring through the trigram index (SQLite's FTS5 table kept by triggers,
/// PostgreSQL's pg_trgm GIN indexes): found by any part of the name or a number, kept up to date as contacts and their
/// numbers change, never another tenant's or another viewer's.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class ContactSearchTests(PostgresServer postgres)
{
    private sealed class NoInput : IInputValidator
    {
        public Task ValidateAsync<T>(T input, CancellationToken ct = default) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Contacts_are_found_by_part_of_their_name_or_number_as_they_change(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var tenant = new Tenant { Domain = "acme", Name = "Acme" };
        var other = new Tenant { Domain = "other", Name = "Other" };
        await using (var seed = database.NewContext())
        {
            seed.ScopeToSystem().Tenants.AddRange(tenant, other);
            await seed.SaveChangesAsync();
        }
        var anna = Contact(tenant.Id, "Anna Weber", ("030 1234567", "+49301234567"));
        var bernd = Contact(tenant.Id, "Bernd Müller", ("0151 99887766", "+4915199887766"));
        var elsewhere = Contact(other.Id, "Anna Weber", ("030 1234567", "+49301234567"));
        await using (var seed = database.NewContext())
        {
            seed.ScopeToSystem().Contacts.AddRange(anna, bernd, elsewhere);
            await seed.SaveChangesAsync();
        }
        var viewer = new ContactViewer(tenant.Id, Guid.NewGuid(), IsAdmin: true, IsSupervisor: false, new HashSet<Guid>(), new HashSet<Guid>(), []);

        async Task<List<string>> Search(string term)
        {
            await using var db = database.NewContext();
            var book = new ContactBook(db, new NoInput(), TimeProvider.System);
            return (await book.Matching(viewer, term).Select(c => c.Name).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        }

        Assert.Equal(["Anna Weber"], await Search("webe"));
        Assert.Equal(["Anna Weber"], await Search("WEBER"));           // without regard to case
        Assert.Equal(["Bernd Müller"], await Search("d Mü"));
        Assert.Equal(["Anna Weber"], await Search("1234"));            // the number as written
        Assert.Equal(["Bernd Müller"], await Search("+49 151 998"));   // its digits, in the E.164 form
        Assert.Equal(["Anna Weber"], await Search("an"));              // shorter than a trigram: still found
        Assert.Empty(await Search("\"we\"ber"));                       // FTS5 syntax in the term is text, not a query
        Assert.Equal(["Anna Weber", "Bernd Müller"], await Search(""));

        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id);
            var a = await db.Contacts.Include(c => c.Numbers).SingleAsync(c => c.Id == anna.Id);
            a.Name = "Clara Weber";
            var b = await db.Contacts.Include(c => c.Numbers).SingleAsync(c => c.Id == bernd.Id);
            db.ContactNumbers.Add(new ContactNumber { TenantId = tenant.Id, ContactId = b.Id, Number = "0171 5550000", NormalizedNumber = "+491715550000", Position = 1 });
            await db.SaveChangesAsync();
        }
        Assert.Empty(await Search("anna"));
        Assert.Equal(["Clara Weber"], await Search("clara"));
        Assert.Equal(["Clara Weber"], await Search("1234567"));        // its numbers kept when the name changed
        Assert.Equal(["Bernd Müller"], await Search("5550000"));
        Assert.Equal(["Bernd Müller"], await Search("99887766"));      // the first number kept when one was added

        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id);
            var b = await db.Contacts.Include(c => c.Numbers).SingleAsync(c => c.Id == bernd.Id);
            var first = b.Numbers.Single(n => n.Number == "0151 99887766");
            db.ContactNumbers.Remove(first);
            var second = b.Numbers.Single(n => n.Number == "0171 5550000");
            (second.Number, second.NormalizedNumber) = ("0171 5550001", "+491715550001");
            db.Contacts.Remove(await db.Contacts.SingleAsync(c => c.Id == anna.Id));
            await db.SaveChangesAsync();
        }
        Assert.Empty(await Search("99887766"));
        Assert.Empty(await Search("5550000"));
        Assert.Equal(["Bernd Müller"], await Search("5550001"));
        Assert.Empty(await Search("weber"));
        if (provider == DatabaseProvider.Sqlite)
        {
            // A row per name and per number: Bernd's name and his one number left, none of the deleted contact's or number's.
            await using var db = database.NewContext();
            async Task<int> RowsOf(Guid contact) => await db.Database.SqlQuery<int>(
                $"SELECT count(*) AS \"Value\" FROM \"ContactSearch\" WHERE \"ContactSearch\" MATCH {"ContactId : \"" + contact.ToString().ToUpperInvariant() + "\""}").SingleAsync();
            Assert.Equal(0, await RowsOf(anna.Id));
            Assert.Equal(2, await RowsOf(bernd.Id));
            Assert.Equal(2, await RowsOf(elsewhere.Id));
        }
    }

    private static Contact Contact(Guid tenantId, string name, params (string Number, string Normalized)[] numbers)
    {
        var c = new Contact { TenantId = tenantId, Name = name, CreatedAt = DateTimeOffset.UnixEpoch };
        c.Numbers.AddRange(numbers.Select((n, i) => new ContactNumber { TenantId = tenantId, ContactId = c.Id, Number = n.Number, NormalizedNumber = n.Normalized, Position = i }));
        return c;
    }
}
