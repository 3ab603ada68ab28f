namespace CtiBridge.Api.Events;

/// <summary>
/// Where a tenant's event streams (per user: the last sequence number and the recent envelopes) are kept beyond this
/// process, so the node that next acts for the tenant continues its numbering (docs/architecture.md, "Several nodes").
/// One implementation: Redis (<c>Redis:ConnectionString</c>); without it the streams live in memory only.
/// </summary>
public interface IEventStreamStore
{
    /// <summary>
    /// Claims the tenant's streams for the holder of lease epoch <paramref name="fence"/> (later writes of an older holder
    /// are refused) and reads them back: the tenant's stream epoch (<paramref name="proposedEpoch"/> when it has none yet)
    /// and each user's last sequence number and envelopes. Throws when the store cannot be reached or a newer holder
    /// claimed the tenant.
    /// </summary>
    Task<StoredTenantStreams> LoadAsync(Guid tenantId, long fence, string proposedEpoch, CancellationToken ct);

    /// <summary>
    /// Appends one event's envelopes (one per recipient, in order) for the holder of <paramref name="fence"/>. Returns
    /// normally only when every one was stored; throws when the store did not answer in time or refused the fence.
    /// </summary>
    Task AppendAsync(Guid tenantId, long fence, string epoch, IReadOnlyList<StoredEnvelope> envelopes, CancellationToken ct);

    /// <summary>
    /// Claims the tenant's streams for the holder of <paramref name="fence"/> and replaces them with what that holder
    /// kept in memory while the store failed: <paramref name="epoch"/> and each user's last number and envelopes (JSON).
    /// Throws when the store cannot be reached or a newer holder claimed the tenant.
    /// </summary>
    Task ReplaceAsync(Guid tenantId, long fence, string epoch, IReadOnlyList<StoredUserStream> users, CancellationToken ct);
}

/// <summary>One user's stream as written back by <see cref="IEventStreamStore.ReplaceAsync"/>.</summary>
public sealed record StoredUserStream(Guid UserId, long Seq, IReadOnlyList<byte[]> Envelopes);

/// <summary>One recipient's envelope as stored: its user, sequence number, send time and the envelope's JSON.</summary>
public sealed record StoredEnvelope(Guid UserId, long Seq, DateTimeOffset At, byte[] Json);

/// <summary>A tenant's streams read back: its epoch and, per user, the last sequence number and the envelopes kept.</summary>
public sealed record StoredTenantStreams(string Epoch, IReadOnlyDictionary<Guid, (long Seq, IReadOnlyList<EventEnvelope> Envelopes)> Users);
