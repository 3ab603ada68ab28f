using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Contacts;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Callbacks;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Callbacks;

/// <summary>
/// Who sees and changes which callbacks. Agents: their own and the unassigned ones of their skill groups. Supervisors:
/// besides their own, those of their teams (the callback's team, or its agent in one of their teams). Admins and API keys:
/// the tenant's.
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The signed-in user (null: an API key).</param>
/// <param name="SeesTenant">Admin or API key: every callback of the tenant.</param>
/// <param name="IsSupervisor">Sees and reassigns their teams' callbacks.</param>
/// <param name="Teams">The teams the user supervises.</param>
/// <param name="TeamAgents">The agents of those teams.</param>
/// <param name="MemberTeams">The teams the user is an agent of.</param>
/// <param name="Teammates">The agents sharing a team with the user (an agent may give a callback to them).</param>
/// <param name="SkillGroups">The skill groups the user is a member of.</param>
public sealed record CallbackViewer(Guid TenantId, Guid? UserId, bool SeesTenant, bool IsSupervisor,
    IReadOnlySet<Guid> Teams, IReadOnlySet<Guid> TeamAgents, IReadOnlyList<Guid> MemberTeams, IReadOnlySet<Guid> Teammates,
    IReadOnlySet<Guid> SkillGroups)
{
    /// <summary>An API key of the tenant (acts on every callback, names the agent when scheduling).</summary>
    public static CallbackViewer ApiKey(Guid tenantId) =>
        new(tenantId, null, true, false, new HashSet<Guid>(), new HashSet<Guid>(), [], new HashSet<Guid>(), new HashSet<Guid>());

    public bool MayReassign => SeesTenant || IsSupervisor;
}

/// <summary>
/// The callbacks use cases (docs/callbacks.md): schedule for oneself, a teammate or a skill group; list; snooze,
/// reschedule, complete with a result, cancel; supervisors reassign; an agent dials one with one click (the call center's
/// dial). Times are stored in UTC; responses also give them in the tenant's time zone. The due reminder and its
/// escalation are <see cref="CallbackReminders"/>'s.
/// </summary>
public sealed class CallbackPlanner(CtiDbContext db, IInputValidator validator, TimeProvider clock, CallCenterService centers,
    CallbackNotifier notifier)
{
    public const int MaxListSize = 500;

    /// <summary>The viewer for a signed-in user.</summary>
    public async Task<CallbackViewer> ViewerAsync(Actor actor, CancellationToken ct = default)
    {
        db.ScopeToTenant(actor.TenantId);
        var admin = actor.Has(UserRoles.Admin);
        var supervisor = actor.Has(UserRoles.Supervisor);
        var teams = new HashSet<Guid>();
        var agents = new HashSet<Guid>();
        if (supervisor)
        {
            teams.UnionWith(await db.TeamSupervisors.Where(s => s.UserId == actor.UserId).Select(s => s.TeamId).ToListAsync(ct));
            agents.UnionWith(await db.TeamMembers.Where(m => teams.Contains(m.TeamId)).Select(m => m.UserId).ToListAsync(ct));
        }
        var member = await db.TeamMembers.Where(m => m.UserId == actor.UserId).OrderBy(m => m.TeamId).Select(m => m.TeamId).ToListAsync(ct);
        var mates = (await db.TeamMembers.Where(m => member.Contains(m.TeamId)).Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        var groups = (await db.SkillGroupMemberships.Where(m => m.UserId == actor.UserId).Select(m => m.SkillGroupId).ToListAsync(ct)).ToHashSet();
        return new CallbackViewer(actor.TenantId, actor.UserId, admin, supervisor, teams, agents, member, mates, groups);
    }

    /// <summary>The callbacks the viewer sees.</summary>
    internal IQueryable<Callback> Visible(CallbackViewer v)
    {
        db.ScopeToTenant(v.TenantId);
        var tenantId = v.TenantId;
        var q = db.Callbacks.Where(c => c.TenantId == tenantId);
        if (v.SeesTenant) return q;
        var me = v.UserId;
        var groups = v.SkillGroups.ToList();
        var teams = v.Teams.ToList();
        var agents = v.TeamAgents.ToList();
        return q.Where(c => c.AssignedUserId == me
                            || (c.AssignedUserId == null && c.SkillGroupId != null && groups.Contains(c.SkillGroupId.Value))
                            || (c.TeamId != null && teams.Contains(c.TeamId.Value))
                            || (c.AssignedUserId != null && agents.Contains(c.AssignedUserId.Value)));
    }

    /// <summary>
    /// A list by due time: <see cref="CallbackScope.Mine"/> (own and the unassigned ones of one's skill groups) or
    /// <see cref="CallbackScope.Team"/> (everything the viewer sees); open ones only unless <paramref name="includeClosed"/>.
    /// </summary>
    public async Task<IReadOnlyList<CallbackView>> ListAsync(CallbackViewer v, CallbackScope scope, bool includeClosed, CancellationToken ct = default)
    {
        var q = Visible(v);
        if (scope == CallbackScope.Mine && v.UserId is { } me)
        {
            var groups = v.SkillGroups.ToList();
            q = q.Where(c => c.AssignedUserId == me || (c.AssignedUserId == null && c.SkillGroupId != null && groups.Contains(c.SkillGroupId.Value)));
        }
        if (!includeClosed) q = q.Where(c => c.Status == CallbackStatus.Scheduled || c.Status == CallbackStatus.InProgress);
        var rows = await q.AsNoTracking().OrderBy(c => c.DueAt).Take(MaxListSize).ToListAsync(ct);
        return await notifier.ViewsAsync(v.TenantId, rows, ct);
    }

    public async Task<CallbackView> GetAsync(CallbackViewer v, Guid id, CancellationToken ct = default) =>
        (await notifier.ViewsAsync(v.TenantId, [await FindAsync(v, id, tracking: false, ct)], ct))[0];

    /// <summary>Schedules a callback (refusals: another tenant's contact, an agent of another team, a time in the past, a bad number).</summary>
    public async Task<CallbackView> ScheduleAsync(CallbackViewer v, ScheduleCallbackRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        db.ScopeToTenant(v.TenantId);
        var settings = await SettingsAsync(v.TenantId, ct);
        var zone = TenantTimeZone.Of(settings.TimeZone);
        var dueAt = DueTime(request.DueAt, request.DueAtLocal, zone);

        var number = request.Number;
        if (request.ContactId is { } contactId)
        {
            // Any contact of the tenant may be called back (a colleague's customer too); another tenant's is not found.
            var contact = await db.Contacts.AsNoTracking().Include(c => c.Numbers).FirstOrDefaultAsync(c => c.Id == contactId, ct)
                ?? throw new CtiException(ContactErrors.NotFound, "No such contact.", ErrorKind.NotFound);
            if (string.IsNullOrWhiteSpace(number))
                number = contact.Numbers.OrderBy(n => n.Position).Select(n => n.Number).FirstOrDefault()
                    ?? throw new CtiException(CallbackErrors.NumberInvalid, "The contact has no number: give one.", ErrorKind.Validation);
        }
        var dialable = DialableNumber(number!, settings.Country);

        Guid? agent = request.AgentId;
        if (agent is null && request.SkillGroupId is null)
            agent = v.UserId ?? throw new CtiException(ErrorCodes.ValidationFailed, "An API key names the agent or the skill group.", ErrorKind.Validation);
        if (agent is { } a) await CheckAssigneeAsync(v, a, ct);
        if (request.SkillGroupId is { } g) await CheckGroupAsync(g, ct);

        var callback = new Callback
        {
            TenantId = v.TenantId, CustomerNumber = dialable, ContactId = request.ContactId, AssignedUserId = agent,
            SkillGroupId = request.SkillGroupId, DueAt = dueAt, Status = CallbackStatus.Scheduled,
            Notes = ContactBook.NullIfEmpty(request.Note), CreatedByUserId = v.UserId, CreatedAt = clock.GetUtcNow(),
            TeamId = await TeamOfAsync(v, agent, ct),
        };
        db.Callbacks.Add(callback);
        await db.SaveChangesAsync(ct);
        return await ChangedAsync(callback, ct);
    }

    /// <summary>Due again in <paramref name="request"/>.Minutes; the reminder fires again then.</summary>
    public async Task<CallbackView> SnoozeAsync(CallbackViewer v, Guid id, SnoozeCallbackRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var c = await OpenAsync(v, id, ct);
        Reschedule(c, clock.GetUtcNow().AddMinutes(request.Minutes!.Value));
        await db.SaveChangesAsync(ct);
        return await ChangedAsync(c, ct);
    }

    /// <summary>Moves the callback to a later time (the reminder fires again then).</summary>
    public async Task<CallbackView> RescheduleAsync(CallbackViewer v, Guid id, RescheduleCallbackRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var c = await OpenAsync(v, id, ct);
        var zone = TenantTimeZone.Of((await SettingsAsync(v.TenantId, ct)).TimeZone);
        Reschedule(c, DueTime(request.DueAt, request.DueAtLocal, zone));
        if (request.Note is not null) c.Notes = ContactBook.NullIfEmpty(request.Note);
        await db.SaveChangesAsync(ct);
        return await ChangedAsync(c, ct);
    }

    public async Task<CallbackView> CompleteAsync(CallbackViewer v, Guid id, CompleteCallbackRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var c = await OpenAsync(v, id, ct);
        Close(c, CallbackStatus.Completed, request.Result!.Trim());
        await db.SaveChangesAsync(ct);
        return await ChangedAsync(c, ct);
    }

    public async Task<CallbackView> CancelAsync(CallbackViewer v, Guid id, CancelCallbackRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var c = await OpenAsync(v, id, ct);
        Close(c, CallbackStatus.Cancelled, ContactBook.NullIfEmpty(request.Reason));
        await db.SaveChangesAsync(ct);
        return await ChangedAsync(c, ct);
    }

    /// <summary>Supervisors (their teams' callbacks, to an agent of their teams) and admins give a callback to another agent or a skill group.</summary>
    public async Task<CallbackView> ReassignAsync(CallbackViewer v, Guid id, ReassignCallbackRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        if (!v.MayReassign)
            throw new CtiException(CallbackErrors.ReassignForbidden, "Only supervisors and admins reassign callbacks.", ErrorKind.Forbidden);
        var c = await OpenAsync(v, id, ct);
        var before = c.AssignedUserId;
        if (request.AgentId is { } a)
        {
            await CheckAssigneeAsync(v, a, ct);
            c.AssignedUserId = a;
            c.TeamId = await TeamOfAsync(v, a, ct) ?? c.TeamId;
        }
        else
        {
            await CheckGroupAsync(request.SkillGroupId!.Value, ct);
            c.AssignedUserId = null;
            c.SkillGroupId = request.SkillGroupId;
        }
        // A callback already due reminds its new agent (or group) at once: the reminder job sees it as not reminded.
        c.Status = CallbackStatus.Scheduled;
        c.ReminderSentAt = null;
        c.EscalatedAt = null;
        await db.SaveChangesAsync(ct);
        return await ChangedAsync(c, ct, alsoTell: before);
    }

    /// <summary>
    /// One-click dial: the signed-in agent's phone rings, then the callback's number is dialled (the call center's dial, with
    /// its refusals: <c>agent_not_logged_in</c>, <c>agent_busy</c>, <c>number_blocked</c> …). The callback becomes the
    /// agent's and in progress; it is completed with a result afterwards.
    /// </summary>
    public async Task<CallbackDialResponse> DialAsync(CallbackViewer v, Guid id, CancellationToken ct = default)
    {
        if (v.UserId is not { } agent)
            throw new CtiException(CallbackErrors.DialForbidden, "An agent dials a callback from the toolbar.", ErrorKind.Forbidden);
        var c = await OpenAsync(v, id, ct);
        var center = centers.FindTenant(v.TenantId);
        if (center is null || !center.HasAgent(agent))
            throw new CtiException(CallbackErrors.DialForbidden, "Only an agent of the call center dials a callback.", ErrorKind.Forbidden);
        var callId = center.Dial(agent, c.CustomerNumber);
        c.Status = CallbackStatus.InProgress;
        c.CallId = callId;
        var before = c.AssignedUserId;
        c.AssignedUserId = agent;
        await db.SaveChangesAsync(ct);
        return new CallbackDialResponse(callId, await ChangedAsync(c, ct, alsoTell: before));
    }

    // ------------------------------------------------------------------ rules

    private static void Reschedule(Callback c, DateTimeOffset dueAt)
    {
        c.DueAt = dueAt;
        c.Status = CallbackStatus.Scheduled;
        c.ReminderSentAt = null;
        c.EscalatedAt = null;
    }

    private void Close(Callback c, CallbackStatus status, string? result)
    {
        c.Status = status;
        c.Result = result;
        c.CompletedAt = clock.GetUtcNow();
    }

    private DateTimeOffset DueTime(DateTimeOffset? dueAt, string? dueAtLocal, TenantTimeZone zone)
    {
        var at = dueAt?.ToUniversalTime() ?? zone.Parse(dueAtLocal!);
        if (!CallbackReminderPolicy.IsAcceptableDueTime(at, clock.GetUtcNow()))
            throw new CtiException(CallbackErrors.DueInPast, $"The due time {zone.Format(at)} ({zone.Id}) is not in the future.", ErrorKind.Validation);
        return at;
    }

    /// <summary>
    /// The number as dialled: E.164 when it reads as a phone number with the tenant's country, else its digits. Refuses
    /// letters and other characters, and fewer than 3 or more than 20 digits.
    /// </summary>
    public static string DialableNumber(string number, string country)
    {
        var text = number.Trim();
        var digits = text.Count(char.IsAsciiDigit);
        var shapeOk = text.Length > 0 && text.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '/' or '.' or '(' or ')' or '+')
                      && text.LastIndexOf('+') <= 0;
        if (!shapeOk || digits is < 3 or > 20)
            throw new CtiException(CallbackErrors.NumberInvalid,
                "A number has 3–20 digits, optionally + first, spaces, -, /, . and brackets; nothing else.", ErrorKind.Validation);
        var normalized = ContactNumberNormalizer.Normalize(text, country);
        return normalized.Unparsable ? (text.StartsWith('+') ? "+" : "") + new string(text.Where(char.IsAsciiDigit).ToArray()) : normalized.Key;
    }

    /// <summary>Agents: themselves or a teammate; supervisors: also an agent of their teams; admins and API keys: any agent of the tenant.</summary>
    private async Task CheckAssigneeAsync(CallbackViewer v, Guid agent, CancellationToken ct)
    {
        static CtiException Refuse(string m) => new(CallbackErrors.AssigneeForbidden, m, ErrorKind.Forbidden);
        var isAgent = await db.Users.AnyAsync(u => u.Id == agent && u.AgentProfile != null && u.Enabled, ct);
        if (!isAgent) throw Refuse("That user is not an agent of this tenant.");
        if (v.SeesTenant || agent == v.UserId) return;
        if (v.Teammates.Contains(agent) || (v.IsSupervisor && v.TeamAgents.Contains(agent))) return;
        throw Refuse("That agent is not in your team.");
    }

    private async Task CheckGroupAsync(Guid group, CancellationToken ct)
    {
        if (!await db.SkillGroups.AnyAsync(g => g.Id == group, ct))
            throw new CtiException(CallbackErrors.SkillGroupNotFound, "No such skill group.", ErrorKind.NotFound);
    }

    /// <summary>The team whose supervisors see a callback: the agent's first team, else the caller's.</summary>
    private async Task<Guid?> TeamOfAsync(CallbackViewer v, Guid? agent, CancellationToken ct)
    {
        if (agent is { } a)
        {
            var team = await db.TeamMembers.Where(m => m.UserId == a).OrderBy(m => m.TeamId).Select(m => (Guid?)m.TeamId).FirstOrDefaultAsync(ct);
            if (team is not null) return team;
        }
        if (v.MemberTeams.Count > 0) return v.MemberTeams[0];
        return v.Teams.Count > 0 ? v.Teams.Min() : null;
    }

    private async Task<TenantSettings> SettingsAsync(Guid tenantId, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct) ?? new TenantSettings();

    private async Task<Callback> FindAsync(CallbackViewer v, Guid id, bool tracking, CancellationToken ct)
    {
        var q = Visible(v).Where(c => c.Id == id);
        return await (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw new CtiException(CallbackErrors.NotFound, "No such callback.", ErrorKind.NotFound);
    }

    private async Task<Callback> OpenAsync(CallbackViewer v, Guid id, CancellationToken ct)
    {
        var c = await FindAsync(v, id, tracking: true, ct);
        if (c.Status is CallbackStatus.Completed or CallbackStatus.Cancelled or CallbackStatus.Failed)
            throw new CtiException(CallbackErrors.Closed, $"The callback is {c.Status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);
        return c;
    }

    /// <summary>The new view, and a <c>callbackUpdated</c> event to whoever has it on their toolbar.</summary>
    private async Task<CallbackView> ChangedAsync(Callback c, CancellationToken ct, Guid? alsoTell = null)
    {
        var view = (await notifier.ViewsAsync(c.TenantId, [c], ct))[0];
        notifier.Updated(c.TenantId, view, alsoTell);
        return view;
    }
}
