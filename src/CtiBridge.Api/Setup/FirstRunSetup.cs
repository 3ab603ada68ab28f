using System.Security.Cryptography;
using CtiBridge.Api.Infrastructure;
using CtiBridge.Application.Admin;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Setup;

/// <summary>
/// The first-run command: <c>CtiBridge.Api setup --tenant &lt;domain&gt; [--name "…"] [--admin &lt;login&gt;]
/// [--password-stdin]</c>. Against the configured database (the same settings the service starts with) it brings the
/// schema up to date, creates the first tenant and its admin (a platform admin too, who may create further tenants),
/// prints what to do next and exits. It refuses when the database already holds a tenant, so running it twice by
/// accident changes nothing. Without <c>--password-stdin</c> it generates the admin's password and prints it once.
/// </summary>
public static class FirstRunSetup
{
    public const string Command = "setup";
    public const int Succeeded = 0, Refused = 1, Usage = 2;

    private const string UsageText = """
        usage: dotnet run --project src/CtiBridge.Api -- setup --tenant <domain> [--name "<display name>"] [--admin <login>] [--password-stdin]
          --tenant          the tenant's login domain (lower-case letters, digits, hyphens); the dialplan's tenant argument
          --name            its display name (default: the domain)
          --admin           the first admin's login (default: admin)
          --password-stdin  read the admin's password from standard input; otherwise one is generated and printed once
        Runs against the configured database (Database:*, Data:Directory or --data), like the service itself.
        """;

    /// <summary>True when the command line asks for setup (the word <c>setup</c> as an argument, not an option's value).</summary>
    public static bool IsRequested(string[] args) => IndexOf(args) >= 0;

    private static int IndexOf(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
            if (args[i] == Command && (i == 0 || !args[i - 1].StartsWith('-') || args[i - 1].Contains('=', StringComparison.Ordinal)))
                return i;
        return -1;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output, CancellationToken ct = default)
    {
        var options = Parse(args[(IndexOf(args) + 1)..]);
        if (options is null) { await output.WriteLineAsync(UsageText); return Usage; }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CtiDbContext>();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(db, ct);
        foreach (var upgrade in services.GetServices<IStartupDataUpgrade>()) await upgrade.UpgradeAsync(ct);

        db.ScopeToSystem();
        var existing = await db.Tenants.OrderBy(t => t.CreatedAt).Select(t => t.Domain).ToListAsync(ct);
        if (existing.Count > 0)
        {
            await output.WriteLineAsync($"Refused: this database already has tenants ({string.Join(", ", existing)}); setup only creates the first one.");
            await output.WriteLineAsync("Create further tenants as a platform admin (POST /api/v1/admin/tenants) or in the admin console. Nothing was changed.");
            return Refused;
        }

        var generated = !options.PasswordFromInput;
        var password = generated ? GeneratePassword() : (await input.ReadToEndAsync(ct)).TrimEnd('\r', '\n');
        TenantResponse tenant;
        try
        {
            tenant = await services.GetRequiredService<TenantsAdmin>().CreateAsync(new CreateTenantRequest
            {
                Domain = options.Tenant, Name = options.Name ?? options.Tenant, AdminUsername = options.Admin, AdminPassword = password,
            }, ct);
        }
        catch (InputValidationException ex)
        {
            await output.WriteLineAsync("Refused: " + string.Join("; ", ex.Errors.Select(e => $"{(e.Key.Length > 0 ? e.Key + ": " : "")}{string.Join(" ", e.Value)}")));
            return Refused;
        }
        catch (CtiException ex)
        {
            await output.WriteLineAsync($"Refused ({ex.Code}): {ex.Message}");
            return Refused;
        }

        var login = options.Admin.Trim().ToLowerInvariant();
        var admin = await db.Users.SingleAsync(u => u.TenantId == tenant.Id && u.Username == login, ct);
        admin.IsPlatformAdmin = true;
        await db.SaveChangesAsync(ct);

        var database = services.GetRequiredService<DatabaseOptions>();
        await output.WriteLineAsync($"""
            Created tenant '{tenant.Domain}' ({tenant.Name}) and its admin '{login}' (also platform admin) in the {database.Provider} database.
            {(generated ? $"Admin password (shown once, change it after signing in): {password}" : "Admin password: the one given on standard input.")}

            Next:
              1. Start the service with the same settings: dotnet run --project src/CtiBridge.Api
              2. Sign in at http://localhost:5000 (domain '{tenant.Domain}', login '{login}'), or through the API:
                 curl -s localhost:5000/api/v1/session/login -H 'content-type: application/json' \
                   -d '{"{"}"domain":"{tenant.Domain}","login":"{login}","password":"…"{"}"}'
              3. In the admin console (or /api/v1/admin/…): create a skill group, agents (users with an agent profile and an
                 extension) and desk phones; with Asterisk:Provisioning:IncludeFile set, their SIP endpoints are provisioned.
              4. The dialplan sends calls to tenant '{tenant.Domain}': see docs/asterisk.md.
            """);
        return Succeeded;
    }

    private sealed record Options(string Tenant, string? Name, string Admin, bool PasswordFromInput);

    private static Options? Parse(string[] args)
    {
        string? tenant = null, name = null, admin = "admin";
        var fromInput = false;
        for (var i = 0; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--tenant": tenant = Value(); break;
                case "--name": name = Value(); break;
                case "--admin": admin = Value(); break;
                case "--password-stdin": fromInput = true; break;
                default:
                    // The host's own options (--data, --urls, --contentRoot, Section:Key=value) are the service's settings.
                    if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=', StringComparison.Ordinal)) i++;
                    else if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
                    break;
            }
        }
        return string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(admin) ? null : new Options(tenant, name, admin, fromInput);
    }

    /// <summary>20 letters and digits from a CSPRNG (~119 bits): passes the password rule, easy to copy.</summary>
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
}
