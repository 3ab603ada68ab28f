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
    public async Task<IReadOnlyList<ScreenPopContact>> MatchAsync(Guid tenantId, Guid agentId, string callerNumber, CancellationToken ct = default)
    {
        var (settings, roles, _) = await ContextAsync(tenantId, agentId, ct);
        if (roles is null) return [];
        return await MatchAsync(tenantId, agentId, roles.Value, ContactNumberNormalizer.Normalize(callerNumber, settings.Country).Key, ct);
    }

    /// <summary>The whole screen pop for a call offered to an agent; null when the agent is unknown.</summary>
    public async Task<ScreenPop?> FindAsync(Guid tenantId, Guid agentId, string callerNumber, Guid callId,
        IReadOnlyDictionary<string, string> attachedData, CancellationToken ct = default)
    {
        var (settings, roles, username) = await ContextAsync(tenantId, agentId, ct);
        if (roles is null) return null;
        var key = ContactNumberNormalizer.Normalize(callerNumber, settings.Country);
        var contacts = await MatchAsync(tenantId, agentId, roles.Value, key.Key, ct);

        var viewer = await records.ViewerAsync(tenantId, agentId, roles.Value, ct);
        var numbers = new[] { callerNumber, key.Key }.Distinct().ToList();
        var recent = await CallRecordSearch.Visible(db, viewer, db.CallRecords.Where(c => numbers.Contains(c.CustomerNumber)))
            .AsNoTracking().OrderByDescending(c => c.OfferedAt).Take(MaxRecentCalls)
            .Select(c => new { c.Id, c.OfferedAt, c.Direction, c.Outcome, c.TalkSeconds, c.AnsweredByUserId }).ToListAsync(ct);
        var agentIds = recent.Where(r => r.AnsweredByUserId is not null).Select(r => r.AnsweredByUserId!.Value).Distinct().ToList();
        var names = agentIds.Count == 0 ? new Dictionary<Guid, string>()
            : (await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Username }).ToListAsync(ct))
                .ToDictionary(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName);
        var calls = recent.Select(r => new ScreenPopCall(r.Id, r.OfferedAt, r.Direction, r.Outcome, r.TalkSeconds,
            r.AnsweredByUserId is { } a ? names.GetValueOrDefault(a) : null)).ToList();

        var masked = NumberMask.IsValidRule(settings.NumberMaskingRule) && settings.NumberMaskingRule is not ("" or "none");
        var url = ScreenPopTemplate.Render(settings.ScreenPopUrlTemplate, new ScreenPopCallInfo(callId, username, callerNumber, attachedData));
        return new ScreenPop(masked || key.Unparsable ? null : key.Key, contacts, calls, url, settings.ScreenPopTrigger, settings.ScreenPopTarget);
    }

    private async Task<(TenantSettings Settings, UserRoles? Roles, string? Username)> ContextAsync(Guid tenantId, Guid agentId, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct) ?? new TenantSettings();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == agentId).Select(u => new { u.Roles, u.Username }).FirstOrDefaultAsync(ct);
        return (settings, user?.Roles, user?.Username);
    }

    private async Task<IReadOnlyList<ScreenPopContact>> MatchAsync(Guid tenantId, Guid agentId, UserRoles roles, string key, CancellationToken ct)
    {
        // The index does the work: the numbers equal to the key, then only those contacts are checked against the viewer.
        var hits = await db.ContactNumbers.AsNoTracking().Where(n => n.TenantId == tenantId && n.NormalizedNumber == key)
            .Select(n => new { n.ContactId, n.Label }).Take(50).ToListAsync(ct);
        if (hits.Count == 0) return [];
        // An agent (neither supervisor nor admin) sees the contacts she owns: no team to read, one round trip less at offer time.
        var viewer = (roles & (UserRoles.Admin | UserRoles.Supervisor)) == 0
            ? new ContactViewer(tenantId, agentId, IsAdmin: false, IsSupervisor: false, new HashSet<Guid>(), new HashSet<Guid>(), [])
            : await book.ViewerAsync(new Actor(tenantId, agentId, roles), ct);
        var ids = hits.Select(h => h.ContactId).Distinct().ToList();
        var contacts = await book.Visible(viewer).AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.Name).Take(MaxContacts).Select(c => new { c.Id, c.Name, c.Company }).ToListAsync(ct);
        return contacts.Select(c => new ScreenPopContact(c.Id, c.Name, c.Company, hits.First(h => h.ContactId == c.Id).Label)).ToList();
    }
}

/// <summary>The call variables a third-party screen pop template may use.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Agent">The agent's username.</param>
/// <param name="Number">The caller's number (unmasked).</param>
/// <param name="AttachedData">The call's attached data.</param>
public sealed record ScreenPopCallInfo(Guid CallId, string? Agent, string? Number, IReadOnlyDictionary<string, string> AttachedData);
