using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Contacts;

/// <summary>
/// Contacts as CSV: the export writes the viewer's contacts (columns <c>name, company, notes, numbers, owner, team</c>);
/// the import reads the same format and creates every contact of the file or none.
/// </summary>
public sealed class ContactCsv(CtiDbContext db, ContactBook book, IInputValidator validator, TimeProvider clock)
{
    /// <summary>The most rows one import takes.</summary>
    public const int MaxImportRows = 10_000;

    private static readonly string[] Columns = ["name", "company", "notes", "numbers", "owner", "team"];

    /// <summary>
    /// Creates every contact of the file, or none: each row is checked like a single create (fields, numbers, the owner
    /// and team the caller may assign), every problem is reported under <c>rows[N].field</c> (N = the line of the file,
    /// the header being line 1), and only a file without any problem is saved, in one transaction.
    /// </summary>
    public async Task<ImportContactsResponse> ImportAsync(ContactViewer viewer, ImportContactsRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var rows = Parse(request.Csv!);
        var errors = new Dictionary<string, List<string>>();
        void Fail(int line, string field, string message)
        {
            var key = field.Length == 0 ? $"rows[{line}]" : $"rows[{line}].{field}";
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }

        db.ScopeToTenant(viewer.TenantId);
        var country = await book.CountryAsync(viewer.TenantId, ct);
        var usernames = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Username }).ToDictionaryAsync(u => u.Username, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var teams = (await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var pending = new List<Contact>();
        var now = clock.GetUtcNow();
        foreach (var (line, row) in rows)
        {
            var before = errors.Count;
            try { await validator.ValidateAsync(row.Request, ct); }
            catch (InputValidationException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var m in messages) Fail(line, field.StartsWith("numbers[", StringComparison.Ordinal) ? "numbers" : field, m);
            }
            if (row.NumbersError is { } numbersError) Fail(line, "numbers", numbersError);
            Guid? owner = viewer.UserId, team = null;
            if (row.Owner is { } username)
            {
                if (usernames.TryGetValue(username, out var id)) owner = id;
                else Fail(line, "owner", $"No user '{username}' in this tenant.");
            }
            if (row.Team is { } teamName)
            {
                if (teams.TryGetValue(teamName, out var id)) team = id;
                else Fail(line, "team", $"No team '{teamName}' in this tenant.");
            }
            if (errors.Count != before) continue;
            try { (owner, team) = await book.AssignmentAsync(viewer, owner, team, null, ct); }
            catch (CtiException e) when (e.Code == ContactErrors.AssignmentForbidden) { Fail(line, row.Team is not null && row.Owner is null ? "team" : "owner", e.Message); continue; }

            var contact = new Contact { TenantId = viewer.TenantId, OwnerUserId = owner, TeamId = team, CreatedAt = now };
            ContactBook.Apply(contact, row.Request, country);
            pending.Add(contact);
        }
        if (errors.Count > 0)
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        db.Contacts.AddRange(pending);
        await db.SaveChangesAsync(ct); // one SaveChanges: one transaction, all rows or none
        return new ImportContactsResponse(pending.Count, await book.ResponsesAsync(pending, ct));
    }

    /// <summary>The viewer's contacts matching <paramref name="search"/> as CSV (UTF-8, header row), by name, streamed.</summary>
    public async Task WriteAsync(Stream output, ContactViewer viewer, string? search, CancellationToken ct = default)
    {
        var query = book.Matching(viewer, search).AsNoTracking();
        var usernames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Username, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        // Fields holding any of the delimiters the import detects are quoted, so the file reads back whatever it detects.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            ShouldQuote = a => a.Field is { } f && f.IndexOfAny([',', ';', '\t', '"', '\r', '\n']) >= 0,
        });
        foreach (var c in Columns) csv.WriteField(c);
        await csv.NextRecordAsync();
        // Pages by id keep memory flat for large address books.
        const int batch = 500;
        Guid? after = null;
        while (true)
        {
            var page = query.OrderBy(c => c.Id).AsQueryable();
            if (after is { } last) page = page.Where(c => c.Id.CompareTo(last) > 0);
            var rows = await page.Take(batch).Include(c => c.Numbers).AsSplitQuery().ToListAsync(ct);
            foreach (var c in rows.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                csv.WriteField(c.Name);
                csv.WriteField(c.Company ?? "");
                csv.WriteField(c.Notes ?? "");
                csv.WriteField(string.Join("; ", c.Numbers.OrderBy(n => n.Position).Select(n => n.Label is null ? n.Number : $"{n.Label}: {n.Number}")));
                csv.WriteField(c.OwnerUserId is { } o ? usernames.GetValueOrDefault(o) ?? "" : "");
                csv.WriteField(c.TeamId is { } t ? teams.GetValueOrDefault(t) ?? "" : "");
                await csv.NextRecordAsync();
            }
            if (rows.Count < batch) break;
            after = rows[^1].Id;
        }
        await csv.FlushAsync();
    }

    private sealed record Row(ContactRequest Request, string? Owner, string? Team, string? NumbersError);

    /// <summary>The rows of the file with their line numbers; a file that cannot be read is refused as a whole.</summary>
    private static List<(int Line, Row Row)> Parse(string text)
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
        if (!columns.Contains("name")) throw Refuse("Missing column: name.");
        var unknown = columns.Except(Columns).ToList();
        if (unknown.Count > 0) throw Refuse($"Unknown column(s): {string.Join(", ", unknown)} (expected {string.Join(", ", Columns)}).");

        var rows = new List<(int, Row)>();
        try
        {
            while (csv.Read())
            {
                if (rows.Count == MaxImportRows) throw Refuse($"At most {MaxImportRows} contacts per file.");
                string? Field(string name) => columns.Contains(name) ? ContactBook.NullIfEmpty(csv.GetField(name)) : null;
                var (numbers, numbersError) = ParseNumbers(Field("numbers"));
                rows.Add((csv.Parser.RawRow, new Row(
                    new ContactRequest { Name = Field("name"), Company = Field("company"), Notes = Field("notes"), Numbers = numbers },
                    Field("owner"), Field("team"), numbersError)));
            }
        }
        catch (CsvHelperException e) { throw Refuse($"Line {e.Context?.Parser?.RawRow}: the file is not valid CSV."); }
        if (rows.Count == 0) throw Refuse("No contacts in the file (only a header).");
        return rows;
    }

    /// <summary><c>mobile: +49 151 2345678; work: 030 1234567</c> → labelled numbers.</summary>
    internal static (List<ContactNumberInput> Numbers, string? Error) ParseNumbers(string? text)
    {
        var numbers = new List<ContactNumberInput>();
        if (text is null) return (numbers, null);
        foreach (var part in text.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':');
            numbers.Add(colon < 0
                ? new ContactNumberInput { Number = part }
                : new ContactNumberInput { Label = ContactBook.NullIfEmpty(part[..colon]), Number = ContactBook.NullIfEmpty(part[(colon + 1)..]) });
        }
        if (numbers.Any(n => n.Number is null)) return (numbers, "Write numbers as 'label: number', separated by ';'.");
        return (numbers, null);
    }
}
