using CtiBridge.Domain.Errors;
using CtiBridge.Application.CallCenter;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Supervision;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using DomainHours = CtiBridge.Application.CallCenter.BusinessHours;

namespace CtiBridge.Application.Persistence;

/// <summary>A user who is not (only) an agent, as the API's directory and event routing need them.</summary>
public sealed record DirectoryPerson(Guid UserId, string DisplayName, string? Email, UserRoles Roles);

/// <summary>
/// Who supervises whom in one tenant: supervisors lead teams of agents; admins see every agent.
/// Used to route agents' events to their supervisors and to refuse supervisors acting outside their teams.
/// </summary>
public sealed record TenantSupervision(
    Guid TenantId,
    IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> AgentsBySupervisor,
    IReadOnlySet<Guid> Admins,
    IReadOnlyList<DirectoryPerson> People)
{
    public static TenantSupervision Empty(Guid tenantId) =>
        new(tenantId, new Dictionary<Guid, IReadOnlySet<Guid>>(), new HashSet<Guid>(), []);

    /// <summary>True when <paramref name="userId"/> may supervise <paramref name="agentId"/> (team supervisor or tenant admin).</summary>
    public bool MaySupervise(Guid userId, Guid agentId) =>
        Admins.Contains(userId) || (AgentsBySupervisor.TryGetValue(userId, out var agents) && agents.Contains(agentId));

    /// <summary>The tenant's teams by id (their names), for the team view's team column and filter.</summary>
    public IReadOnlyDictionary<Guid, string> TeamNames { get; init; } = new Dictionary<Guid, string>();

    /// <summary>Supervisors (and admins) who watch <paramref name="agentId"/>.</summary>
    public IEnumerable<Guid> WatchersOf(Guid agentId) =>
        AgentsBySupervisor.Where(kv => kv.Value.Contains(agentId)).Select(kv => kv.Key).Concat(Admins).Distinct();

    /// <summary>Every supervisor and admin of the tenant.</summary>
    public IEnumerable<Guid> Watchers => AgentsBySupervisor.Keys.Concat(Admins).Distinct();

    /// <summary>
    /// Monitoring permissions (per team: the modes its supervisors may use on its agents) and supervisors' devices.
    /// </summary>
    public MonitoringPolicy Monitoring { get; init; } = MonitoringPolicy.Empty;

    /// <summary>
    /// The monitoring modes <paramref name="userId"/> may use on <paramref name="agentId"/>: every mode for a tenant admin,
    /// else the union of the modes of the teams the user leads and the agent is in; none outside their teams.
    /// </summary>
    public MonitoringModes MonitoringModesFor(Guid userId, Guid agentId)
    {
        if (Admins.Contains(userId)) return MonitoringModes.All;
        if (!MaySupervise(userId, agentId)) return MonitoringModes.None;
        return Monitoring.ModesBySupervisor.TryGetValue(userId, out var byAgent) && byAgent.TryGetValue(agentId, out var modes)
            ? modes : MonitoringModes.None;
    }
}

/// <summary>
/// What monitoring needs beyond who supervises whom: per supervisor and agent the modes their common teams allow, and
/// each supervisor's own device extension (provisioned as <c>&lt;tenant&gt;-&lt;extension&gt;</c>), if set.
/// </summary>
public sealed record MonitoringPolicy(
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<Guid, MonitoringModes>> ModesBySupervisor,
    IReadOnlyDictionary<Guid, string> SupervisorExtensions)
{
    public static readonly MonitoringPolicy Empty =
        new(new Dictionary<Guid, IReadOnlyDictionary<Guid, MonitoringModes>>(), new Dictionary<Guid, string>());
}

/// <summary>One tenant as loaded from the database: the call center's configuration plus supervision.</summary>
public sealed record LoadedTenant(TenantConfiguration Configuration, TenantSupervision Supervision);

/// <summary>
/// Reads a tenant's call-center configuration from the database: tenant settings; enabled users with
/// the Agent role and an agent profile; skill groups with memberships; enabled (non-system) pause
/// reasons; inbound-blocked numbers; and teams (supervision).
/// </summary>
public sealed class TenantConfigurationLoader(CtiDbContext db)
{
    /// <summary>Default ring timeout when a tenant has no skill group to take it from.</summary>
    public const int DefaultRingTimeoutSeconds = 20;

    /// <summary>Ids of every enabled tenant.</summary>
    public async Task<IReadOnlyList<Guid>> EnabledTenantIdsAsync(CancellationToken ct = default)
    {
        db.ScopeToSystem();
        return await db.Tenants.AsNoTracking().Where(t => t.Enabled).Select(t => t.Id).ToListAsync(ct);
    }

    /// <summary>The enabled tenants with the Asterisk server each is placed on (null = the default one).</summary>
    public async Task<IReadOnlyList<(Guid Id, string? AsteriskServer)>> EnabledTenantPlacementsAsync(CancellationToken ct = default)
    {
        db.ScopeToSystem();
        var rows = await db.Tenants.AsNoTracking().Where(t => t.Enabled).Select(t => new { t.Id, t.AsteriskServer }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.AsteriskServer)).ToList();
    }

    /// <summary>Loads one tenant; null when it does not exist or is disabled.</summary>
    public async Task<LoadedTenant?> LoadAsync(Guid tenantId, CancellationToken ct = default)
    {
        db.ScopeToSystem();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null || !tenant.Enabled) return null;
        db.ScopeToTenant(tenantId);

        var users = await db.Users.AsNoTracking().Include(u => u.AgentProfile).Where(u => u.Enabled).ToListAsync(ct);
        var teamMembers = await db.TeamMembers.AsNoTracking().ToListAsync(ct);
        var teamSupervisors = await db.TeamSupervisors.AsNoTracking().ToListAsync(ct);
        var groups = await db.SkillGroups.AsNoTracking().Include(g => g.Memberships).OrderBy(g => g.Name).ToListAsync(ct);
        var reasons = await db.PauseReasons.AsNoTracking().Where(r => r.Enabled && !r.IsSystem).OrderBy(r => r.Code).ToListAsync(ct);
        var blocked = await db.BlockedNumbers.AsNoTracking()
            .Where(b => b.Direction == BlockDirection.Inbound || b.Direction == BlockDirection.Both).Select(b => b.Number).ToListAsync(ct);
        var flows = await db.SelfServiceFlows.AsNoTracking().ToListAsync(ct);

        var s = tenant.Settings;
        var settings = new TenantCallSettings
        {
            RingTimeoutSeconds = groups.Count == 0 ? DefaultRingTimeoutSeconds : groups.Max(g => g.RingTimeoutSeconds),
            DirectCallsRequireReady = s.DirectCallsRequireReady,
            OutboundRequiresNotReady = s.OutboundRequiresNotReady,
            DeviceUnavailableAutoReturn = s.DeviceUnavailableAutoReturn,
            AgentsMayChooseAutoAnswer = s.AgentsMayChooseAutoAnswer,
            DefaultMusicOnHoldClass = string.IsNullOrWhiteSpace(s.DefaultMusicOnHoldClass) ? "default" : s.DefaultMusicOnHoldClass,
            AttachedDataKeys = s.AttachedDataKeys.Take(10).ToList(),
            NumberMaskingRule = MaskingRule(s.NumberMaskingRule),
            RecordingPolicy = s.RecordingPolicy,
            TellMonitoredParties = s.TellMonitoredParties,
            MonitoringNoticeSound = string.IsNullOrWhiteSpace(s.MonitoringNoticeSound) ? "beep" : s.MonitoringNoticeSound,
            Country = s.Country,
            ScreenPopUrlTemplate = s.ScreenPopUrlTemplate,
            ScreenPopTrigger = s.ScreenPopTrigger,
            ScreenPopTarget = s.ScreenPopTarget,
            SelfServiceFlows = flows.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
                .Select(f => new SelfServiceFlow(f.Name, f.Prompt, f.MaxDigits, string.IsNullOrEmpty(f.Terminator) ? null : f.Terminator[0], f.DataKey, f.TimeoutSeconds))
                .ToList(),
        };

        var agents = users
            .Where(u => (u.Roles & UserRoles.Agent) != 0 && u.AgentProfile is not null)
            .OrderBy(u => u.AgentNumber).ThenBy(u => u.Username)
            .Select(u =>
            {
                var p = u.AgentProfile!;
                return new AgentDefinition(u.Id, u.DisplayName, u.AgentNumber,
                    new AgentSettings(p.Extension, p.ExtensionKind, p.AcwMode, p.WrapUpSeconds ?? s.WrapUpDefaultSeconds,
                        p.WorkingMode, p.AutoAnswer, p.MobileNumber),
                    u.Email,
                    teamMembers.Where(m => m.UserId == u.Id).Select(m => m.TeamId).Distinct().ToList())
                { IvrPinHash = p.IvrPinHash, Roles = u.Roles, Username = u.Username };
            }).ToList();
        var agentIds = agents.Select(a => a.Id).ToHashSet();

        var groupDefs = groups.Select(g => new SkillGroupDefinition(g.Id, g.Name,
                g.Memberships.Where(m => agentIds.Contains(m.UserId)).OrderBy(m => m.Priority).Select(m => new SkillGroupMember(m.UserId, m.Priority)).ToList())
            {
                Number = g.Number,
                NoAgentRule = g.NoAgentRule,
                FallbackDestination = g.FallbackDestination,
                MaxWaitSeconds = g.MaxWaitSeconds,
                OverflowGroupId = g.OverflowSkillGroupId,
                OverflowDestination = g.OverflowDestination,
                AnnounceEverySeconds = g.AnnouncePosition ? Math.Max(10, g.AnnounceIntervalSeconds) : null,
                Hours = Hours(g.BusinessHours),
                ClosedDestination = g.ClosedDestination,
                ServiceLevelSeconds = g.ServiceLevelSeconds,
            }).ToList();

        var country = tenant.Settings.Country;
        var outboundBlocked = await DialTasks.DialTaskPlanner.BlockedNumbersAsync(db, tenant.Id, country, ct);
        var config = new TenantConfiguration(tenant.Id, tenant.Domain, settings, agents, groupDefs,
            reasons.Select(r => new PauseReasonDefinition(r.Code?.ToString() ?? r.Name, r.Name)).ToList(),
            blocked.ToHashSet())
        {
            AsteriskServer = tenant.AsteriskServer,
            OutboundBlocked = new OutboundBlocklist(outboundBlocked, n =>
            {
                try { return Callbacks.CallbackPlanner.DialableNumber(n, country); }
                catch (CtiException) { return null; }
            }),
        };

        var byTeam = teamMembers.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.Select(m => m.UserId).ToHashSet());
        var supervisorIds = users.Where(u => (u.Roles & UserRoles.Supervisor) != 0).Select(u => u.Id).ToHashSet();
        var bySupervisor = new Dictionary<Guid, IReadOnlySet<Guid>>();
        var modesBySupervisor = new Dictionary<Guid, IReadOnlyDictionary<Guid, MonitoringModes>>();
        var teamRows = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, t.MonitoringModes }).ToListAsync(ct);
        var teamModes = teamRows.ToDictionary(t => t.Id, t => (MonitoringModes)t.MonitoringModes);
        foreach (var sup in supervisorIds)
        {
            var set = new HashSet<Guid>();
            var modes = new Dictionary<Guid, MonitoringModes>();
            foreach (var ts in teamSupervisors.Where(t => t.UserId == sup))
            {
                if (!byTeam.TryGetValue(ts.TeamId, out var members)) continue;
                set.UnionWith(members);
                var allowed = teamModes.GetValueOrDefault(ts.TeamId);
                foreach (var m in members) modes[m] = modes.GetValueOrDefault(m) | allowed;
            }
            bySupervisor[sup] = set;
            modesBySupervisor[sup] = modes;
        }
        var supervisorExtensions = users.Where(u => !string.IsNullOrWhiteSpace(u.SupervisorExtension)
                && (u.Roles & (UserRoles.Supervisor | UserRoles.Admin)) != 0)
            .ToDictionary(u => u.Id, u => u.SupervisorExtension!);
        var admins = users.Where(u => (u.Roles & UserRoles.Admin) != 0).Select(u => u.Id).ToHashSet();
        var people = users.Where(u => !agentIds.Contains(u.Id) && (u.Roles & (UserRoles.Supervisor | UserRoles.Admin)) != 0)
            .Select(u => new DirectoryPerson(u.Id, u.DisplayName, u.Email, u.Roles)).ToList();
        return new LoadedTenant(config, new TenantSupervision(tenant.Id, bySupervisor, admins, people)
        {
            Monitoring = new MonitoringPolicy(modesBySupervisor, supervisorExtensions),
            TeamNames = teamRows.ToDictionary(t => t.Id, t => t.Name),
        });
    }

    /// <summary>Stored rule (<c>keep-last:N</c>, <c>keep-first:N</c>, empty) → the engine's (<c>lastN</c>, <c>firstN</c>, <c>none</c>).</summary>
    public static string MaskingRule(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return "none";
        var rule = stored.Trim();
        if (rule.StartsWith("keep-last:", StringComparison.OrdinalIgnoreCase)) rule = "last" + rule["keep-last:".Length..];
        else if (rule.StartsWith("keep-first:", StringComparison.OrdinalIgnoreCase)) rule = "first" + rule["keep-first:".Length..];
        return NumberMask.IsValidRule(rule) ? rule : "none";
    }

    private static DomainHours? Hours(Data.Entities.BusinessHours? hours)
    {
        if (hours is null || hours.Rules.Count == 0) return null;
        var week = new Dictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)>();
        foreach (var rule in hours.Rules)
            foreach (var day in rule.Days)
                week.TryAdd(day, (rule.Open, rule.Close));
        return new DomainHours(string.IsNullOrWhiteSpace(hours.TimeZone) ? "UTC" : hours.TimeZone, week, Array.Empty<DateOnly>());
    }
}
