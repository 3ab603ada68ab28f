namespace CtiBridge.Data.Entities;

/// <summary>
/// A caller ID number agents may present on outbound calls: the whole tenant's (no team) or one team's
/// (docs/dispositions.md, "Caller IDs"). Any other caller ID is refused.
/// </summary>
public class OutboundCallerId : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    /// <summary>The number presented: optional +, then digits.</summary>
    public string Number { get; set; } = "";
    /// <summary>What agents read in the dial pad, e.g. "Sales hotline".</summary>
    public string? Label { get; set; }
    /// <summary>Only this team's agents may present it; null = every agent of the tenant.</summary>
    public Guid? TeamId { get; set; }
}
