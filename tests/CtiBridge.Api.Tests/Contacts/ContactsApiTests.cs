using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Contacts;

namespace CtiBridge.Api.Tests.Contacts;

/// <summary>/api/v1/contacts: who sees, edits and deletes which contact; numbers in E.164; CSV import (all or nothing) and export.</summary>
public class ContactsApiTests
{
    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, object contact) => client.PostAsJsonAsync("/api/v1/contacts", contact);

    private static async Task<ContactResponse> CreatedAsync(HttpClient client, object contact)
    {
        var response = await CreateAsync(client, contact);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ContactResponse>();
    }

    private static async Task<ContactPage> SearchAsync(HttpClient client, string? search = null) =>
        await (await client.GetAsync($"/api/v1/contacts?search={Uri.EscapeDataString(search ?? "")}")).ReadAsync<ContactPage>();

    private static async Task SetCountryAsync(HttpClient admin, string country) =>
        (await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { country } })).EnsureSuccessStatusCode();

    [Fact]
    public async Task Numbers_are_normalised_with_the_tenant_country_and_an_unparsable_one_is_kept_and_flagged()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        await SetCountryAsync(admin, "de");
        var agent = await host.ClientForAsync("demo", "agent1");

        var contact = await CreatedAsync(agent, new
        {
            name = "Erika Mustermann", company = "Muster GmbH", notes = "Prefers mornings",
            numbers = new object[] { new { label = "work", number = "030 1234567" }, new { label = "mobile", number = "+1 (415) 555-0134" }, new { label = "old", number = "12-x" } },
        });
        Assert.Equal(["+49301234567", "+14155550134", null], contact.Numbers.Select(n => n.E164));
        Assert.Equal([false, false, true], contact.Numbers.Select(n => n.Unparsable));
        Assert.Equal("12-x", contact.Numbers[2].Number); // kept as given
        Assert.Equal("030 1234567", contact.Numbers[0].Number);
        Assert.Equal("Agent 1", contact.OwnerName); // the creator owns it
        Assert.Equal("Team A", contact.TeamName); // in the owner's team

        // Search: a substring of the name (any case), of the number as written, or of its E.164 digits.
        Assert.Equal([contact.Id], (await SearchAsync(agent, "musterm")).Items.Select(c => c.Id));
        Assert.Equal([contact.Id], (await SearchAsync(agent, "1234567")).Items.Select(c => c.Id));
        Assert.Equal([contact.Id], (await SearchAsync(agent, "+4930123")).Items.Select(c => c.Id));
        Assert.Equal([contact.Id], (await SearchAsync(agent, "4155550")).Items.Select(c => c.Id));
        Assert.Empty((await SearchAsync(agent, "nobody")).Items);

        // A country libphonenumber does not know is refused when saved.
        await Problem.AssertAsync(await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { country = "XX" } }),
            400, "validation_failed");
    }

    [Fact]
    public async Task Agents_see_and_edit_only_their_own_contacts_supervisors_their_teams_and_only_supervisors_delete()
    {
        using var host = new CtiApiFactory();
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        var super = await host.ClientForAsync("demo", "super");
        var mine = await CreatedAsync(agent1, new { name = "Customer of agent 1", numbers = new[] { new { number = "+4930555123" } } });
        var edit = new { name = "Renamed", numbers = new[] { new { label = "work", number = "+4930555124" } } };

        // Another agent: the contact does not exist for them (404, as in the records), neither to read, edit nor delete.
        await Problem.AssertAsync(await agent2.GetAsync($"/api/v1/contacts/{mine.Id}"), 404, ContactErrors.NotFound);
        await Problem.AssertAsync(await agent2.PutAsJsonAsync($"/api/v1/contacts/{mine.Id}", edit), 404, ContactErrors.NotFound);
        Assert.Empty((await SearchAsync(agent2, "Customer")).Items);
        // An agent deletes nothing, not even their own contact.
        await Problem.AssertAsync(await agent1.DeleteAsync($"/api/v1/contacts/{mine.Id}"), 403, ContactErrors.DeleteForbidden);
        await Problem.AssertAsync(await agent2.DeleteAsync($"/api/v1/contacts/{mine.Id}"), 403, ContactErrors.DeleteForbidden);
        // An agent gives no contact to someone else.
        var me2 = await (await agent2.GetAsync("/api/v1/session/me")).ReadAsync<JsonElement>();
        var agent2Id = me2.GetProperty("userId").GetGuid();
        await Problem.AssertAsync(await CreateAsync(agent1, new { name = "Gift", ownerId = agent2Id }), 403, ContactErrors.AssignmentForbidden);
        await Problem.AssertAsync(await agent1.PutAsJsonAsync($"/api/v1/contacts/{mine.Id}", new { name = "Gift", ownerId = agent2Id }), 403,
            ContactErrors.AssignmentForbidden);

        // The owner edits; the numbers are replaced.
        var edited = await (await agent1.PutAsJsonAsync($"/api/v1/contacts/{mine.Id}", edit)).ReadAsync<ContactResponse>();
        Assert.Equal("Renamed", edited.Name);
        Assert.Equal(["+4930555124"], edited.Numbers.Select(n => n.E164));

        // The team's supervisor sees, edits (and may hand it to another agent of the team) and deletes.
        Assert.Contains((await SearchAsync(super)).Items, c => c.Id == mine.Id);
        var moved = await (await super.PutAsJsonAsync($"/api/v1/contacts/{mine.Id}", new { name = "Renamed", ownerId = agent2Id })).ReadAsync<ContactResponse>();
        Assert.Equal(agent2Id, moved.OwnerId);
        Assert.Equal("Renamed", (await (await agent2.GetAsync($"/api/v1/contacts/{mine.Id}")).ReadAsync<ContactResponse>()).Name);
        await Problem.AssertAsync(await agent1.GetAsync($"/api/v1/contacts/{mine.Id}"), 404, ContactErrors.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await super.DeleteAsync($"/api/v1/contacts/{mine.Id}")).StatusCode);
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/contacts/{mine.Id}"), 404, ContactErrors.NotFound);
    }

    [Fact]
    public async Task A_supervisor_neither_sees_edits_nor_deletes_the_contacts_of_a_team_she_does_not_lead()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var super = await host.ClientForAsync("demo", "super"); // leads Team A
        // Team B: a new agent only, led by the admin.
        const string password = "nine quiet herons at dusk 7!";
        var dora = (await (await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = "dora", displayName = "Dora", roles = new[] { "agent" }, password })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync("/api/v1/admin/teams", new { name = "Team B", supervisorIds = new[] { await host.UserIdAsync("admin") }, memberIds = new[] { dora } })
            .OkAsync(HttpStatusCode.Created);
        var doraClient = await host.ClientForAsync("demo", "dora", password);
        var hers = await CreatedAsync(doraClient, new { name = "Customer of Team B", numbers = new[] { new { number = "+4930555777" } } });
        Assert.Equal("Team B", hers.TeamName);

        // For Team A's supervisor it does not exist: not listed, not found by number, not read, edited or deleted.
        Assert.DoesNotContain((await SearchAsync(super)).Items, c => c.Id == hers.Id);
        Assert.Empty((await SearchAsync(super, "555777")).Items);
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/contacts/{hers.Id}"), 404, ContactErrors.NotFound);
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/contacts/{hers.Id}", new { name = "Taken" }), 404, ContactErrors.NotFound);
        await Problem.AssertAsync(await super.DeleteAsync($"/api/v1/contacts/{hers.Id}"), 404, ContactErrors.NotFound);
        // Nor may she hand one of her team's contacts to an agent of Team B.
        var ours = await CreatedAsync(super, new { name = "Customer of Team A" });
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/contacts/{ours.Id}", new { name = "Customer of Team A", ownerId = dora }), 403,
            ContactErrors.AssignmentForbidden);
        // Team B's supervisor (the admin here) still has it, unchanged.
        Assert.Equal("Customer of Team B", (await (await admin.GetAsync($"/api/v1/contacts/{hers.Id}")).ReadAsync<ContactResponse>()).Name);
    }

    [Fact]
    public async Task A_contact_of_another_tenant_does_not_exist()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var contact = await CreatedAsync(admin, new { name = "Demo customer" });
        var other = await host.CreateTenantAsync("acme");

        await Problem.AssertAsync(await other.GetAsync($"/api/v1/contacts/{contact.Id}"), 404, ContactErrors.NotFound);
        await Problem.AssertAsync(await other.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", new { name = "Stolen" }), 404, ContactErrors.NotFound);
        await Problem.AssertAsync(await other.DeleteAsync($"/api/v1/contacts/{contact.Id}"), 404, ContactErrors.NotFound);
        Assert.Empty((await SearchAsync(other)).Items);
        // Still there, unchanged.
        Assert.Equal("Demo customer", (await (await admin.GetAsync($"/api/v1/contacts/{contact.Id}")).ReadAsync<ContactResponse>()).Name);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        var response = await CreateAsync(agent, new { name = " ", numbers = new[] { new { label = "work", number = "no digits" } } });
        await Problem.AssertAsync(response, 400, "validation_failed");
        var errors = (await Problem.ReadAsync(await CreateAsync(agent, new { name = " ", numbers = new[] { new { number = "no digits" } } }))).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("numbers[0].number", out _));
        await Problem.AssertAsync(await agent.GetAsync("/api/v1/contacts?pageSize=0"), 400, "validation_failed");
        await Problem.AssertAsync(await agent.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}"), 404, ContactErrors.NotFound);
    }

    [Fact]
    public async Task A_csv_file_is_imported_whole_and_the_export_reads_back()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        await SetCountryAsync(admin, "DE");
        var super = await host.ClientForAsync("demo", "super");
        const string csv = """
            name;company;numbers;owner;team;notes
            Hans Weber;Weber KG;work: 030 9876543 | mobile: 0151 2345678;agent1;Team A;"Calls on Fridays; prefers email"
            "Weber, Anna";;+44 20 7946 0958;;;
            """;
        var response = await super.PostAsJsonAsync("/api/v1/contacts/import", new { csv });
        var result = await response.ReadAsync<ImportContactsResponse>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, result.Created);
        var hans = result.Contacts[0];
        Assert.Equal(["+49309876543", "+491512345678"], hans.Numbers.Select(n => n.E164));
        Assert.Equal(["work", "mobile"], hans.Numbers.Select(n => n.Label));
        Assert.Equal("Agent 1", hans.OwnerName);
        Assert.Equal("Calls on Fridays; prefers email", hans.Notes);
        Assert.Equal("Sam Supervisor", result.Contacts[1].OwnerName); // no owner column value: the importer

        // agent1 owns Hans: sees him; the export is the import's format.
        var agent1 = await host.ClientForAsync("demo", "agent1");
        Assert.Equal(["Hans Weber"], (await SearchAsync(agent1, "weber")).Items.Select(c => c.Name));
        var export = await super.GetAsync("/api/v1/contacts/export?search=weber");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var text = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("name,company,notes,numbers,owner,team", text);
        Assert.Contains("Hans Weber,Weber KG,\"Calls on Fridays; prefers email\",\"work: 030 9876543; mobile: 0151 2345678\",agent1,Team A", text);
        Assert.Contains("\"Weber, Anna\"", text);

        // Importing the export again creates the same contacts again.
        var again = await (await admin.PostAsJsonAsync("/api/v1/contacts/import", new { csv = text })).ReadAsync<ImportContactsResponse>();
        Assert.Equal(2, again.Created);
        Assert.Equal(hans.Numbers.Select(n => n.E164), again.Contacts.Single(c => c.Name == "Hans Weber").Numbers.Select(n => n.E164));
    }

    [Fact]
    public async Task A_csv_file_with_bad_rows_stores_nothing_and_names_each_row()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        var super = await host.ClientForAsync("demo", "super");
        var before = (await SearchAsync(super)).Items.Count;
        const string csv = """
            name,numbers,owner,team
            Good Row,+4930555123,,
            ,+4930555124,,
            No Digits,mobile: none,,
            Someone Else's,+4930555125,agent2,
            Unknown Owner,+4930555126,ghost,
            Unknown Team,+4930555127,,Team Z
            Bad Pair,mobile:,,
            """;
        var response = await agent.PostAsJsonAsync("/api/v1/contacts/import", new { csv });
        await Problem.AssertAsync(response, 400, "validation_failed");
        var errors = (await Problem.ReadAsync(await agent.PostAsJsonAsync("/api/v1/contacts/import", new { csv }))).GetProperty("errors");
        var keys = errors.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("rows[3].name", keys);
        Assert.Contains("rows[4].numbers", keys);
        Assert.Contains("rows[5].owner", keys); // an agent imports only their own contacts
        Assert.Contains("rows[6].owner", keys);
        Assert.Contains("rows[7].team", keys);
        Assert.Contains("rows[8].numbers", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("rows[2]", StringComparison.Ordinal));
        // Nothing half-imported: not even the good row.
        Assert.Equal(before, (await SearchAsync(super)).Items.Count);
        Assert.Empty((await SearchAsync(agent, "Good Row")).Items);

        // A file that cannot be read is refused as a whole.
        foreach (var bad in new[] { "company\nX", "name,shoe size\nA,42", "name\n" })
        {
            var r = await agent.PostAsJsonAsync("/api/v1/contacts/import", new { csv = bad });
            await Problem.AssertAsync(r, 400, "validation_failed");
            Assert.True((await Problem.ReadAsync(await agent.PostAsJsonAsync("/api/v1/contacts/import", new { csv = bad }))).GetProperty("errors").TryGetProperty("csv", out _));
        }
    }
}
