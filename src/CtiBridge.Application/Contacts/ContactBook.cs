using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Contacts;

/// <summary>
/// Who reads and edits contacts: admins the tenant's; supervisors their own, their teams' (the contact's team is one
/// of theirs) and those owned by their teams' agents; agents only those they own.
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The user.</param>
/// <param name="IsAdmin">Sees and edits every contact of the tenant.</param>
/// <param name="IsSupervisor">Sees and edits the contacts of their teams; deletes.</param>
/// <param name="Teams">The teams the user supervises.</param>
/// <param name="TeamAgents">The agents of those teams.</param>
/// <param name="MemberTeams">The teams the user is an agent of (the default team of their new contacts).</param>
public sealed record ContactViewer(Guid TenantId, Guid UserId, bool IsAdmin, bool IsSupervisor,
    IReadOnlySet<Guid> Teams, IReadOnlySet<Guid> TeamAgents, IReadOnlyList<Guid> MemberTeams)
{
    /// <summary>Only supervisors and admins delete (manual 001's rule).</summary>
    public bool MayDelete => IsAdmin || IsSupervisor;
}

/// <summary>
/// The contacts use cases: search by name or number, read, create, edit, delete (docs/contacts.md). Numbers are
/// stored as given and normalised to E.164 with the tenant's country (<see cref="ContactNumberNormalizer"/>).
/// A contact the caller may not see answers <c>contact_not_found</c> (404), like a contact of another tenant.
/// </summary>
public sealed class ContactBook(CtiDbContext db, IInputValidator validator, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>The viewer for a signed-in user.</summary>
    public async Task<ContactViewer> ViewerAsync(Actor actor, CancellationToken ct = default)
    {
        db.ScopeToTenant(actor.TenantId);
        var admin = actor.Has(UserRoles.Admin);
        var supervisor = actor.Has(UserRoles.Supervisor);
        var teams = new HashSet<Guid>();
        var agents = new HashSet<Guid>();
        if (supervisor && !admin)
        {
            teams.UnionWith(await db.TeamSupervisors.Where(s => s.UserId == actor.UserId).Select(s => s.TeamId).ToListAsync(ct));
            agents.UnionWith(await db.TeamMembers.Where(m => teams.Contains(m.TeamId)).Select(m => m.UserId).ToListAsync(ct));
        }
        var member = await db.TeamMembers.Where(m => m.UserId == actor.UserId).OrderBy(m => m.TeamId).Select(m => m.TeamId).ToListAsync(ct);
        return new ContactViewer(actor.TenantId, actor.UserId, admin, supervisor, teams, agents, member);
    }

    /// <summary>The contacts the viewer sees (tenant-scoped).</summary>
    internal IQueryable<Contact> Visible(ContactViewer viewer, IQueryable<Contact>? source = null)
    {
        db.ScopeToTenant(viewer.TenantId);
        var tenantId = viewer.TenantId;
        var q = (source ?? db.Contacts).Where(c => c.TenantId == tenantId);
        if (viewer.IsAdmin) return q;
        var self = viewer.UserId;
        if (!viewer.IsSupervisor) return q.Where(c => c.OwnerUserId == self);
        var teams = viewer.Teams.ToList();
        var agents = viewer.TeamAgents.ToList();
        return q.Where(c => c.OwnerUserId == self || (c.TeamId != null && teams.Contains(c.TeamId.Value))
                            || (c.OwnerUserId != null && agents.Contains(c.OwnerUserId.Value)));
    }

    /// <summary>
    /// Contacts whose name contains <paramref name="search"/> (case-insensitive) or one of whose numbers contains it (as
    /// written, or its digits in the E.164 form), by name, a page at a time.
    /// </summary>
    public async Task<ContactPage> SearchAsync(ContactViewer viewer, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        if (pageSize is < 1 or > MaxPageSize)
            throw new CtiException(ErrorCodes.ValidationFailed, $"pageSize is between 1 and {MaxPageSize}.", ErrorKind.Validation);
        if (page < 1) throw new CtiException(ErrorCodes.ValidationFailed, "page is 1 or more.", ErrorKind.Validation);
        var rows = await Matching(viewer, search).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).Include(c => c.Numbers).AsNoTracking().AsSplitQuery().ToListAsync(ct);
        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ContactPage(await ResponsesAsync(rows, ct), page, pageSize, more);
    }

    /// <summary>The viewer's contacts matching the search (refuses a search longer than 100 characters).</summary>
    public IQueryable<Contact> Matching(ContactViewer viewer, string? search)
    {
        db.ScopeToTenant(viewer.TenantId);
        if (search?.Trim() is not { Length: > 0 } term) return Visible(viewer);
        if (term.Length > 100) throw new CtiException(ErrorCodes.ValidationFailed, "search is at most 100 characters.", ErrorKind.Validation);
        return Visible(viewer, Containing(term));
    }

    /// <summary>
    /// Contacts whose name contains <paramref name="term"/> (case-insensitive) or one of whose numbers contains it as
    /// written, or contains its digits in the E.164 form — through the provider's trigram index: SQLite's FTS5 trigram table
    /// <c>ContactSearch</c> (terms of 3+ characters; shorter ones are a scan), PostgreSQL's pg_trgm GIN indexes
    /// (<c>IX_Contacts_Search</c>, <c>IX_ContactNumbers_Search</c>). Other providers: LIKE. Not yet filtered by tenant or viewer.
    /// </summary>
    private IQueryable<Contact> Containing(string term)
    {
        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
            return db.Contacts.FromSqlRaw(
                // A UNION, not an OR across the two tables: each side is a bitmap scan of its GIN index.
                "SELECT * FROM \"Contacts\" WHERE \"Id\" IN (SELECT \"Id\" FROM \"Contacts\" WHERE \"Name\" ILIKE {0} " +
                "UNION SELECT \"ContactId\" FROM \"ContactNumbers\" WHERE \"Number\" ILIKE {0} OR \"NormalizedNumber\" LIKE {1})",
                Like(term), digits.Length == 0 ? Like(term) : Like(digits));
        if (provider.Contains("Sqlite", StringComparison.Ordinal) && term.Length >= 3)
        {
            // One phrase per form of the term; a quote inside a phrase is doubled (FTS5 string syntax).
            var phrases = new[] { term, digits }.Where(t => t.Length >= 3).Distinct().Select(t => "\"" + t.Replace("\"", "\"\"") + "\"");
            return db.Contacts.FromSqlRaw(
                "SELECT * FROM \"Contacts\" WHERE \"Id\" IN (SELECT \"ContactId\" FROM \"ContactSearch\" WHERE \"ContactSearch\" MATCH {0})",
                "Text : (" + string.Join(" OR ", phrases) + ")");
        }
        var lower = term.ToLowerInvariant();
        return digits.Length == 0
            ? db.Contacts.Where(c => c.Name.ToLower().Contains(lower) || c.Numbers.Any(n => n.Number.Contains(term)))
            : db.Contacts.Where(c => c.Name.ToLower().Contains(lower) || c.Numbers.Any(n => n.Number.Contains(term) || n.NormalizedNumber.Contains(digits)));
    }

    private static string Like(string text) => "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>One contact.</summary>
    public async Task<ContactResponse> GetAsync(ContactViewer viewer, Guid id, CancellationToken ct = default) =>
        (await ResponsesAsync([await FindAsync(viewer, id, tracking: false, ct)], ct))[0];

    /// <summary>Creates a contact; the owner defaults to the caller and the team to the owner's team.</summary>
    public async Task<ContactResponse> CreateAsync(ContactViewer viewer, ContactRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var (owner, team) = await AssignmentAsync(viewer, request.OwnerId ?? viewer.UserId, request.TeamId, null, ct);
        var contact = new Contact
        {
            TenantId = viewer.TenantId, OwnerUserId = owner, TeamId = team, CreatedAt = clock.GetUtcNow(),
        };
        Apply(contact, request, await CountryAsync(viewer.TenantId, ct));
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return (await ResponsesAsync([contact], ct))[0];
    }

    /// <summary>Edits a contact the viewer sees: every field and the numbers are replaced; owner and team change only when given.</summary>
    public async Task<ContactResponse> UpdateAsync(ContactViewer viewer, Guid id, ContactRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var contact = await FindAsync(viewer, id, tracking: true, ct);
        var (owner, team) = await AssignmentAsync(viewer, request.OwnerId ?? contact.OwnerUserId, request.TeamId, contact, ct);
        contact.OwnerUserId = owner;
        contact.TeamId = team;
        db.ContactNumbers.RemoveRange(contact.Numbers);
        contact.Numbers.Clear();
        Apply(contact, request, await CountryAsync(viewer.TenantId, ct));
        // New rows with their ids already set: say they are new (found through the navigation, they would be taken for existing ones).
        db.ContactNumbers.AddRange(contact.Numbers);
        await db.SaveChangesAsync(ct);
        return (await ResponsesAsync([contact], ct))[0];
    }

    /// <summary>Deletes a contact: supervisors (their teams' contacts) and admins only.</summary>
    public async Task DeleteAsync(ContactViewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!viewer.MayDelete)
            throw new CtiException(ContactErrors.DeleteForbidden, "Only supervisors and admins delete contacts.", ErrorKind.Forbidden);
        var contact = await FindAsync(viewer, id, tracking: true, ct);
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Contact> FindAsync(ContactViewer viewer, Guid id, bool tracking, CancellationToken ct)
    {
        var q = Visible(viewer).Include(c => c.Numbers).Where(c => c.Id == id);
        return await (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw new CtiException(ContactErrors.NotFound, "No such contact.", ErrorKind.NotFound);
    }

    /// <summary>The tenant's country (ISO 3166 alpha-2, or empty).</summary>
    public async Task<string> CountryAsync(Guid tenantId, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        return await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Settings.Country).FirstOrDefaultAsync(ct) ?? "";
    }

    /// <summary>Fills a contact from a request (validated before), its numbers normalised with <paramref name="country"/>.</summary>
    public static void Apply(Contact contact, ContactRequest request, string country)
    {
        contact.Name = request.Name!.Trim();
        contact.Company = NullIfEmpty(request.Company);
        contact.Notes = NullIfEmpty(request.Notes);
        foreach (var n in request.Numbers ?? [])
        {
            var normalized = ContactNumberNormalizer.Normalize(n.Number!, country);
            contact.Numbers.Add(new ContactNumber
            {
                TenantId = contact.TenantId, ContactId = contact.Id, Number = n.Number!.Trim(), Label = NullIfEmpty(n.Label),
                NormalizedNumber = normalized.Key, Unparsable = normalized.Unparsable, Position = contact.Numbers.Count,
            });
        }
    }

    /// <summary>
    /// The owner and team a contact may get from this viewer. Agents: themselves and one of their teams. Supervisors:
    /// themselves or an agent of their teams, and one of their teams (or the one the contact already has). Admins:
    /// any user and team of the tenant. Team absent: unchanged on edit, else the owner's first team.
    /// </summary>
    internal async Task<(Guid? Owner, Guid? Team)> AssignmentAsync(ContactViewer viewer, Guid? owner, Guid? team, Contact? existing,
        CancellationToken ct)
    {
        static CtiException Refuse(string message) => new(ContactErrors.AssignmentForbidden, message, ErrorKind.Forbidden);
        if (owner is { } o && o != existing?.OwnerUserId)
        {
            if (viewer.IsAdmin)
            {
                if (!await db.Users.AnyAsync(u => u.Id == o, ct)) throw Refuse("The owner is not a user of this tenant.");
            }
            else if (o != viewer.UserId && !(viewer.IsSupervisor && viewer.TeamAgents.Contains(o)))
                throw Refuse(viewer.IsSupervisor ? "The owner must be you or an agent of your teams." : "Agents keep their own contacts.");
        }
        if (team is { } t && t != existing?.TeamId)
        {
            if (viewer.IsAdmin)
            {
                if (!await db.Teams.AnyAsync(x => x.Id == t, ct)) throw Refuse("No such team in this tenant.");
            }
            else if (!viewer.Teams.Contains(t) && !viewer.MemberTeams.Contains(t))
                throw Refuse("The team must be one of yours.");
        }
        if (team is null)
        {
            if (existing is not null) team = existing.TeamId;
            else if (owner is { } ownerId)
            {
                team = ownerId == viewer.UserId && viewer.MemberTeams.Count > 0
                    ? viewer.MemberTeams[0]
                    : await db.TeamMembers.Where(m => m.UserId == ownerId).OrderBy(m => m.TeamId).Select(m => (Guid?)m.TeamId).FirstOrDefaultAsync(ct);
                if (team is null && viewer.Teams.Count > 0) team = viewer.Teams.Min();
            }
        }
        return (owner, team);
    }

    /// <summary>Contacts as responses, with owner and team names.</summary>
    internal async Task<List<ContactResponse>> ResponsesAsync(IReadOnlyList<Contact> contacts, CancellationToken ct)
    {
        var userIds = contacts.Where(c => c.OwnerUserId is not null).Select(c => c.OwnerUserId!.Value).Distinct().ToList();
        var teamIds = contacts.Where(c => c.TeamId is not null).Select(c => c.TeamId!.Value).Distinct().ToList();
        var users = userIds.Count == 0 ? new Dictionary<Guid, string>()
            : (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Username }).ToListAsync(ct))
                .ToDictionary(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName);
        var teams = teamIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return contacts.Select(c => Response(c,
            c.OwnerUserId is { } o ? users.GetValueOrDefault(o) : null,
            c.TeamId is { } t ? teams.GetValueOrDefault(t) : null)).ToList();
    }

    internal static ContactResponse Response(Contact c, string? ownerName, string? teamName) => new(
        c.Id, c.Name, c.Company, c.Notes,
        c.Numbers.OrderBy(n => n.Position).Select(n => new ContactNumberResponse(n.Label, n.Number, n.Unparsable ? null : n.NormalizedNumber, n.Unparsable)).ToList(),
        c.OwnerUserId, ownerName, c.TeamId, teamName, c.CreatedAt);

    internal static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
