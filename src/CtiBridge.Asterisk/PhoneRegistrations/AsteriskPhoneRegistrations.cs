using System.Collections.Concurrent;
using CtiBridge.Application.PhoneRegistrations;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Asterisk.PhoneRegistrations;

/// <summary>
/// Registrations on Asterisk: the contacts from AMI <c>PJSIPShowContacts</c> (contact URI, User-Agent, status, expiry),
/// and when each endpoint was last heard from from the <c>ContactStatus</c> events (a REGISTER creating, refreshing or
/// removing a contact, or a qualify answer making it Reachable). Without AMI there is nothing to read: <c>pbx_unavailable</c>.
/// </summary>
public sealed class AsteriskPhoneRegistrations : IPhoneRegistrationSource, IDisposable
{
    private static readonly HashSet<string> HeardFrom = new(["Created", "Updated", "Removed", "Reachable"], StringComparer.OrdinalIgnoreCase);

    private readonly AmiClient? _ami;
    private readonly TimeProvider _time;
    private readonly IDisposable? _subscription;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.OrdinalIgnoreCase);

    public AsteriskPhoneRegistrations(AmiClient? ami, TimeProvider? time = null)
    {
        _ami = ami;
        _time = time ?? TimeProvider.System;
        _subscription = ami?.Subscribe("ContactStatus", OnContactStatusAsync);
    }

    public async Task<IReadOnlyList<PbxContact>> ListContactsAsync(IReadOnlyCollection<string> endpointNames, CancellationToken ct = default)
    {
        if (_ami is null)
            throw new CtiException(ErrorCodes.PbxUnavailable, "Registrations are read over AMI, which is not configured.", ErrorKind.Unavailable);
        var wanted = new HashSet<string>(endpointNames, StringComparer.OrdinalIgnoreCase);
        var contacts = await _ami.PjsipShowContactsAsync(ct).ConfigureAwait(false);
        return contacts
            .Where(c => c.Endpoint is { Length: > 0 } e && wanted.Contains(e) && c.Uri is { Length: > 0 })
            .Select(c => new PbxContact(c.Endpoint!, c.Uri!, string.IsNullOrWhiteSpace(c.UserAgent) ? null : c.UserAgent, c.Status ?? "Unknown",
                c.ExpirationTime is { } exp and > 0 ? DateTimeOffset.FromUnixTimeSeconds(exp) : null))
            .ToList();
    }

    public DateTimeOffset? LastSeen(string endpointName) => _lastSeen.TryGetValue(endpointName, out var at) ? at : null;

    /// <summary>A ContactStatus event: <c>EndpointName</c>, <c>ContactStatus</c> (Created, Updated, Removed, Reachable, Unreachable, …).</summary>
    private ValueTask OnContactStatusAsync(AmiMessage m, CancellationToken ct)
    {
        if (m["EndpointName"] is { Length: > 0 } endpoint && m["ContactStatus"] is { } status && HeardFrom.Contains(status))
            _lastSeen[endpoint] = _time.GetUtcNow();
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}

/// <summary>
/// Several Asterisk servers: a phone is registered on its tenant's server, so the registrations are read from every
/// server and merged (endpoint names carry their tenant, so one endpoint is on one server). A server that cannot answer
/// — not connected by this node, whose tenants another node holds — is left out; only when none answers is it an error.
/// </summary>
public sealed class AllServersPhoneRegistrations(IReadOnlyList<IPhoneRegistrationSource> servers) : IPhoneRegistrationSource
{
    public async Task<IReadOnlyList<PbxContact>> ListContactsAsync(IReadOnlyCollection<string> endpointNames, CancellationToken ct = default)
    {
        var contacts = new List<PbxContact>();
        Exception? failure = null;
        var answered = 0;
        foreach (var server in servers)
        {
            try
            {
                contacts.AddRange(await server.ListContactsAsync(endpointNames, ct).ConfigureAwait(false));
                answered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { failure ??= ex; }
        }
        if (answered == 0 && failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return contacts;
    }

    public DateTimeOffset? LastSeen(string endpointName) => servers.Select(s => s.LastSeen(endpointName)).Max();
}
