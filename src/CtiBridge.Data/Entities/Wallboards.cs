namespace CtiBridge.Data.Entities;

/// <summary>
/// A key that opens the wallboard (a wall screen's read-only view of chosen skill groups) without a user sign-in. Only
/// its hash is stored; revoked keys stop working at once.
/// </summary>
public class WallboardKey : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the key, shown to admins and used to find the row.</summary>
    public string Prefix { get; set; } = "";
    public string KeyHash { get; set; } = "";
    /// <summary>The skill groups the wallboard shows, comma-separated ids.</summary>
    public string SkillGroupIds { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
