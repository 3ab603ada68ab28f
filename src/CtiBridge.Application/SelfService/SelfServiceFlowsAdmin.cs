using CtiBridge.Application.Admin;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.SelfService;

/// <summary>
/// The tenant's self-service flows, as admins manage them. The call center reads them with the rest of the tenant's
/// configuration (reloaded after every admin write), so a change reaches the agents' hand-off list at once.
/// </summary>
public sealed class SelfServiceFlowsAdmin(CtiDbContext db, IInputValidator validator)
{
    private IQueryable<TenantSelfServiceFlow> Flows(Actor actor) => db.ScopeToTenant(actor.TenantId).SelfServiceFlows;

    /// <summary>Every flow, by name.</summary>
    public async Task<IReadOnlyList<SelfServiceFlowDetails>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Flows(actor).AsNoTracking().ToListAsync(ct)).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(View).ToList();

    public async Task<SelfServiceFlowDetails> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        View(await Flows(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AdminErrors.NotFound("Self-service flow"));

    public async Task<SelfServiceFlowDetails> CreateAsync(Actor actor, SelfServiceFlowRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var row = new TenantSelfServiceFlow { TenantId = actor.TenantId };
        await ApplyAsync(actor, row, request, ct);
        db.SelfServiceFlows.Add(row);
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    public async Task<SelfServiceFlowDetails> UpdateAsync(Actor actor, Guid id, SelfServiceFlowRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var row = await Flows(actor).FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AdminErrors.NotFound("Self-service flow");
        await ApplyAsync(actor, row, request, ct);
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    /// <summary>Removes a flow. A customer in it right now still comes back (the call keeps the flow it started).</summary>
    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var row = await Flows(actor).FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AdminErrors.NotFound("Self-service flow");
        db.SelfServiceFlows.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The flow every tenant starts with (and existing tenants got by migration): "Please enter your PIN followed by the pound key".</summary>
    public static TenantSelfServiceFlow BuiltInPin(Guid tenantId) => new()
    {
        TenantId = tenantId, Name = "pin", Prompt = "conf-getpin", MaxDigits = 12, Terminator = "#",
        TimeoutSeconds = SelfServiceRules.DefaultTimeoutSeconds, DataKey = "pin",
    };

    private async Task ApplyAsync(Actor actor, TenantSelfServiceFlow row, SelfServiceFlowRequest request, CancellationToken ct)
    {
        var name = request.Name!.Trim();
        // Agents start a flow by name, case-insensitively: two names differing only in case would be ambiguous.
        var others = await Flows(actor).Where(f => f.Id != row.Id).Select(f => f.Name).ToListAsync(ct);
        if (others.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new CtiException(SelfServiceErrors.NameTaken, $"The tenant has a self-service flow named '{name}' already.", ErrorKind.Conflict);
        row.Name = name;
        row.Prompt = request.Prompt!.Trim();
        row.MaxDigits = request.MaxDigits;
        row.Terminator = string.IsNullOrEmpty(request.Terminator) ? null : request.Terminator;
        row.TimeoutSeconds = request.TimeoutSeconds ?? SelfServiceRules.DefaultTimeoutSeconds;
        row.DataKey = request.DataKey!.Trim();
    }

    private static SelfServiceFlowDetails View(TenantSelfServiceFlow f) => new(f.Id, f.Name, f.Prompt, f.MaxDigits, f.Terminator, f.TimeoutSeconds, f.DataKey);
}
