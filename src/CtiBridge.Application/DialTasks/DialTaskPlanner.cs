using CtiBridge.Application.Callbacks;
using CtiBridge.Application.CallerIds;
using CtiBridge.Application.Common;
using CtiBridge.Application.Contacts;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.DialTasks;

/// <summary>
/// The supervisor's side of dial tasks (docs/dialtasks.md): create a task from picked contacts, a contact search and/or a
/// CSV import; list, read, pause, resume and cancel the tasks of one's teams; read their contacts and progress.
/// </summary>
public sealed class DialTaskPlanner(CtiDbContext db, IInputValidator validator, TimeProvider clock, DialTaskViews views,
    ContactBook contacts, ContactCsv contactCsv)
{
    public const int MaxContacts = 10_000;
    public const int MaxListSize = 500;

    /// <summary>Creates a running task (refusals: not a supervisor of the team, an agent outside her teams, another tenant's contact, a caller ID not listed).</summary>
    public async Task<DialTaskView> CreateAsync(Actor actor, CreateDialTaskRequest request, CancellationToken ct = default)
    {
        var v = await views.ViewerAsync(actor, ct);
        if (!v.IsAdmin && !v.IsSupervisor)
            throw new CtiException(DialTaskErrors.Forbidden, "Supervisors and admins create dial tasks.", ErrorKind.Forbidden);
        await validator.ValidateAsync(request, ct);
        db.ScopeToTenant(actor.TenantId);

        var team = request.TeamId ?? v.Teams.Order().Cast<Guid?>().FirstOrDefault()
            ?? throw new CtiException(ErrorCodes.ValidationFailed, "Name the team (teamId) whose supervisors manage the task.", ErrorKind.Validation);
        if (!await db.Teams.AnyAsync(t => t.Id == team, ct))
            throw new CtiException(ErrorCodes.ValidationFailed, "No such team in this tenant.", ErrorKind.Validation);
        if (!v.IsAdmin && !v.Teams.Contains(team))
            throw new CtiException(DialTaskErrors.Forbidden, "A supervisor creates tasks for the teams she leads.", ErrorKind.Forbidden);

        var agentIds = (request.AgentIds ?? []).Distinct().ToList();
        if (agentIds.Count > 0)
        {
            var agents = await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id) && u.AgentProfile != null).Select(u => u.Id).ToListAsync(ct);
            var ledAgents = v.IsAdmin ? agents
                : await db.TeamMembers.Where(m => v.Teams.Contains(m.TeamId) && agentIds.Contains(m.UserId)).Select(m => m.UserId).Distinct().ToListAsync(ct);
            if (agentIds.Except(agents).Any() || agentIds.Except(ledAgents).Any())
                throw new CtiException(DialTaskErrors.Forbidden, "Every agent named is an agent of a team the supervisor leads.", ErrorKind.Forbidden);
        }

        var callerId = ContactBook.NullIfEmpty(request.CallerId);
        if (callerId is not null && !await db.OutboundCallerIds.AnyAsync(c => c.Number == callerId && (c.TeamId == null || c.TeamId == team), ct))
            throw new CtiException(CallerIdErrors.NotAllowed,
                $"Caller ID {callerId} is not one of the tenant's (or the team's) outbound caller IDs.", ErrorKind.Forbidden);

        var picked = await PickedContactsAsync(actor, request, ct);
        var country = await contacts.CountryAsync(actor.TenantId, ct);
        var blocked = await BlockedNumbersAsync(db, actor.TenantId, country, ct);
        var now = clock.GetUtcNow();
        var task = new DialTask
        {
            TenantId = actor.TenantId, Name = request.Name!.Trim(), OwnerUserId = actor.UserId, TeamId = team, Status = DialTaskStatus.Running,
            FirstDay = DialTaskFormats.Day(request.FirstDay)!.Value, LastDay = DialTaskFormats.Day(request.LastDay)!.Value,
            DailyStart = DialTaskFormats.Time(request.DailyStart)!.Value, DailyEnd = DialTaskFormats.Time(request.DailyEnd)!.Value,
            BusyRetries = request.BusyRetries ?? 0, BusyRetryMinutes = request.BusyRetryMinutes ?? 15,
            NoAnswerRetries = request.NoAnswerRetries ?? 0, NoAnswerRetryMinutes = request.NoAnswerRetryMinutes ?? 60,
            CallerId = callerId, CreatedAt = now,
        };
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (contactId, number) in picked)
        {
            string dialable;
            try { dialable = CallbackPlanner.DialableNumber(number, country); }
            catch (CtiException) { continue; } // a number nobody can dial is left out
            if (!numbers.Add(dialable)) continue; // each number once
            task.Items.Add(new DialTaskItem
            {
                TenantId = actor.TenantId, DialTaskId = task.Id, Position = task.Items.Count + 1, Number = dialable, ContactId = contactId,
                Status = blocked.Contains(dialable) ? DialTaskItemStatus.Blocked : DialTaskItemStatus.Pending,
            });
        }
        if (task.Items.Count == 0)
            throw new CtiException(DialTaskErrors.NoContacts, "None of the contacts given has a number that can be dialled.", ErrorKind.Validation);
        foreach (var a in agentIds) task.Agents.Add(new DialTaskAgent { TenantId = actor.TenantId, DialTaskId = task.Id, UserId = a });
        task.WindowOpen = DialTaskViews.WindowOf(task).IsOpen(now, (await views.ZoneAsync(actor.TenantId, ct)).Zone);
        db.DialTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await views.PublishChangedAsync(task, ct);
        return (await views.ViewsAsync(actor.TenantId, [task], ct))[0];
    }

    /// <summary>
    /// The caller IDs a new task of the team may present (what <see cref="CreateAsync"/> accepts): the tenant's and the
    /// team's. No team named: the team a new task gets (her first team); an admin leading no team gets the tenant's only.
    /// </summary>
    public async Task<IReadOnlyList<CallerIdView>> CallerIdsAsync(Actor actor, Guid? teamId, CancellationToken ct = default)
    {
        var v = await views.ViewerAsync(actor, ct);
        if (!v.IsAdmin && !v.IsSupervisor)
            throw new CtiException(DialTaskErrors.Forbidden, "Supervisors and admins create dial tasks.", ErrorKind.Forbidden);
        db.ScopeToTenant(actor.TenantId);
        var team = teamId ?? v.Teams.Order().Cast<Guid?>().FirstOrDefault();
        if (teamId is { } named)
        {
            if (!await db.Teams.AnyAsync(t => t.Id == named, ct))
                throw new CtiException(ErrorCodes.ValidationFailed, "No such team in this tenant.", ErrorKind.Validation);
            if (!v.IsAdmin && !v.Teams.Contains(named))
                throw new CtiException(DialTaskErrors.Forbidden, "A supervisor creates tasks for the teams she leads.", ErrorKind.Forbidden);
        }
        var rows = await db.OutboundCallerIds.AsNoTracking().Where(c => c.TeamId == null || c.TeamId == team).ToListAsync(ct);
        var teamName = team is { } t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return rows.OrderBy(r => r.TeamId is null ? 0 : 1).ThenBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => new CallerIdView(r.Id, r.Number, r.Label, r.TeamId, r.TeamId is null ? null : teamName)).ToList();
    }

    /// <summary>The tasks the caller manages or works (open ones unless <paramref name="includeClosed"/>), newest first.</summary>
    public async Task<IReadOnlyList<DialTaskView>> ListAsync(Actor actor, bool includeClosed, CancellationToken ct = default)
    {
        var v = await views.ViewerAsync(actor, ct);
        var q = db.DialTasks.AsNoTracking();
        if (!includeClosed) q = q.Where(t => t.Status == DialTaskStatus.Running || t.Status == DialTaskStatus.Paused);
        var tasks = await q.OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        var named = (await db.DialTaskAgents.AsNoTracking().ToListAsync(ct)).ToLookup(a => a.DialTaskId, a => a.UserId);
        var mine = tasks.Where(t => v.Manages(t) || v.Works(t, named[t.Id].ToList())).Take(MaxListSize).ToList();
        return await views.ViewsAsync(actor.TenantId, mine, ct);
    }

    public async Task<DialTaskView> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var task = await VisibleAsync(actor, id, ct);
        return (await views.ViewsAsync(actor.TenantId, [task], ct))[0];
    }

    public async Task<DialTaskProgress> ProgressAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        await views.ProgressAsync(await VisibleAsync(actor, id, ct), ct);

    /// <summary>The task's contacts in list order (its supervisors and admins).</summary>
    public async Task<IReadOnlyList<DialTaskContactView>> ContactsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var task = await ManagedAsync(actor, id, ct);
        var items = await db.DialTaskItems.AsNoTracking().Where(i => i.DialTaskId == task.Id).OrderBy(i => i.Position).Take(MaxContacts).ToListAsync(ct);
        return await views.ContactViewsAsync(actor.TenantId, items, ct);
    }

    /// <summary>Runs, pauses or cancels the task (a cancelled or completed one does not change any more).</summary>
    public async Task<DialTaskView> SetStatusAsync(Actor actor, Guid id, SetDialTaskStatusRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var task = await ManagedAsync(actor, id, ct, tracking: true);
        if (task.Status is DialTaskStatus.Cancelled or DialTaskStatus.Completed)
            throw new CtiException(DialTaskErrors.NotRunning, $"The task is {task.Status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);
        task.Status = request.Status!.Value;
        await db.SaveChangesAsync(ct);
        await views.PublishChangedAsync(task, ct);
        return (await views.ViewsAsync(actor.TenantId, [task], ct))[0];
    }

    /// <summary>The numbers the tenant blocks for outbound calls (as written and as the task stores numbers).</summary>
    internal static async Task<HashSet<string>> BlockedNumbersAsync(CtiDbContext db, Guid tenantId, string country, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        var rows = await db.BlockedNumbers.AsNoTracking()
            .Where(b => b.Direction == BlockDirection.Outbound || b.Direction == BlockDirection.Both).Select(b => b.Number).ToListAsync(ct);
        var set = new HashSet<string>(rows, StringComparer.Ordinal);
        foreach (var n in rows)
        {
            try { set.Add(CallbackPlanner.DialableNumber(n, country)); }
            catch (CtiException) { } // kept as written only
        }
        return set;
    }

    private async Task<DialTask> VisibleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var v = await views.ViewerAsync(actor, ct);
        var task = await views.FindAsync(actor.TenantId, id, ct);
        if (!v.Manages(task) && !v.Works(task, await views.NamedAgentsAsync(task.Id, ct)))
            throw new CtiException(DialTaskErrors.Forbidden, "The task is another team's.", ErrorKind.Forbidden);
        return task;
    }

    private async Task<DialTask> ManagedAsync(Actor actor, Guid id, CancellationToken ct, bool tracking = false)
    {
        var v = await views.ViewerAsync(actor, ct);
        var task = await views.FindAsync(actor.TenantId, id, ct, tracking);
        if (!v.Manages(task))
            throw new CtiException(DialTaskErrors.Forbidden, "Only the supervisors of the task's team (and admins) manage it.", ErrorKind.Forbidden);
        return task;
    }

    /// <summary>(contact, its first number) for the contacts picked, found by the search and imported from the CSV, each once.</summary>
    private async Task<List<(Guid ContactId, string Number)>> PickedContactsAsync(Actor actor, CreateDialTaskRequest request, CancellationToken ct)
    {
        var viewer = await contacts.ViewerAsync(actor, ct);
        var ids = new List<Guid>();
        if (request.ContactIds is { Count: > 0 } picked)
        {
            var wanted = picked.Distinct().ToList();
            var seen = await contacts.Visible(viewer).Where(c => wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            if (seen.Count != wanted.Count)
                throw new CtiException(ContactErrors.NotFound, "No such contact: " + string.Join(", ", wanted.Except(seen)), ErrorKind.NotFound);
            ids.AddRange(wanted);
        }
        if (!string.IsNullOrWhiteSpace(request.ContactSearch))
            ids.AddRange(await contacts.Matching(viewer, request.ContactSearch).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Id).Take(MaxContacts).ToListAsync(ct));
        // The import is the last step that can refuse: its contacts are saved (all or none) only when everything else is right.
        if (!string.IsNullOrWhiteSpace(request.Csv))
            ids.AddRange((await contactCsv.ImportAsync(viewer, new ImportContactsRequest { Csv = request.Csv }, ct)).Contacts.Select(c => c.Id));
        ids = ids.Distinct().Take(MaxContacts).ToList();

        db.ScopeToTenant(actor.TenantId);
        var numbers = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.ContactNumbers.AsNoTracking().Where(n => chunk.Contains(n.ContactId))
                .Select(n => new { n.ContactId, n.Number, n.Position }).ToListAsync(ct);
            foreach (var first in rows.GroupBy(r => r.ContactId).Select(g => g.OrderBy(r => r.Position).First()))
                numbers[first.ContactId] = first.Number;
        }
        return ids.Where(numbers.ContainsKey).Select(id => (id, numbers[id])).ToList();
    }
}
