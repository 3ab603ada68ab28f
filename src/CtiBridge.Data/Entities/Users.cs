using CtiBridge.Domain.Tenants;

namespace CtiBridge.Data.Entities;

/// <summary>
/// A person who signs in. <see cref="Username"/> and <see cref="Email"/> are stored lower-case and
/// are unique within the tenant, as is <see cref="AgentNumber"/>.
/// </summary>
public class User : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Username { get; set; } = "";
    public string? Email { get; set; }
    /// <summary>The short number an agent types at IVR login and may use at web login (e.g. <c>1001</c>).</summary>
    public string? AgentNumber { get; set; }
    public string DisplayName { get; set; } = "";
    public UserRoles Roles { get; set; }
    /// <summary>May create and edit tenants (the platform operator). Not a tenant role.</summary>
    public bool IsPlatformAdmin { get; set; }
    /// <summary>Versioned KDF hash, see docs/auth.md.</summary>
    public string PasswordHash { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }

    public AgentProfile? AgentProfile { get; set; }
}

/// <summary>A refresh token (stored as its SHA-256 hash only); rotated on every use.</summary>
public class RefreshToken : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The token this one was exchanged for, when rotated.</summary>
    public Guid? ReplacedById { get; set; }
}

/// <summary>A supervisor's group of agents. Teams are for supervision; they are not skill groups.</summary>
public class Team : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public List<TeamSupervisor> Supervisors { get; set; } = new();
    public List<TeamMember> Members { get; set; } = new();
}

/// <summary>A supervisor leading a team (a supervisor may lead several teams).</summary>
public class TeamSupervisor : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid TeamId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>An agent in a team.</summary>
public class TeamMember : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid TeamId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>How an agent works calls. One per agent user; the key is the user's id.</summary>
public class AgentProfile : ITenantOwned
{
    public Guid UserId { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>The agent's extension (unique in the tenant); endpoint name on Asterisk is <c>&lt;domain&gt;-&lt;extension&gt;</c>.</summary>
    public string Extension { get; set; } = "";
    public ExtensionKind ExtensionKind { get; set; } = ExtensionKind.Web;
    /// <summary>Hash of the PIN for IVR login (feature code *64), same format as passwords.</summary>
    public string? IvrPinHash { get; set; }
    /// <summary>Wrap-up length; null = the tenant's default.</summary>
    public int? WrapUpSeconds { get; set; }
    public AcwMode AcwMode { get; set; } = AcwMode.AfterAnswered;
    public WorkingMode WorkingMode { get; set; } = WorkingMode.Both;
    public bool AutoAnswer { get; set; }
    /// <summary>For remote agents: the number called for each offer (else the number they called from).</summary>
    public string? MobileNumber { get; set; }
    /// <summary>May sign in on a free hot-desk phone.</summary>
    public bool HotDesking { get; set; }
}
