using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CtiBridge.Application.Auth;
using CtiBridge.Application.Common;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using FluentValidation;

namespace CtiBridge.Application.Admin;

/// <summary>Agents to create from a CSV file.</summary>
/// <example>{ "csv": "username,displayName,agentNumber,password,extensionKind,extension\nmaria,Maria Lopez,1007,Copper-Kettle-2026,Web,1007\n" }</example>
public sealed record ImportAgentsRequest
{
    /// <summary>
    /// The CSV text: a header row, then one agent per row. Columns by header name (any order, any case):
    /// <c>username</c>, <c>displayName</c>, <c>password</c>, <c>extension</c> (required), <c>email</c>, <c>agentNumber</c>,
    /// <c>extensionKind</c> (<c>Web</c>, <c>Sip</c> or <c>Remote</c>; <c>Web</c> when empty), and for remote agents
    /// <c>mobileNumber</c> (also headed <c>mobile</c> or <c>phone</c>: the number their calls are put through to; empty: the
    /// number they log in from with <c>*64</c>) and <c>ivrPin</c> (4–8 digits, for <c>*64</c>). A mobile number or PIN on a
    /// row that is not a remote agent is refused. Comma or semicolon separated.
    /// </summary>
    public string? Csv { get; init; }
}

/// <summary>The agents created, in file order.</summary>
public sealed record ImportAgentsResponse(int Created, IReadOnlyList<UserResponse> Users);

internal sealed class ImportAgentsRequestValidator : AbstractValidator<ImportAgentsRequest>
{
    public ImportAgentsRequestValidator() =>
        RuleFor(x => x.Csv).NotEmpty().WithMessage("Required.").MaximumLength(2_000_000).WithMessage("At most 2 MB of text.");
}

public sealed partial class UsersAdmin
{
    /// <summary>The most rows one import takes.</summary>
    public const int MaxImportRows = 1000;

    private static readonly string[] ImportRequiredColumns = ["username", "displayname", "password", "extension"];

    /// <summary>
    /// Creates every agent of the file, or none: each row is checked like a single create (fields, password rule,
    /// usernames, emails, agent numbers and extensions free in the tenant and unique within the file), every problem is
    /// reported under <c>rows[N].field</c> (N = the line of the file, the header being line 1), and only a file without
    /// any problem is saved, in one database transaction. The PBX endpoints are provisioned after the save.
    /// </summary>
    public async Task<ImportAgentsResponse> ImportAgentsAsync(Actor actor, ImportAgentsRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var rows = ParseAgentsCsv(request.Csv!);
        var errors = new Dictionary<string, List<string>>();
        void Fail(int line, string field, string message)
        {
            var key = field.Length == 0 ? $"rows[{line}]" : $"rows[{line}].{field}";
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }

        var tenant = await TenantAsync(ct);
        var users = Users(actor);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Once(int line, string field, string? value)
        {
            if (value is null) return;
            if (seen.TryGetValue($"{field}:{value}", out var first)) Fail(line, field, $"Also on line {first} of the file.");
            else seen[$"{field}:{value}"] = line;
        }

        var pending = new List<User>();
        var now = clock.GetUtcNow();
        foreach (var (line, row) in rows)
        {
            // Every problem of the row is reported, not only the first kind found.
            var before = errors.Count;
            try { await validator.ValidateAsync(row, ct); }
            catch (InputValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var m in messages) Fail(line, field.Replace("agentProfile.", "", StringComparison.Ordinal), m);
            }
            var username = row.Username?.Trim().ToLowerInvariant();
            var email = Normalize(row.Email)?.ToLowerInvariant();
            var agentNumber = Normalize(row.AgentNumber);
            var extension = Normalize(row.AgentProfile?.Extension);
            if (row.AgentProfile is { ExtensionKind: not ExtensionKind.Remote } profile)
            {
                // A remote agent's columns on another kind of agent: most likely a column mix-up; it would be stored unused.
                if (profile.MobileNumber is not null) Fail(line, "mobileNumber", "Only for a remote agent (extensionKind Remote).");
                if (profile.IvrPin is not null) Fail(line, "ivrPin", "Only for a remote agent (extensionKind Remote).");
            }
            if (row.Password is not null)
            {
                try { PasswordPolicy.Enforce(row.Password, PasswordContext.For(tenant, username ?? "")); }
                catch (CtiException e) { Fail(line, "password", e.Message); }
            }
            Once(line, "username", username);
            Once(line, "email", email);
            Once(line, "agentNumber", agentNumber);
            Once(line, "extension", extension);
            try { await EnsureUniqueAsync(users, null, username, email, agentNumber, ct); }
            catch (CtiException e) { Fail(line, "", e.Message); }
            if (extension is not null)
            {
                try { await EnsureExtensionFreeAsync(actor, extension, Guid.Empty, ct); }
                catch (CtiException e) { Fail(line, "extension", e.Message); }
            }
            if (errors.Count != before) continue;

            var user = new User
            {
                TenantId = actor.TenantId, Username = username!, Email = email, AgentNumber = agentNumber, DisplayName = row.DisplayName!.Trim(),
                Roles = UserRoles.Agent, PasswordHash = hasher.Hash(row.Password!), PasswordChangedAt = now, Enabled = true, CreatedAt = now,
            };
            user.AgentProfile = Apply(new AgentProfile { UserId = user.Id, TenantId = actor.TenantId }, row.AgentProfile!);
            pending.Add(user);
        }
        if (errors.Count > 0)
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        db.Users.AddRange(pending);
        await db.SaveChangesAsync(ct); // one SaveChanges: one transaction, all rows or none
        foreach (var user in pending) await SyncEndpointAsync(actor, user, null, ct);
        return new ImportAgentsResponse(pending.Count, pending.Select(UserResponse.From).ToList());
    }

    /// <summary>The rows of the file as create requests, with their line numbers; a file that cannot be read is refused as a whole.</summary>
    private static List<(int Line, CreateUserRequest Row)> ParseAgentsCsv(string text)
    {
        static InputValidationException Refuse(string message) => new(new Dictionary<string, string[]> { ["csv"] = [message] });
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            throw Refuse("The file is empty.");
        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = ImportRequiredColumns.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0) throw Refuse($"Missing column(s): {string.Join(", ", missing)}.");

        var rows = new List<(int, CreateUserRequest)>();
        try
        {
            while (csv.Read())
            {
                if (rows.Count == MaxImportRows) throw Refuse($"At most {MaxImportRows} agents per file.");
                string? Field(string name) => columns.Contains(name) ? NullIfEmpty(csv.GetField(name)) : null;
                var kindText = Field("extensionkind");
                ExtensionKind kind = ExtensionKind.Web;
                if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: true, out kind)) kind = (ExtensionKind)(-1); // refused by the validator
                rows.Add((csv.Parser.RawRow, new CreateUserRequest
                {
                    Username = Field("username"), DisplayName = Field("displayname"), Password = Field("password"), Email = Field("email"),
                    AgentNumber = Field("agentnumber"), Roles = [RoleNames.Agent], Enabled = true,
                    AgentProfile = new AgentProfileModel
                    {
                        Extension = Field("extension"), ExtensionKind = kind,
                        MobileNumber = Field("mobilenumber") ?? Field("mobile") ?? Field("phone"), IvrPin = Field("ivrpin"),
                    },
                }));
            }
        }
        catch (CsvHelperException e) { throw Refuse($"Line {e.Context?.Parser?.RawRow}: the file is not valid CSV."); }
        if (rows.Count == 0) throw Refuse("No agents in the file (only a header).");
        return rows;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
