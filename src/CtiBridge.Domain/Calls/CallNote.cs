namespace CtiBridge.Domain.Calls;

/// <summary>
/// One agent's wrap-up notes on a call: the disposition she chose and her remarks. Each agent of a call keeps her own
/// (a consulted colleague's notes never replace the answering agent's).
/// </summary>
/// <param name="DispositionId">The tenant's disposition code chosen; null when none, or for free text (tenants without codes).</param>
/// <param name="Disposition">The code's name when chosen, or the free text of a tenant without codes.</param>
/// <param name="Remarks">Free text.</param>
/// <param name="SavedAt">When the agent last saved them.</param>
public sealed record CallNote(Guid? DispositionId, string? Disposition, string? Remarks, DateTimeOffset SavedAt)
{
    /// <summary>
    /// The notes after a change: a field left out (null) keeps its value, as the API's partial update promises.
    /// An empty string clears it.
    /// </summary>
    public static CallNote Merge(CallNote? current, (Guid? Id, string Text)? disposition, string? remarks, DateTimeOffset at)
    {
        var (id, text) = disposition is { } d ? (d.Id, d.Text) : (current?.DispositionId, current?.Disposition);
        var merged = remarks ?? current?.Remarks;
        return new CallNote(id, string.IsNullOrEmpty(text) ? null : text, string.IsNullOrWhiteSpace(merged) ? null : merged, at);
    }
}
