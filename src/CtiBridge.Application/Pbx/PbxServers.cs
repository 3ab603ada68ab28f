using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Pbx;

/// <summary>
/// The PBX servers this deployment drives, by name (docs/architecture.md, "Several Asterisk servers"): the one named
/// <see cref="DefaultName"/> (configured by <c>Asterisk:Ari</c>/<c>Asterisk:Ami</c>, or the Simulator) and any others
/// (<c>Asterisk:Servers:&lt;name&gt;</c>). Each tenant is placed on one of them (the tenant's <c>AsteriskServer</c>; none
/// means the default one) and its call center sends every PBX command there.
/// </summary>
public sealed class PbxServers
{
    public const string DefaultName = "default";

    private readonly Dictionary<string, IPbx> _byName;

    /// <param name="byName">Every server by name; must hold <see cref="DefaultName"/>.</param>
    public PbxServers(IReadOnlyDictionary<string, IPbx> byName)
    {
        _byName = new Dictionary<string, IPbx>(byName, StringComparer.OrdinalIgnoreCase);
        if (!_byName.ContainsKey(DefaultName)) throw new ArgumentException($"The server '{DefaultName}' is missing.", nameof(byName));
        Names = [DefaultName, .. _byName.Keys.Where(n => !IsDefault(n)).Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One PBX, the default: a deployment that places no tenant anywhere else.</summary>
    public static PbxServers Single(IPbx pbx) => new(new Dictionary<string, IPbx> { [DefaultName] = pbx });

    public IPbx Default => _byName[DefaultName];

    /// <summary>The servers' names, the default first.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Every server with its name, the default first.</summary>
    public IEnumerable<(string Name, IPbx Pbx)> All => Names.Select(n => (n, _byName[n]));

    /// <summary>The server's name as stored for a tenant: null or blank is the default.</summary>
    public static string NameOf(string? placement) => string.IsNullOrWhiteSpace(placement) ? DefaultName : placement.Trim();

    public static bool IsDefault(string? placement) => string.Equals(NameOf(placement), DefaultName, StringComparison.OrdinalIgnoreCase);

    public bool Has(string? placement) => _byName.ContainsKey(NameOf(placement));

    /// <summary>The server a tenant placed on <paramref name="placement"/> uses.</summary>
    /// <exception cref="CtiException"><c>unknown_asterisk_server</c>: no server of that name is configured here.</exception>
    public IPbx Of(string? placement) =>
        _byName.TryGetValue(NameOf(placement), out var pbx)
            ? pbx
            : throw new CtiException(ErrorCodes.UnknownAsteriskServer,
                $"No Asterisk server named '{placement}' is configured (Asterisk:Servers); known: {string.Join(", ", Names)}.", ErrorKind.Validation);
}
