namespace CtiBridge.Data.Entities;

/// <summary>
/// Every row belongs to exactly one tenant. <see cref="CtiDbContext"/> filters every query on
/// <see cref="TenantId"/> and refuses to save a row of another tenant than the one it is scoped to.
/// </summary>
public interface ITenantOwned
{
    /// <summary>The owning tenant.</summary>
    Guid TenantId { get; set; }
}
