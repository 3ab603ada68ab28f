using CtiBridge.Application.Pbx;
using CtiBridge.Application.Auth;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Admin;

/// <summary>A tenant's behaviour settings.</summary>
public sealed record TenantSettingsModel
{
    public bool NotificationsEnabled { get; init; } = true;
    /// <summary>Caller numbers shown to agents: <c>keep-last:N</c> or <c>keep-first:N</c> (N 0–20; the other characters become <c>*</c>), or empty / <c>none</c> for no masking.</summary>
    public string? NumberMaskingRule { get; init; } = "";
    /// <summary>Up to 10 attached-data key names.</summary>
    public List<string>? AttachedDataKeys { get; init; } = [];
    public string? DefaultMusicOnHoldClass { get; init; } = "default";
    public RecordingPolicy RecordingPolicy { get; init; } = RecordingPolicy.OnDemand;
    public bool DirectCallsRequireReady { get; init; }
    /// <summary>Agents must go Not Ready before dialling out (a Ready agent's dial is refused with <c>invalid_state_transition</c>).</summary>
    public bool OutboundRequiresNotReady { get; init; }
    public bool DeviceUnavailableAutoReturn { get; init; } = true;
    public NoAgentRule NoAgentRule { get; init; } = NoAgentRule.KeepWaiting;
    public int WrapUpDefaultSeconds { get; init; } = 30;
    /// <summary>
    /// Passwords must also contain a letter, a digit and a symbol (besides the length, common-password and
    /// username rules that always apply). Off by default: NIST SP 800-63B advises against such rules.
    /// </summary>
    public bool RequirePasswordCharacterClasses { get; init; }
    /// <summary>Agents may switch auto-answer themselves (<c>PUT /agent/auto-answer</c>); admins set it in the agent's profile anyway.</summary>
    public bool AgentsMayChooseAutoAnswer { get; init; }
    /// <summary>
    /// Supervision: the monitored agent and customer hear a beep when a supervisor starts monitoring or changes mode, and the
    /// agent receives the monitoring events. Off by default (silent monitoring stays silent).
    /// </summary>
    public bool TellMonitoredParties { get; init; }
    /// <summary>
    /// The sound the monitored parties hear when they are told: a sound file name Asterisk has, without extension
    /// (letters, digits, <c>_</c>, <c>-</c> and <c>/</c> for a folder under Asterisk's sounds; default <c>beep</c>).
    /// </summary>
    public string? MonitoringNoticeSound { get; init; } = "beep";
    /// <summary>Recordings and call records are deleted after this many days (0 = kept forever; legal holds are kept). docs/reports.md.</summary>
    public int RecordingRetentionDays { get; init; }
    /// <summary>
    /// ISO 3166 alpha-2 country (e.g. <c>DE</c>) used to read contacts' and callers' numbers written without a country
    /// code into E.164 (docs/contacts.md); empty = only numbers with <c>+</c> and a country code are understood.
    /// </summary>
    public string? Country { get; init; } = "";
    /// <summary>
    /// Third-party screen pop: an http(s) URL with a fixed host and the variables <c>{number}</c>, <c>{callId}</c>,
    /// <c>{agent}</c>, <c>{data.KEY}</c> (values URL-encoded), opened for the agent when a call is offered or answered;
    /// empty = off. Refused with <c>screen_pop_url_invalid</c> (e.g. <c>javascript:</c>). docs/contacts.md.
    /// </summary>
    /// <example>https://crm.example.com/pop?number={number}&amp;order={data.orderId}</example>
    public string? ScreenPopUrlTemplate { get; init; } = "";
    /// <summary>When the third-party page opens: <c>Offered</c> (before answering) or <c>Answered</c>.</summary>
    public ScreenPopTrigger ScreenPopTrigger { get; init; } = ScreenPopTrigger.Offered;
    /// <summary>Where it opens: <c>NewTab</c> or <c>Panel</c> (embedded in the agent's page; needs an https URL the third party lets be framed).</summary>
    public ScreenPopTarget ScreenPopTarget { get; init; } = ScreenPopTarget.NewTab;
    /// <summary>The tenant's IANA time zone (e.g. <c>Europe/Berlin</c>; default <c>UTC</c>): times are stored in UTC and shown, or entered without an offset, in this zone (docs/callbacks.md).</summary>
    /// <example>Europe/Berlin</example>
    public string? TimeZone { get; init; } = "UTC";
    /// <summary>Callbacks: how long a due reminder waits for the agent to act before it is escalated (30–86400 seconds, default 300).</summary>
    public int CallbackReminderTimeoutSeconds { get; init; } = 300;
    /// <summary>Callbacks: when the agent is offline at the due time or does not act in time, <c>NotifySupervisor</c> (the team's supervisors) or <c>OfferToGroup</c> (the callback's skill group; the supervisors when it has none or nobody is logged in).</summary>
    public CallbackEscalation CallbackEscalation { get; init; } = CallbackEscalation.NotifySupervisor;

    /// <summary>Throws <c>screen_pop_url_invalid</c> (400) for a template that is not a safe http(s) URL template.</summary>
    internal void CheckScreenPop()
    {
        Contacts.ScreenPopTemplate.Validate(ScreenPopUrlTemplate);
        if (ScreenPopTarget == ScreenPopTarget.Panel && !string.IsNullOrWhiteSpace(ScreenPopUrlTemplate)
            && !ScreenPopUrlTemplate.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new Domain.Errors.CtiException(Contacts.ScreenPopErrors.InvalidUrlTemplate,
                "A screen pop shown in a panel must be an https URL (the page is served over https).", Domain.Errors.ErrorKind.Validation);
    }

    internal static TenantSettingsModel From(TenantSettings s) => new()
    {
        NotificationsEnabled = s.NotificationsEnabled, NumberMaskingRule = s.NumberMaskingRule, AttachedDataKeys = s.AttachedDataKeys.ToList(),
        DefaultMusicOnHoldClass = s.DefaultMusicOnHoldClass, RecordingPolicy = s.RecordingPolicy, DirectCallsRequireReady = s.DirectCallsRequireReady,
        OutboundRequiresNotReady = s.OutboundRequiresNotReady, DeviceUnavailableAutoReturn = s.DeviceUnavailableAutoReturn, NoAgentRule = s.NoAgentRule, WrapUpDefaultSeconds = s.WrapUpDefaultSeconds,
        RequirePasswordCharacterClasses = s.RequirePasswordCharacterClasses,
        AgentsMayChooseAutoAnswer = s.AgentsMayChooseAutoAnswer,
        TellMonitoredParties = s.TellMonitoredParties,
        MonitoringNoticeSound = s.MonitoringNoticeSound,
        RecordingRetentionDays = s.RecordingRetentionDays,
        Country = s.Country,
        ScreenPopUrlTemplate = s.ScreenPopUrlTemplate, ScreenPopTrigger = s.ScreenPopTrigger, ScreenPopTarget = s.ScreenPopTarget,
        TimeZone = s.TimeZone, CallbackReminderTimeoutSeconds = s.CallbackReminderTimeoutSeconds, CallbackEscalation = s.CallbackEscalation,
    };

    internal TenantSettings ToEntity() => new()
    {
        NotificationsEnabled = NotificationsEnabled, NumberMaskingRule = NumberMaskingRule ?? "", AttachedDataKeys = (AttachedDataKeys ?? []).ToList(),
        DefaultMusicOnHoldClass = string.IsNullOrWhiteSpace(DefaultMusicOnHoldClass) ? "default" : DefaultMusicOnHoldClass, RecordingPolicy = RecordingPolicy,
        DirectCallsRequireReady = DirectCallsRequireReady, OutboundRequiresNotReady = OutboundRequiresNotReady, DeviceUnavailableAutoReturn = DeviceUnavailableAutoReturn, NoAgentRule = NoAgentRule,
        WrapUpDefaultSeconds = WrapUpDefaultSeconds, RequirePasswordCharacterClasses = RequirePasswordCharacterClasses,
        AgentsMayChooseAutoAnswer = AgentsMayChooseAutoAnswer,
        TellMonitoredParties = TellMonitoredParties,
        MonitoringNoticeSound = string.IsNullOrWhiteSpace(MonitoringNoticeSound) ? "beep" : MonitoringNoticeSound.Trim(),
        RecordingRetentionDays = RecordingRetentionDays,
        Country = (Country ?? "").Trim().ToUpperInvariant(),
        ScreenPopUrlTemplate = (ScreenPopUrlTemplate ?? "").Trim(), ScreenPopTrigger = ScreenPopTrigger, ScreenPopTarget = ScreenPopTarget,
        TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? Callbacks.TenantTimeZone.Default : TimeZone.Trim(),
        CallbackReminderTimeoutSeconds = CallbackReminderTimeoutSeconds, CallbackEscalation = CallbackEscalation,
    };
}

/// <summary>A tenant.</summary>
/// <param name="AsteriskServer">
/// The Asterisk server the tenant runs on: <c>default</c> (the server of <c>Asterisk:Ari</c>) or a name under
/// <c>Asterisk:Servers</c> (docs/architecture.md, "Several Asterisk servers"). Set by platform admins.
/// </param>
public sealed record TenantResponse(Guid Id, string Domain, string Name, bool Enabled, DateTimeOffset CreatedAt, TenantSettingsModel Settings,
    string AsteriskServer)
{
    internal static TenantResponse From(Tenant t) =>
        new(t.Id, t.Domain, t.Name, t.Enabled, t.CreatedAt, TenantSettingsModel.From(t.Settings), PbxServers.NameOf(t.AsteriskServer));
}

/// <summary>Create a tenant with its first admin user.</summary>
/// <example>{ "domain": "acme", "name": "Acme Support", "adminUsername": "boss", "adminPassword": "Lantern-Fjord-2026" }</example>
public sealed record CreateTenantRequest
{
    /// <summary>Login domain: lower-case letters, digits, hyphens.</summary>
    public string? Domain { get; init; }
    public string? Name { get; init; }
    public TenantSettingsModel? Settings { get; init; }
    /// <summary>Username of the tenant's first admin.</summary>
    public string? AdminUsername { get; init; }
    /// <summary>Password of the first admin (the password rule applies).</summary>
    public string? AdminPassword { get; init; }
    /// <summary>The Asterisk server the tenant runs on (a configured name; empty or absent = <c>default</c>).</summary>
    public string? AsteriskServer { get; init; }
}

/// <summary>Edit a tenant's name, settings and (platform admins only) whether it is enabled.</summary>
/// <example>{ "name": "Acme Support", "enabled": true }</example>
public sealed record UpdateTenantRequest
{
    public string? Name { get; init; }
    /// <summary>Ignored when an admin edits their own tenant.</summary>
    public bool Enabled { get; init; } = true;
    public TenantSettingsModel? Settings { get; init; }
    /// <summary>
    /// The Asterisk server the tenant runs on (platform admins; ignored when an admin edits their own tenant); absent =
    /// unchanged, <c>default</c> = the default server. A move takes effect when the tenant is next loaded (a restart of
    /// the node acting for it, or a takeover): its calls in progress stay on the server they are on.
    /// </summary>
    public string? AsteriskServer { get; init; }
}

internal sealed class TenantSettingsModelValidator : AbstractValidator<TenantSettingsModel>
{
    public TenantSettingsModelValidator()
    {
        RuleFor(x => x.NumberMaskingRule).MaximumLength(64)
            .Matches("^(none|keep-(last|first):([0-9]|1[0-9]|20))?$").WithMessage("Use keep-last:N or keep-first:N (N 0–20), none, or leave empty.");
        RuleFor(x => x.AttachedDataKeys).Must(k => k is null || k.Count <= 10).WithMessage("At most 10 keys.");
        RuleForEach(x => x.AttachedDataKeys).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9_.-]+$");
        RuleFor(x => x.AttachedDataKeys).Must(k => k is null || k.Distinct(StringComparer.OrdinalIgnoreCase).Count() == k.Count).WithMessage("Keys must be unique.");
        RuleFor(x => x.DefaultMusicOnHoldClass).MaximumLength(80).Matches("^[A-Za-z0-9_-]*$");
        // A name Asterisk resolves under its sounds folder: no leading slash, no "..", no extension, no URI scheme.
        RuleFor(x => x.MonitoringNoticeSound).MaximumLength(80)
            .Matches(SelfService.SelfServiceRules.SoundNamePattern).When(x => !string.IsNullOrWhiteSpace(x.MonitoringNoticeSound))
            .WithMessage("A sound file name without extension, e.g. beep or custom/monitored (letters, digits, _, - and / between folders).");
        RuleFor(x => x.RecordingPolicy).IsInEnum();
        RuleFor(x => x.NoAgentRule).IsInEnum();
        RuleFor(x => x.WrapUpDefaultSeconds).InclusiveBetween(0, 3600);
        RuleFor(x => x.RecordingRetentionDays).InclusiveBetween(0, 36500);
        RuleFor(x => x.ScreenPopTrigger).IsInEnum();
        RuleFor(x => x.ScreenPopTarget).IsInEnum();
        RuleFor(x => x.Country).Must(c => string.IsNullOrWhiteSpace(c) || Contacts.ContactNumberNormalizer.IsKnownCountry(c.Trim()))
            .WithMessage("An ISO 3166 alpha-2 country code (e.g. DE, US), or empty.");
        RuleFor(x => x.TimeZone).Must(z => string.IsNullOrWhiteSpace(z) || Callbacks.TenantTimeZone.IsValid(z))
            .WithMessage("An IANA time zone (e.g. Europe/Berlin, America/New_York, UTC), or empty for UTC.");
        RuleFor(x => x.CallbackReminderTimeoutSeconds).InclusiveBetween(30, 86400);
        RuleFor(x => x.CallbackEscalation).IsInEnum();
    }
}

internal sealed class CreateTenantRequestValidator : AbstractValidator<CreateTenantRequest>
{
    public CreateTenantRequestValidator()
    {
        RuleFor(x => x.Domain).Required(63).Matches(Rules.DomainPattern).WithMessage("Lower-case letters, digits and hyphens.");
        RuleFor(x => x.Name).Required(200);
        RuleFor(x => x.Settings!).SetValidator(new TenantSettingsModelValidator()).When(x => x.Settings is not null);
        RuleFor(x => x.AdminUsername).Required(64).Matches(Rules.UsernamePattern);
        RuleFor(x => x.AdminPassword).NotEmpty().WithMessage("Required.").MaximumLength(PasswordPolicy.MaxLength * 4);
    }
}

internal sealed class UpdateTenantRequestValidator : AbstractValidator<UpdateTenantRequest>
{
    public UpdateTenantRequestValidator()
    {
        RuleFor(x => x.Name).Required(200);
        RuleFor(x => x.Settings!).SetValidator(new TenantSettingsModelValidator()).When(x => x.Settings is not null);
    }
}

/// <summary>
/// Tenant administration. An admin reads and edits their own tenant. Creating, listing and
/// editing other tenants is for platform admins (users with <c>IsPlatformAdmin</c>) or a caller
/// holding the configured bootstrap key (see docs/auth.md).
/// </summary>
public sealed class TenantsAdmin(CtiDbContext db, IInputValidator validator, PasswordHasher hasher, TimeProvider clock, PbxServers? servers = null)
{
    /// <summary>The stored placement of a server name given by a platform admin: null for the default one.</summary>
    /// <exception cref="CtiException"><c>unknown_asterisk_server</c> (400): no server of that name is configured.</exception>
    private string? Placement(string? name)
    {
        if (PbxServers.IsDefault(name)) return null;
        if (servers is null)
            throw new CtiException(ErrorCodes.UnknownAsteriskServer, $"No Asterisk server named '{name}' is configured; only '{PbxServers.DefaultName}'.", ErrorKind.Validation);
        _ = servers.Of(name); // unknown_asterisk_server, naming the known ones
        return PbxServers.NameOf(name);
    }

    /// <summary>The actor's own tenant.</summary>
    public async Task<TenantResponse> GetOwnAsync(Actor actor, CancellationToken ct = default)
    {
        db.ScopeToTenant(actor.TenantId);
        return TenantResponse.From(await db.Tenants.AsNoTracking().FirstOrDefaultAsync(ct) ?? throw AdminErrors.NotFound("Tenant"));
    }

    /// <summary>Edits the actor's own tenant (cannot disable it).</summary>
    public async Task<TenantResponse> UpdateOwnAsync(Actor actor, UpdateTenantRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        request.Settings?.CheckScreenPop();
        db.ScopeToTenant(actor.TenantId);
        var t = await db.Tenants.FirstOrDefaultAsync(ct) ?? throw AdminErrors.NotFound("Tenant");
        t.Name = request.Name!.Trim();
        if (request.Settings is not null) t.Settings = request.Settings.ToEntity();
        await db.SaveChangesAsync(ct);
        return TenantResponse.From(t);
    }

    /// <summary>Every tenant (platform).</summary>
    public async Task<IReadOnlyList<TenantResponse>> ListAllAsync(CancellationToken ct = default)
    {
        db.ScopeToSystem();
        var list = await db.Tenants.AsNoTracking().OrderBy(t => t.Domain).ToListAsync(ct);
        return list.Select(TenantResponse.From).ToList();
    }

    /// <summary>Creates a tenant, its first admin and its system pause reasons (platform).</summary>
    public async Task<TenantResponse> CreateAsync(CreateTenantRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        request.Settings?.CheckScreenPop();
        var domain = request.Domain!.Trim().ToLowerInvariant();
        var settings = (request.Settings ?? new TenantSettingsModel()).ToEntity();
        PasswordPolicy.Enforce(request.AdminPassword, new PasswordContext(domain, request.AdminUsername!.Trim(), settings.RequirePasswordCharacterClasses));
        db.ScopeToSystem();
        if (await db.Tenants.AnyAsync(t => t.Domain == domain, ct)) throw AdminErrors.Conflict($"The domain '{domain}' is taken.");
        var now = clock.GetUtcNow();
        var tenant = new Tenant { Domain = domain, Name = request.Name!.Trim(), CreatedAt = now, Settings = settings, AsteriskServer = Placement(request.AsteriskServer) };
        db.Tenants.Add(tenant);
        db.Users.Add(new User
        {
            TenantId = tenant.Id, Username = request.AdminUsername!.Trim().ToLowerInvariant(), DisplayName = request.AdminUsername!.Trim(),
            Roles = UserRoles.Admin, PasswordHash = hasher.Hash(request.AdminPassword!), PasswordChangedAt = now, CreatedAt = now,
        });
        foreach (var reason in SystemPauseReasons(tenant.Id)) db.PauseReasons.Add(reason);
        db.SelfServiceFlows.Add(SelfService.SelfServiceFlowsAdmin.BuiltInPin(tenant.Id));
        await db.SaveChangesAsync(ct);
        return TenantResponse.From(tenant);
    }

    /// <summary>Edits any tenant, including enabling/disabling it (platform).</summary>
    public async Task<TenantResponse> UpdateAsync(Guid tenantId, UpdateTenantRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        request.Settings?.CheckScreenPop();
        db.ScopeToSystem();
        var t = await db.Tenants.FirstOrDefaultAsync(x => x.Id == tenantId, ct) ?? throw AdminErrors.NotFound("Tenant");
        t.Name = request.Name!.Trim();
        t.Enabled = request.Enabled;
        if (request.Settings is not null) t.Settings = request.Settings.ToEntity();
        if (request.AsteriskServer is not null) t.AsteriskServer = Placement(request.AsteriskServer);
        await db.SaveChangesAsync(ct);
        return TenantResponse.From(t);
    }

    /// <summary>The two reasons every tenant has, set only by the system.</summary>
    public static IEnumerable<PauseReason> SystemPauseReasons(Guid tenantId) =>
    [
        new PauseReason { TenantId = tenantId, Name = "Missed", IsSystem = true, SystemKey = PauseReason.SystemMissed },
        new PauseReason { TenantId = tenantId, Name = "Device unavailable", IsSystem = true, SystemKey = PauseReason.SystemDeviceUnavailable },
    ];
}
