using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Records;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Contacts;

/// <summary>A contact matched by the caller's number.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Name">Its name.</param>
/// <param name="Company">Its company.</param>
/// <param name="NumberLabel">The label of the number that matched (e.g. <c>mobile</c>).</param>
public sealed record ScreenPopContact(Guid ContactId, string Name, string? Company, string? NumberLabel);

/// <summary>One of the last calls with the caller, from the call records the agent may read.</summary>
public sealed record ScreenPopCall(Guid CallId, DateTimeOffset OfferedAt, CallDirection Direction, CallOutcome Outcome, int TalkSeconds, string? AgentName);

/// <summary>
/// What the agent's offer banner shows before answering: the contacts the agent sees whose number is the caller's, the
/// last calls with that number, and the third-party page of the tenant's screen pop template (docs/contacts.md).
/// </summary>
/// <param name="Number">The caller's number in E.164 (to save a new contact from the call); null when the tenant masks numbers.</param>
/// <param name="Contacts">Matching contacts (at most 3; empty: the banner offers to save a new contact).</param>
/// <param name="RecentCalls">The last calls with the number (at most 5, newest first), as the records show them to the agent.</param>
/// <param name="ThirdPartyUrl">The tenant's screen pop URL filled in with this call (values URL-encoded); null when none is set.</param>
/// <param name="ThirdPartyTrigger">When the toolbar opens <paramref name="ThirdPartyUrl"/>.</param>
/// <param name="ThirdPartyTarget">Where it opens it.</param>
public sealed record ScreenPop(string? Number, IReadOnlyList<ScreenPopContact> Contacts, IReadOnlyList<ScreenPopCall> RecentCalls,
    string? ThirdPartyUrl = null, ScreenPopTrigger ThirdPartyTrigger = ScreenPopTrigger.Offered, ScreenPopTarget ThirdPartyTarget = ScreenPopTarget.NewTab);

/// <summary>
/// The screen pop lookup at offer time: the caller's number is normalised like contacts' numbers (tenant country) and
/// matched with one equality on the index <c>(TenantId, NormalizedNumber)</c>; the matches are then filtered to the
/// contacts the offered agent sees. Measured in bench (<c>load contacts</c>, docs/benchmarks.md).
/// </summary>
public sealed class ScreenPopLookup(CtiDbContext db, ContactBook book, CallRecordSearch records)
{
    public const int MaxContacts = 3;
    public const int MaxRecentCalls = 5;

    /// <summary>The contacts of <paramref name="callerNumber"/> that the agent sees (no recent calls, no third-party page).</summary>
    public Task<IReadOnlyList<ScreenPopContact>> MatchAsync(Guid tenantId, Guid agentId, string callerNumber, CancellationToken ct = default) =>
        MatchAsync(tenantId, agentId, callerNumber, known: null, ct);

    /// <summary>
    /// The same with the context known already (<see cref="Events.CallOfferedEvent.ScreenPopContext"/>: the offer brings it): one round
    /// trip, the match itself. Without it the context is read first.
    /// </summary>
    public async Task<IReadOnlyList<ScreenPopContact>> MatchAsync(Guid tenantId, Guid agentId, string callerNumber, ScreenPopContext? known, CancellationToken ct = default)
    {
        if ((known ?? await ContextAsync(tenantId, agentId, ct)) is not { } context) return [];
        return await MatchAsync(tenantId, agentId, context.Roles, ContactNumberNormalizer.Normalize(callerNumber, context.Country).Key, ct);
    }

    /// <summary>The whole screen pop for a call offered to an agent; null when the agent is unknown.</summary>
    public Task<ScreenPop?> FindAsync(Guid tenantId, Guid agentId, string callerNumber, Guid callId,
        IReadOnlyDictionary<string, string> attachedData, CancellationToken ct = default) =>
        FindAsync(tenantId, agentId, callerNumber, callId, attachedData, known: null, ct);

    /// <summary>The same with the context known already (the offer brings it): one round trip less.</summary>
    public async Task<ScreenPop?> FindAsync(Guid tenantId, Guid agentId, string callerNumber, Guid callId,
        IReadOnlyDictionary<string, string> attachedData, ScreenPopContext? known, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        if ((known ?? await ContextAsync(tenantId, agentId, ct)) is not { } context) return null;
        var key = ContactNumberNormalizer.Normalize(callerNumber, context.Country);
        var contacts = await MatchAsync(tenantId, agentId, context.Roles, key.Key, ct);

        var viewer = await records.ViewerAsync(tenantId, agentId, context.Roles, ct);
        var numbers = new[] { callerNumber, key.Key }.Distinct().ToList();
        var recent = await CallRecordSearch.Visible(db, viewer, db.CallRecords.Where(c => numbers.Contains(c.CustomerNumber) && c.Id != callId))
            .AsNoTracking().OrderByDescending(c => c.OfferedAt).Take(MaxRecentCalls)
            .Select(c => new { c.Id, c.OfferedAt, c.Direction, c.Outcome, c.TalkSeconds, c.AnsweredByUserId }).ToListAsync(ct);
        var agentIds = recent.Where(r => r.AnsweredByUserId is not null).Select(r => r.AnsweredByUserId!.Value).Distinct().ToList();
        var names = agentIds.Count == 0 ? new Dictionary<Guid, string>()
            : (await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Username }).ToListAsync(ct))
                .ToDictionary(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName);
        var calls = recent.Select(r => new ScreenPopCall(r.Id, r.OfferedAt, r.Direction, r.Outcome, r.TalkSeconds,
            r.AnsweredByUserId is { } a ? names.GetValueOrDefault(a) : null)).ToList();

        var masked = NumberMask.IsValidRule(context.NumberMaskingRule) && context.NumberMaskingRule is not ("" or "none");
        var url = ScreenPopTemplate.Render(context.ScreenPopUrlTemplate, new ScreenPopCallInfo(callId, context.Username, callerNumber, attachedData));
        return new ScreenPop(masked || key.Unparsable ? null : key.Key, contacts, calls, url, context.ScreenPopTrigger, context.ScreenPopTarget);
    }

    /// <summary>One round trip (the tenant's row and the agent's, cross-joined); null when the agent is unknown.</summary>
    private Task<ScreenPopContext?> ContextAsync(Guid tenantId, Guid agentId, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        return (from t in db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
                from u in db.Users.AsNoTracking().Where(u => u.Id == agentId)
                select new ScreenPopContext(t.Settings.Country, t.Settings.NumberMaskingRule, t.Settings.ScreenPopUrlTemplate,
                    t.Settings.ScreenPopTrigger, t.Settings.ScreenPopTarget, u.Roles, u.Username)).FirstOrDefaultAsync(ct);
    }

    private async Task<IReadOnlyList<ScreenPopContact>> MatchAsync(Guid tenantId, Guid agentId, UserRoles roles, string key, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        // An agent (neither supervisor nor admin) sees the contacts she owns: no team to read. A supervisor's or an
        // admin's viewer is read first (one round trip more for them).
        var viewer = (roles & (UserRoles.Admin | UserRoles.Supervisor)) == 0
            ? new ContactViewer(tenantId, agentId, IsAdmin: false, IsSupervisor: false, new HashSet<Guid>(), new HashSet<Guid>(), [])
            : await book.ViewerAsync(new Actor(tenantId, agentId, roles), ct);
        // One query: the numbers equal to the key (the index (TenantId, NormalizedNumber) does the work) joined with the
        // contacts the viewer sees. A contact with two numbers equal to the key comes twice: keep its first.
        var rows = await (from n in db.ContactNumbers.AsNoTracking().Where(n => n.TenantId == tenantId && n.NormalizedNumber == key)
                          join c in book.Visible(viewer).AsNoTracking() on n.ContactId equals c.Id
                          orderby c.Name, c.Id, n.Label
                          select new { c.Id, c.Name, c.Company, n.Label }).Take(MaxContacts * 4).ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).Take(MaxContacts).Select(r => new ScreenPopContact(r.Id, r.Name, r.Company, r.Label)).ToList();
    }
}

/// <summary>
/// What the screen pop needs besides the number: the tenant's country, masking rule and third-party page settings, and
/// the offered agent's roles and name. The offer brings it (the engine takes it from its live tenant configuration, reloaded
/// whenever an admin changes it), which saves that round trip at offer time; other callers have it read from the database.
/// </summary>
public sealed record ScreenPopContext(string Country, string NumberMaskingRule, string ScreenPopUrlTemplate,
    ScreenPopTrigger ScreenPopTrigger, ScreenPopTarget ScreenPopTarget, UserRoles Roles, string Username)
{
    /// <summary>The context of <paramref name="agent"/> under the tenant's <paramref name="settings"/>.</summary>
    public static ScreenPopContext Of(TenantCallSettings settings, AgentDefinition agent) =>
        new(settings.Country, settings.NumberMaskingRule, settings.ScreenPopUrlTemplate, settings.ScreenPopTrigger, settings.ScreenPopTarget,
            agent.Roles, agent.Username);
}

/// <summary>The call variables a third-party screen pop template may use.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Agent">The agent's username.</param>
/// <param name="Number">The caller's number (unmasked).</param>
/// <param name="AttachedData">The call's attached data.</param>
public sealed record ScreenPopCallInfo(Guid CallId, string? Agent, string? Number, IReadOnlyDictionary<string, string> AttachedData);
