using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.PhoneRegistrations;

/// <summary>One registered contact of a PJSIP endpoint, as the PBX lists it.</summary>
/// <param name="EndpointName">The endpoint (<c>acme-1001</c>, no <c>PJSIP/</c>).</param>
/// <param name="Uri">Where the phone said it can be reached (its Contact header).</param>
/// <param name="UserAgent">The phone's User-Agent header, when it sent one.</param>
/// <param name="Status">The PBX's word for it: <c>Reachable</c>, <c>Unreachable</c>, <c>Unknown</c> (not qualified), <c>Created</c>, …</param>
/// <param name="ExpiresAt">When the registration runs out unless the phone refreshes it.</param>
public sealed record PbxContact(string EndpointName, string Uri, string? UserAgent, string Status, DateTimeOffset? ExpiresAt);

/// <summary>The PBX's registrations (a port: the Asterisk adapter reads them over AMI, the Simulator has its own).</summary>
public interface IPhoneRegistrationSource
{
    /// <summary>The registered contacts of <paramref name="endpointNames"/>.</summary>
    Task<IReadOnlyList<PbxContact>> ListContactsAsync(IReadOnlyCollection<string> endpointNames, CancellationToken ct = default);

    /// <summary>
    /// When the PBX last heard from the endpoint's phone — a registration, its refresh or removal, or an answer to a
    /// qualify — as far as this process has seen (null: not since it started).
    /// </summary>
    DateTimeOffset? LastSeen(string endpointName);
}

/// <summary>A registered contact of a phone.</summary>
/// <param name="Uri">The phone's contact address (SIP URI).</param>
/// <param name="UserAgent">The phone's User-Agent, when it sent one.</param>
/// <param name="Status">The PBX's status of the contact (<c>Reachable</c>, <c>Unreachable</c>, <c>Unknown</c> when not qualified, …).</param>
/// <param name="ExpiresAt">When the registration runs out unless the phone refreshes it (null when the PBX does not say).</param>
public sealed record PhoneContactResponse(string Uri, string? UserAgent, string Status, DateTimeOffset? ExpiresAt);

/// <summary>A phone and its live registration.</summary>
/// <param name="PhoneId">The phone (<c>/api/v1/admin/phones/{id}</c>).</param>
/// <param name="Extension">Its extension.</param>
/// <param name="EndpointName">Its PJSIP endpoint.</param>
/// <param name="Registered">It has a contact the PBX does not consider unreachable.</param>
/// <param name="Contacts">Its registered contacts (a phone may register from several places).</param>
/// <param name="LastSeen">When the PBX last heard from it (registration, refresh, removal or qualify answer) since CtiBridge started; null when not since then.</param>
public sealed record PhoneRegistrationResponse(Guid PhoneId, string Extension, string EndpointName, bool Registered,
    IReadOnlyList<PhoneContactResponse> Contacts, DateTimeOffset? LastSeen);

/// <summary>The live registration of the actor's tenant's phones: the phones from the database, their contacts from the PBX.</summary>
public sealed class PhoneRegistrationsQuery(CtiDbContext db, IPhoneRegistrationSource source)
{
    private static readonly HashSet<string> NotReachable = new(["Unreachable", "Unavail", "Removed"], StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<PhoneRegistrationResponse>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var phones = await db.ScopeToTenant(actor.TenantId).Phones.AsNoTracking().OrderBy(p => p.Extension)
            .Select(p => new { p.Id, p.Extension, p.EndpointName }).ToListAsync(ct);
        if (phones.Count == 0) return [];
        IReadOnlyList<PbxContact> contacts;
        try
        {
            contacts = await source.ListContactsAsync(phones.Select(p => p.EndpointName).ToList(), ct);
        }
        catch (Exception ex) when (ex is not (CtiException or OperationCanceledException))
        {
            throw new CtiException(ErrorCodes.PbxUnavailable, "The PBX did not list its registrations: " + ex.Message, ErrorKind.Unavailable);
        }
        var byEndpoint = contacts.ToLookup(c => c.EndpointName, StringComparer.OrdinalIgnoreCase);
        return phones.Select(p =>
        {
            var mine = byEndpoint[p.EndpointName].OrderBy(c => c.Uri, StringComparer.Ordinal)
                .Select(c => new PhoneContactResponse(c.Uri, c.UserAgent, c.Status, c.ExpiresAt)).ToList();
            return new PhoneRegistrationResponse(p.Id, p.Extension, p.EndpointName, mine.Any(c => !NotReachable.Contains(c.Status)),
                mine, source.LastSeen(p.EndpointName));
        }).ToList();
    }
}
