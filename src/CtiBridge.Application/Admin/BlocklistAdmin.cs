using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Admin;

/// <summary>A blocked number.</summary>
public sealed record BlockedNumberResponse(Guid Id, string Number, BlockDirection Direction, string? Note, DateTimeOffset CreatedAt)
{
    internal static BlockedNumberResponse From(BlockedNumber b) => new(b.Id, b.Number, b.Direction, b.Note, b.CreatedAt);
}

/// <summary>Add a number to the blocklist.</summary>
/// <example>{ "number": "+4930555999", "direction": "Inbound", "note": "Repeated abusive calls" }</example>
public sealed record BlockedNumberRequest
{
    /// <summary>Digits with an optional leading +.</summary>
    public string? Number { get; init; }
    public BlockDirection Direction { get; init; } = BlockDirection.Inbound;
    public string? Note { get; init; }
}

internal sealed class BlockedNumberRequestValidator : AbstractValidator<BlockedNumberRequest>
{
    public BlockedNumberRequestValidator()
    {
        RuleFor(x => x.Number).Required(32).Matches(Rules.PhoneNumberPattern).WithMessage("Digits with an optional leading +.");
        RuleFor(x => x.Direction).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(200);
    }
}

/// <summary>The tenant's number blocklist.</summary>
public sealed class BlocklistAdmin(CtiDbContext db, IInputValidator validator, TimeProvider clock)
{
    private IQueryable<BlockedNumber> Numbers(Actor actor) => db.ScopeToTenant(actor.TenantId).BlockedNumbers;

    public async Task<IReadOnlyList<BlockedNumberResponse>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Numbers(actor).AsNoTracking().OrderBy(b => b.Number).ToListAsync(ct)).Select(BlockedNumberResponse.From).ToList();

    public async Task<BlockedNumberResponse> AddAsync(Actor actor, BlockedNumberRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var number = request.Number!.Trim();
        if (await Numbers(actor).AnyAsync(b => b.Number == number, ct)) throw AdminErrors.Conflict($"{number} is already blocked.");
        var entry = new BlockedNumber { TenantId = actor.TenantId, Number = number, Direction = request.Direction, Note = request.Note?.Trim(), CreatedAt = clock.GetUtcNow() };
        db.BlockedNumbers.Add(entry);
        await db.SaveChangesAsync(ct);
        return BlockedNumberResponse.From(entry);
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var entry = await Numbers(actor).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw AdminErrors.NotFound("Blocked number");
        db.BlockedNumbers.Remove(entry);
        await db.SaveChangesAsync(ct);
    }
}
