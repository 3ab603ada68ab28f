using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Application.Admin;

namespace CtiBridge.Api.Tests;

/// <summary>POST /admin/users/import: agents from a CSV file, all of them or none, with a message per row and field.</summary>
public class AgentImportTests
{
    private static async Task<List<UserResponse>> UsersAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<UserResponse>>("/api/v1/admin/users", CtiApiFactory.Json))!;

    private static Task<HttpResponseMessage> ImportAsync(HttpClient admin, string csv) =>
        admin.PostAsJsonAsync("/api/v1/admin/users/import", new { csv });

    [Fact]
    public async Task A_clean_file_creates_every_agent_with_its_extension()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        const string csv = """
            Username;DisplayName;Email;AgentNumber;Extension;ExtensionKind;Password
            lena;Lena Berg;lena@demo.example;2001;2001;Web;Granite-Meadow-4417
            omar;"Omar Haddad, Jr.";;2002;2002;sip;Copper-Lantern-9021
            """;
        var response = await ImportAsync(admin, csv);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<ImportAgentsResponse>(CtiApiFactory.Json))!;
        Assert.Equal(2, result.Created);
        Assert.Equal(["lena", "omar"], result.Users.Select(u => u.Username));

        var users = await UsersAsync(admin);
        var omar = users.Single(u => u.Username == "omar");
        Assert.Equal("Omar Haddad, Jr.", omar.DisplayName);
        Assert.Equal(["agent"], omar.Roles);
        Assert.Equal("2002", omar.AgentProfile!.Extension);
        Assert.Equal("Sip", omar.AgentProfile.ExtensionKind.ToString());
        // They can sign in with the password of their row.
        var lena = await host.LoginAsync("demo", "lena", "Granite-Meadow-4417");
        Assert.Equal("Lena Berg", lena.User.DisplayName);
    }

    [Fact]
    public async Task Remote_agents_come_with_their_mobile_number_and_pin()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        const string csv = """
            username,displayName,agentNumber,extension,extensionKind,mobile,ivrPin,password
            rita,Rita Remote,2051,2051,Remote,+491701234567,4711,Granite-Meadow-4417
            rolf,Rolf Remote,2052,2052,remote,,4712,Copper-Lantern-9021
            """;
        var response = await ImportAsync(admin, csv);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var users = await UsersAsync(admin);
        var rita = users.Single(u => u.Username == "rita").AgentProfile!;
        Assert.Equal("Remote", rita.ExtensionKind.ToString());
        Assert.Equal("+491701234567", rita.MobileNumber);
        Assert.True(rita.HasIvrPin);
        // Without a mobile number a remote agent is reached at the number she logs in from (*64).
        var rolf = users.Single(u => u.Username == "rolf").AgentProfile!;
        Assert.Null(rolf.MobileNumber);
        Assert.True(rolf.HasIvrPin);
    }

    [Fact]
    public async Task A_remote_agent_without_agent_number_or_pin_is_refused_per_row_as_she_could_never_log_in_by_phone()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        const string csv = """
            username,displayName,agentNumber,extension,extensionKind,mobile,ivrPin,password
            rosa,Rosa Remote,,2053,Remote,+491701234568,,Granite-Meadow-4417
            """;
        var errors = (await Problem.ReadAsync(await ImportAsync(admin, csv))).GetProperty("errors");
        Assert.Equal(["rows[2].agentNumber", "rows[2].ivrPin"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.StartsWith("Required for a remote agent", errors.GetProperty("rows[2].ivrPin")[0].GetString());
        Assert.DoesNotContain(await UsersAsync(admin), u => u.Username == "rosa");
    }

    [Fact]
    public async Task A_bad_mobile_number_or_one_on_an_agent_who_is_not_remote_is_refused_per_row_and_nothing_is_imported()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var before = (await UsersAsync(admin)).Count;
        const string csv = """
            username;displayName;agentNumber;extension;extensionKind;mobileNumber;ivrPin;password
            good.remote;Good Remote;2061;2061;Remote;+4917000001;1234;Granite-Meadow-4417
            bad.mobile;Bad Mobile;2062;2062;Remote;call me maybe;1234;Granite-Meadow-4417
            bad.pin;Bad Pin;2063;2063;Remote;+4917000003;12;Granite-Meadow-4417
            web.mobile;Web With Mobile;2064;2064;Web;+4917000004;;Granite-Meadow-4417
            sip.pin;Sip With Pin;2065;2065;Sip;;9876;Granite-Meadow-4417
            """;
        var response = await ImportAsync(admin, csv);
        await Problem.AssertAsync(response, 400, "validation_failed");
        var errors = (await Problem.ReadAsync(await ImportAsync(admin, csv))).GetProperty("errors");
        Assert.Equal(["rows[3].mobileNumber", "rows[4].ivrPin", "rows[5].mobileNumber", "rows[6].ivrPin"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Only for a remote agent (extensionKind Remote).", errors.GetProperty("rows[5].mobileNumber")[0].GetString());
        Assert.Equal(before, (await UsersAsync(admin)).Count);
        Assert.DoesNotContain(await UsersAsync(admin), u => u.Username == "good.remote");
    }

    [Fact]
    public async Task A_file_with_bad_rows_creates_nothing_and_names_each_row_and_field()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var before = (await UsersAsync(admin)).Count;
        const string csv = """
            username,displayName,extension,password
            good.one,Good One,2101,Granite-Meadow-4417
            bad name,Bad Name,2102,password
            weak,Weak Password,2103,password
            agent1,Taken Username,2104,Granite-Meadow-4417
            dup.ext,Duplicate Extension,2101,Granite-Meadow-4417
            taken.ext,Taken Extension,1001,Granite-Meadow-4417
            no.ext,No Extension,,Granite-Meadow-4417
            """;
        var response = await ImportAsync(admin, csv);
        await Problem.AssertAsync(response, 400, "validation_failed");
        var errors = (await Problem.ReadAsync(await ImportAsync(admin, csv))).GetProperty("errors");
        var keys = errors.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("rows[3].username", keys);
        Assert.Contains("rows[3].password", keys); // every problem of a row, not only the first
        Assert.Contains("rows[4].password", keys);
        Assert.Contains("rows[5]", keys);
        Assert.Contains("rows[6].extension", keys);
        Assert.Contains("Also on line 2", errors.GetProperty("rows[6].extension")[0].GetString());
        Assert.Contains("rows[7].extension", keys);
        Assert.Contains("rows[8].extension", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("rows[2]", StringComparison.Ordinal));
        // Nothing half-imported: the good row was not created either.
        Assert.Equal(before, (await UsersAsync(admin)).Count);
        Assert.DoesNotContain(await UsersAsync(admin), u => u.Username == "good.one");
    }

    [Theory]
    [InlineData("", "Required.")]
    [InlineData("username,displayName,password\nx,X,Granite-Meadow-4417", "Missing column(s): extension.")]
    [InlineData("username,displayName,password,extension", "No agents in the file (only a header).")]
    public async Task A_file_that_cannot_be_read_is_refused_whole(string csv, string message)
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var response = await ImportAsync(admin, csv);
        await Problem.AssertAsync(response, 400, "validation_failed");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(message, body.GetProperty("errors").GetProperty("csv")[0].GetString());
    }

    [Fact]
    public async Task Only_admins_import()
    {
        using var host = new CtiApiFactory();
        var supervisor = await host.ClientForAsync("demo", "super");
        var response = await ImportAsync(supervisor, "username,displayName,extension,password\na,A,2201,Granite-Meadow-4417");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
