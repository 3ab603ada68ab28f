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
    /// <summary>
    /// A supervisor's own device for monitoring calls: extension of the PJSIP endpoint <c>&lt;tenant&gt;-&lt;extension&gt;</c>
    /// (provisioned like an agent's, of kind <see cref="SupervisorExtensionKind"/>). Null: the supervisor's agent extension, if any.
    /// </summary>
    public string? SupervisorExtension { get; set; }
    public ExtensionKind SupervisorExtensionKind { get; set; } = ExtensionKind.Web;
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
    /// <summary>The monitoring modes (flags of <c>MonitoringModes</c>: 1 monitor, 2 whisper, 4 barge, 8 take over) the team's supervisors may use on its agents.</summary>
    public int MonitoringModes { get; set; } = 7;
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

/// <summary>
/// A logged-in agent's CTI session, kept so that a restarted CtiBridge logs them in again (docs/architecture.md,
/// restart safety). One row per logged-in agent (the key is the user's id), written in the background on every change
/// of their state, pauses or working mode (the last write wins) and deleted when they log out. A restarted process
/// reads what an older or newer one wrote, so states are stored by name as text and parsed leniently there.
/// </summary>
public class AgentSession : ITenantOwned
{
    public Guid UserId { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>The agent's state (an <c>AgentStatus</c> name): Ready, NotReady, Ringing, OnCall or WrapUp.</summary>
    public string Status { get; set; } = "";
    /// <summary>The Not Ready reason (pause reason name or system reason), in Not Ready.</summary>
    public string? Reason { get; set; }
    /// <summary>What the agent asked for during a call or wrap-up (a <c>PendingKind</c> name: NotReady, Logout); null when nothing.</summary>
    public string? Pending { get; set; }
    public string? PendingReason { get; set; }
    /// <summary>The hot-desk phone chosen at login (e.g. <c>PJSIP/acme-2001</c>).</summary>
    public string? HotDeskEndpoint { get; set; }
    /// <summary>For remote agents: the number that reaches them for this login.</summary>
    public string? ReachNumber { get; set; }
    /// <summary>The working mode the agent chose (a <c>WorkingMode</c> name), used when their profile lets them choose.</summary>
    public string? WorkingMode { get; set; }
    /// <summary>The skill groups the agent paused, as comma-separated ids.</summary>
    public string? PausedSkillGroupIds { get; set; }
    public DateTimeOffset LoggedInAt { get; set; }
    /// <summary>When the agent entered <see cref="Status"/>.</summary>
    public DateTimeOffset StateSince { get; set; }
    /// <summary>When the agent last became free after a call (the router favours the longest idle).</summary>
    public DateTimeOffset? IdleSince { get; set; }
    /// <summary>The time of the change this row was last written for.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
