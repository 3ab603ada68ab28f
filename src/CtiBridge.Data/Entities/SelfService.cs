namespace CtiBridge.Data.Entities;

/// <summary>
/// A self-service flow an agent may send a customer through (docs/selfservice.md): a prompt Asterisk plays, the digits
/// the customer types (up to <see cref="MaxDigits"/> and/or until <see cref="Terminator"/>, at most
/// <see cref="TimeoutSeconds"/>), attached to the call under <see cref="DataKey"/> when the customer is back.
/// </summary>
public class TenantSelfServiceFlow : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    /// <summary>What agents pick in the hand-off list; unique in the tenant (case-insensitive).</summary>
    public string Name { get; set; } = "";
    /// <summary>The sound file Asterisk plays (its name without extension, e.g. <c>conf-getpin</c>).</summary>
    public string Prompt { get; set; } = "";
    /// <summary>The customer is back once this many digits are typed; null: no limit (the terminator ends).</summary>
    public int? MaxDigits { get; set; }
    /// <summary>The key that ends the input (<c>#</c> or <c>*</c>, not part of the digits); null: none.</summary>
    public string? Terminator { get; set; }
    /// <summary>The customer is back after this many seconds whatever was typed.</summary>
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>The attached-data key that receives the digits.</summary>
    public string DataKey { get; set; } = "";
}
