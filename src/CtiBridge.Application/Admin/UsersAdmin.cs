using CtiBridge.Application.Auth;
using CtiBridge.Application.Common;
using CtiBridge.Application.Provisioning;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Tenants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Admin;

/// <summary>How an agent works calls.</summary>
/// <example>{ "extension": "1007", "extensionKind": "Sip", "wrapUpSeconds": 30, "acwMode": "AfterAnswered", "workingMode": "Inbound", "autoAnswer": false, "hotDesking": true }</example>
public sealed record AgentProfileModel
{
    /// <summary>Extension, 2–20 digits, unique in the tenant.</summary>
    public string? Extension { get; init; }
    public ExtensionKind ExtensionKind { get; init; } = ExtensionKind.Web;
    /// <summary>New IVR PIN (4–8 digits); omit to keep the current one. Never returned.</summary>
    public string? IvrPin { get; init; }
    /// <summary>Wrap-up seconds; null = the tenant default.</summary>
    public int? WrapUpSeconds { get; init; }
    public AcwMode AcwMode { get; init; } = AcwMode.AfterAnswered;
    public WorkingMode WorkingMode { get; init; } = WorkingMode.Both;
    public bool AutoAnswer { get; init; }
    /// <summary>Remote agents: number called for each offer.</summary>
    public string? MobileNumber { get; init; }
    public bool HotDesking { get; init; }
}

/// <summary>An agent profile as returned (the PIN is only reported as set or not).</summary>
public sealed record AgentProfileResponse(string Extension, ExtensionKind ExtensionKind, bool HasIvrPin, int? WrapUpSeconds, AcwMode AcwMode,
    WorkingMode WorkingMode, bool AutoAnswer, string? MobileNumber, bool HotDesking)
{
    internal static AgentProfileResponse? From(AgentProfile? p) => p is null ? null
        : new(p.Extension, p.ExtensionKind, p.IvrPinHash is not null, p.WrapUpSeconds, p.AcwMode, p.WorkingMode, p.AutoAnswer, p.MobileNumber, p.HotDesking);
}

/// <summary>A user as admins see it (never the password hash).</summary>
public sealed record UserResponse(Guid Id, string Username, string? Email, string? AgentNumber, string DisplayName, IReadOnlyList<string> Roles,
    bool Enabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, AgentProfileResponse? AgentProfile,
    SupervisorDeviceModel? SupervisorDevice = null)
{
    internal static UserResponse From(User u) => new(u.Id, u.Username, u.Email, u.AgentNumber, u.DisplayName, RoleNames.Of(u.Roles),
        u.Enabled, u.LockedUntil, u.CreatedAt, u.LastLoginAt, AgentProfileResponse.From(u.AgentProfile),
        u.SupervisorExtension is { } ext ? new SupervisorDeviceModel { Extension = ext, ExtensionKind = u.SupervisorExtensionKind } : null);
}

/// <summary>
/// A supervisor's own device for monitoring calls: the PJSIP endpoint <c>&lt;tenant&gt;-&lt;extension&gt;</c>, provisioned like
/// an agent's extension (Web: the browser softphone; Sip: a desk phone or softphone app). Monitoring rings it with auto-answer.
/// </summary>
/// <example>{ "extension": "2901", "extensionKind": "Sip" }</example>
public sealed record SupervisorDeviceModel
{
    /// <summary>2–20 digits, unique in the tenant among agents' and supervisors' extensions.</summary>
    public string? Extension { get; init; }
    /// <summary><c>Web</c> or <c>Sip</c>.</summary>
    public ExtensionKind ExtensionKind { get; init; } = ExtensionKind.Web;
}

internal sealed class SupervisorDeviceModelValidator : AbstractValidator<SupervisorDeviceModel>
{
    public SupervisorDeviceModelValidator()
    {
        RuleFor(x => x.Extension).Required(20).Matches(Rules.DigitsPattern).WithMessage("2–20 digits.");
        RuleFor(x => x.ExtensionKind).Must(k => k is ExtensionKind.Web or ExtensionKind.Sip).WithMessage("Web or Sip.");
    }
}

/// <summary>Create a user.</summary>
/// <example>{ "username": "maria", "email": "maria@acme.example", "agentNumber": "1007", "displayName": "Maria Lopez", "roles": ["agent"], "password": "Copper-Kettle-2026", "enabled": true, "agentProfile": { "extension": "1007", "extensionKind": "Web", "wrapUpSeconds": 30 } }</example>
public sealed record CreateUserRequest
{
    public string? Username { get; init; }
    public string? Email { get; init; }
    /// <summary>2–20 digits; agents type it at IVR login.</summary>
    public string? AgentNumber { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>Any of <c>agent</c>, <c>supervisor</c>, <c>admin</c>.</summary>
    public List<string>? Roles { get; init; }
    /// <summary>Initial password (the password rule applies).</summary>
    public string? Password { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>Optional agent profile.</summary>
    public AgentProfileModel? AgentProfile { get; init; }
}

/// <summary>Edit a user (the username cannot change).</summary>
/// <example>{ "email": "maria@acme.example", "agentNumber": "1007", "displayName": "Maria Lopez", "roles": ["agent", "supervisor"], "enabled": true }</example>
public sealed record UpdateUserRequest
{
    public string? Email { get; init; }
    public string? AgentNumber { get; init; }
    public string? DisplayName { get; init; }
    public List<string>? Roles { get; init; }
    public bool Enabled { get; init; } = true;
}

/// <summary>An admin sets a user's password.</summary>
/// <example>{ "password": "Copper-Kettle-2026" }</example>
public sealed record SetPasswordRequest
{
    public string? Password { get; init; }
}

internal sealed class AgentProfileModelValidator : AbstractValidator<AgentProfileModel>
{
    public AgentProfileModelValidator()
    {
        RuleFor(x => x.Extension).Required(20).Matches(Rules.DigitsPattern).WithMessage("2–20 digits.");
        RuleFor(x => x.ExtensionKind).IsInEnum();
        RuleFor(x => x.IvrPin).Matches("^[0-9]{4,8}$").When(x => x.IvrPin is not null).WithMessage("4–8 digits.");
        RuleFor(x => x.WrapUpSeconds).InclusiveBetween(0, 3600);
        RuleFor(x => x.AcwMode).IsInEnum();
        RuleFor(x => x.WorkingMode).IsInEnum();
        RuleFor(x => x.MobileNumber).MaximumLength(32).Matches(Rules.PhoneNumberPattern).When(x => x.MobileNumber is not null);
    }
}

internal static class UserRules
{
    public static void Roles<T>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, List<string>?>> roles)
    {
        v.RuleFor(roles).NotNull().WithMessage("Required.")
            .Must(r => r is null || (r.Count <= 3 && RoleNames.Parse(r) is not null)).WithMessage("Roles are agent, supervisor, admin.");
    }
}

internal sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(x => x.Username).Required(64).Matches(Rules.UsernamePattern).WithMessage("Letters, digits, '.', '_', '-'.");
        RuleFor(x => x.Email).MaximumLength(254).EmailAddress().When(x => x.Email is not null);
        RuleFor(x => x.AgentNumber).Matches(Rules.DigitsPattern).When(x => x.AgentNumber is not null).WithMessage("2–20 digits.");
        RuleFor(x => x.DisplayName).Required(100);
        UserRules.Roles(this, x => x.Roles);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Required.").MaximumLength(PasswordPolicy.MaxLength * 4);
        RuleFor(x => x.AgentProfile!).SetValidator(new AgentProfileModelValidator()).When(x => x.AgentProfile is not null);
        // A remote agent has only a telephone: she logs in with *64, her agent number and her PIN. Without them she never could.
        When(x => x.AgentProfile?.ExtensionKind == ExtensionKind.Remote, () =>
        {
            RuleFor(x => x.AgentNumber).NotEmpty().WithMessage(RemoteAgentRules.AgentNumberRequired);
            RuleFor(x => x.AgentProfile!.IvrPin).NotEmpty().WithMessage(RemoteAgentRules.IvrPinRequired);
        });
    }
}

/// <summary>What a remote (phone-only) agent needs to log in by phone (<c>*64</c>: agent number, then PIN).</summary>
internal static class RemoteAgentRules
{
    public const string AgentNumberRequired = "Required for a remote agent: she logs in by phone with her agent number.";
    public const string IvrPinRequired = "Required for a remote agent: she logs in by phone with this PIN (4–8 digits).";

    /// <summary>Refuses a remote profile its user could not log in with: the fields named as the request names them.</summary>
    public static void Ensure(bool remote, string? agentNumber, bool hasPin, string agentNumberField, string pinField)
    {
        if (!remote) return;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(agentNumber)) errors[agentNumberField] = [AgentNumberRequired];
        if (!hasPin) errors[pinField] = [IvrPinRequired];
        if (errors.Count > 0) throw new InputValidationException(errors);
    }
}

internal sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleFor(x => x.Email).MaximumLength(254).EmailAddress().When(x => x.Email is not null);
        RuleFor(x => x.AgentNumber).Matches(Rules.DigitsPattern).When(x => x.AgentNumber is not null).WithMessage("2–20 digits.");
        RuleFor(x => x.DisplayName).Required(100);
        UserRules.Roles(this, x => x.Roles);
    }
}

internal sealed class SetPasswordRequestValidator : AbstractValidator<SetPasswordRequest>
{
    public SetPasswordRequestValidator() => RuleFor(x => x.Password).NotEmpty().WithMessage("Required.").MaximumLength(PasswordPolicy.MaxLength * 4);
}

/// <summary>
/// User administration inside the actor's tenant. An agent profile's web or SIP extension is provisioned on the PBX
/// (<see cref="IEndpointProvisioner"/>) after each successful save.
/// </summary>
public sealed partial class UsersAdmin(CtiDbContext db, IInputValidator validator, PasswordHasher hasher, TimeProvider clock,
    TenantEndpoints endpoints, IEndpointProvisioner? provisioner = null)
{
    private IQueryable<User> Users(Actor actor) => db.ScopeToTenant(actor.TenantId).Users.Include(u => u.AgentProfile);

    // The actor's tenant (the context is scoped to it): its domain and password settings.
    private async Task<Tenant> TenantAsync(CancellationToken ct) =>
        await db.Tenants.AsNoTracking().FirstOrDefaultAsync(ct) ?? throw AdminErrors.NotFound("Tenant");

    public async Task<IReadOnlyList<UserResponse>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Users(actor).AsNoTracking().OrderBy(u => u.Username).ToListAsync(ct)).Select(UserResponse.From).ToList();

    public async Task<UserResponse> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        UserResponse.From(await Users(actor).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User"));

    public async Task<UserResponse> CreateAsync(Actor actor, CreateUserRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var users = Users(actor);
        var username = request.Username!.Trim().ToLowerInvariant();
        PasswordPolicy.Enforce(request.Password, PasswordContext.For(await TenantAsync(ct), username));
        var email = Normalize(request.Email)?.ToLowerInvariant();
        var agentNumber = Normalize(request.AgentNumber);
        await EnsureUniqueAsync(users, null, username, email, agentNumber, ct);
        var now = clock.GetUtcNow();
        var user = new User
        {
            TenantId = actor.TenantId, Username = username, Email = email, AgentNumber = agentNumber, DisplayName = request.DisplayName!.Trim(),
            Roles = RoleNames.Parse(request.Roles!)!.Value, PasswordHash = hasher.Hash(request.Password!), PasswordChangedAt = now,
            Enabled = request.Enabled, CreatedAt = now,
        };
        db.Users.Add(user);
        if (request.AgentProfile is not null)
        {
            await EnsureExtensionFreeAsync(actor, request.AgentProfile.Extension!, user.Id, ct);
            user.AgentProfile = Apply(new AgentProfile { UserId = user.Id, TenantId = actor.TenantId }, request.AgentProfile);
        }
        await db.SaveChangesAsync(ct);
        await SyncEndpointAsync(actor, user, null, ct);
        return UserResponse.From(user);
    }

    public async Task<UserResponse> UpdateAsync(Actor actor, Guid id, UpdateUserRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var users = Users(actor);
        var user = await users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User");
        var email = Normalize(request.Email)?.ToLowerInvariant();
        var agentNumber = Normalize(request.AgentNumber);
        await EnsureUniqueAsync(users, id, null, email, agentNumber, ct);
        var roles = RoleNames.Parse(request.Roles!)!.Value;
        RemoteAgentRules.Ensure(user.AgentProfile?.ExtensionKind == ExtensionKind.Remote, agentNumber, hasPin: true, "agentNumber", "ivrPin");
        if (id == actor.UserId && (!request.Enabled || !roles.HasFlag(UserRoles.Admin)))
            throw AdminErrors.Conflict("You cannot disable yourself or remove your own admin role.");
        user.Email = email;
        user.AgentNumber = agentNumber;
        user.DisplayName = request.DisplayName!.Trim();
        user.Roles = roles;
        user.Enabled = request.Enabled;
        await db.SaveChangesAsync(ct);
        await SyncEndpointAsync(actor, user, user.AgentProfile, ct); // the caller name may have changed
        return UserResponse.From(user);
    }

    /// <summary>Sets a new password (rule applies), clears the lockout and ends the user's sessions.</summary>
    public async Task SetPasswordAsync(Actor actor, Guid id, SetPasswordRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var user = await Users(actor).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User");
        PasswordPolicy.Enforce(request.Password, PasswordContext.For(await TenantAsync(ct), user.Username));
        var now = clock.GetUtcNow();
        user.PasswordHash = hasher.Hash(request.Password!);
        user.PasswordChangedAt = now;
        user.FailedLoginCount = 0;
        user.LockedUntil = null;
        foreach (var t in await db.RefreshTokens.Where(t => t.UserId == id && t.RevokedAt == null).ToListAsync(ct)) t.RevokedAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Clears a lockout.</summary>
    public async Task UnlockAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var user = await Users(actor).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User");
        user.FailedLoginCount = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates or replaces the user's agent profile.</summary>
    public async Task<UserResponse> SetAgentProfileAsync(Actor actor, Guid id, AgentProfileModel request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var user = await Users(actor).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User");
        // The agent number is the user's (edited with the user): named as that request names it.
        RemoteAgentRules.Ensure(request.ExtensionKind == ExtensionKind.Remote, user.AgentNumber,
            hasPin: request.IvrPin is not null || user.AgentProfile?.IvrPinHash is not null, "agentNumber", "ivrPin");
        await EnsureExtensionFreeAsync(actor, request.Extension!, id, ct);
        var before = user.AgentProfile is { } old ? new AgentProfile { Extension = old.Extension, ExtensionKind = old.ExtensionKind } : null;
        user.AgentProfile ??= new AgentProfile { UserId = id, TenantId = actor.TenantId };
        Apply(user.AgentProfile, request);
        await db.SaveChangesAsync(ct);
        await SyncEndpointAsync(actor, user, before, ct);
        return UserResponse.From(user);
    }

    /// <summary>Removes the user's agent profile.</summary>
    public async Task DeleteAgentProfileAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var user = await Users(actor).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User");
        if (user.AgentProfile is null) throw AdminErrors.NotFound("Agent profile");
        var before = user.AgentProfile;
        db.AgentProfiles.Remove(user.AgentProfile);
        await db.SaveChangesAsync(ct);
        user.AgentProfile = null;
        await SyncEndpointAsync(actor, user, before, ct);
    }

    /// <summary>
    /// Gives a supervisor (or admin) their own device for monitoring: the endpoint <c>&lt;tenant&gt;-&lt;extension&gt;</c> is
    /// provisioned on the PBX (a previous one of the user removed). Refused for users who are not supervisors or admins
    /// (<c>conflict</c>), an extension taken in the tenant (<c>conflict</c>) or another tenant's endpoint (<c>endpoint_taken</c>).
    /// </summary>
    public async Task<UserResponse> SetSupervisorDeviceAsync(Actor actor, Guid id, SupervisorDeviceModel request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var user = await Users(actor).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User");
        if ((user.Roles & (UserRoles.Supervisor | UserRoles.Admin)) == 0)
            throw AdminErrors.Conflict("Only supervisors and admins have a supervisor device.");
        var extension = request.Extension!.Trim();
        await EnsureExtensionFreeAsync(actor, extension, Guid.Empty, ct, supervisorId: id);
        var before = user.SupervisorExtension is { } old ? Device(old, user.SupervisorExtensionKind) : null;
        user.SupervisorExtension = extension;
        user.SupervisorExtensionKind = request.ExtensionKind;
        await db.SaveChangesAsync(ct);
        await SyncSupervisorDeviceAsync(actor, user, before, ct);
        return UserResponse.From(user);
    }

    /// <summary>Removes a supervisor's device (and its endpoint on the PBX).</summary>
    public async Task DeleteSupervisorDeviceAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var user = await Users(actor).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AdminErrors.NotFound("User");
        if (user.SupervisorExtension is not { } old) throw AdminErrors.NotFound("Supervisor device");
        var before = Device(old, user.SupervisorExtensionKind);
        user.SupervisorExtension = null;
        await db.SaveChangesAsync(ct);
        await SyncSupervisorDeviceAsync(actor, user, before, ct);
    }

    private static AgentProfile Device(string extension, ExtensionKind kind) => new() { Extension = extension, ExtensionKind = kind };

    private async Task SyncSupervisorDeviceAsync(Actor actor, User user, AgentProfile? before, CancellationToken ct)
    {
        if (provisioner is not { IsActive: true }) return;
        var domain = await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Domain).FirstAsync(ct);
        EndpointSpec? now = user.SupervisorExtension is { } ext
            ? new EndpointSpec(domain, ext, user.SupervisorExtensionKind == ExtensionKind.Web ? ProvisionedEndpointKind.Web : ProvisionedEndpointKind.Sip,
                user.DisplayName)
            : null;
        if (now is not null) await provisioner.ProvisionAsync(now, ct);
        if (before is not null && $"{domain}-{before.Extension}" != now?.Name) await provisioner.RemoveAsync(domain, $"{domain}-{before.Extension}", ct);
    }

    /// <summary>
    /// Makes the PBX match the saved profile: provisions the endpoint of a web or SIP extension (<c>&lt;tenant&gt;-&lt;extension&gt;</c>)
    /// and removes the one of <paramref name="before"/> when the extension changed, became remote or went away.
    /// </summary>
    private async Task SyncEndpointAsync(Actor actor, User user, AgentProfile? before, CancellationToken ct)
    {
        if (provisioner is not { IsActive: true }) return;
        if (user.AgentProfile is null && before is null) return;
        var domain = await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Domain).FirstAsync(ct);
        static EndpointSpec? Spec(string domain, AgentProfile? p, string name) => p is null || p.ExtensionKind == ExtensionKind.Remote ? null
            : new EndpointSpec(domain, p.Extension, p.ExtensionKind == ExtensionKind.Web ? ProvisionedEndpointKind.Web : ProvisionedEndpointKind.Sip, name);
        var now = Spec(domain, user.AgentProfile, user.DisplayName);
        if (now is not null) await provisioner.ProvisionAsync(now, ct);
        if (Spec(domain, before, user.DisplayName) is { } old && old.Name != now?.Name) await provisioner.RemoveAsync(domain, old.Name, ct);
    }

    private AgentProfile Apply(AgentProfile p, AgentProfileModel m)
    {
        p.Extension = m.Extension!.Trim();
        p.ExtensionKind = m.ExtensionKind;
        if (m.IvrPin is not null) p.IvrPinHash = hasher.Hash(m.IvrPin);
        p.WrapUpSeconds = m.WrapUpSeconds;
        p.AcwMode = m.AcwMode;
        p.WorkingMode = m.WorkingMode;
        p.AutoAnswer = m.AutoAnswer;
        p.MobileNumber = Normalize(m.MobileNumber);
        p.HotDesking = m.HotDesking;
        return p;
    }

    /// <summary>The extension is free in the tenant, and its endpoint <c>&lt;domain&gt;-&lt;extension&gt;</c> is not another tenant's.</summary>
    private async Task EnsureExtensionFreeAsync(Actor actor, string extension, Guid userId, CancellationToken ct, Guid? supervisorId = null)
    {
        extension = extension.Trim();
        if (await db.AgentProfiles.AnyAsync(p => p.Extension == extension && p.UserId != userId, ct))
            throw AdminErrors.Conflict($"Extension {extension} is taken.");
        // Supervisors' devices share the agents' extension numbers (both are endpoints <tenant>-<extension>).
        if (await db.ScopeToTenant(actor.TenantId).Users.AnyAsync(u => u.SupervisorExtension == extension && u.Id != supervisorId, ct))
            throw AdminErrors.Conflict($"Extension {extension} is taken by a supervisor's device.");
        var domain = await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Domain).FirstAsync(ct);
        await endpoints.EnsureNotOtherTenantsAsync(actor.TenantId, domain, TenantEndpoints.ForAgent(domain, extension), ct);
    }

    private static async Task EnsureUniqueAsync(IQueryable<User> users, Guid? self, string? username, string? email, string? agentNumber, CancellationToken ct)
    {
        if (username is not null && await users.AnyAsync(u => u.Username == username && u.Id != self, ct))
            throw AdminErrors.Conflict($"The username '{username}' is taken.");
        if (email is not null && await users.AnyAsync(u => u.Email == email && u.Id != self, ct))
            throw AdminErrors.Conflict("The email is taken.");
        if (agentNumber is not null && await users.AnyAsync(u => u.AgentNumber == agentNumber && u.Id != self, ct))
            throw AdminErrors.Conflict($"Agent number {agentNumber} is taken.");
    }

    private static string? Normalize(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
