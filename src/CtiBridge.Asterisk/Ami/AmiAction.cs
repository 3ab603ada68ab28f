using System.Text;

namespace CtiBridge.Asterisk.Ami;

/// <summary>
/// An AMI action: a name and ordered fields (a key may repeat, e.g. <c>Variable</c>). The client adds the ActionID.
/// Values must be single-line: CR or LF in a key or value is rejected (header injection).
/// </summary>
public sealed class AmiAction
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public AmiAction(string name)
    {
        Validate(name, nameof(name));
        if (name.Length == 0) throw new ArgumentException("An AMI action needs a name.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field (skipped when <paramref name="value"/> is null). Returns this for chaining.</summary>
    public AmiAction Add(string key, string? value)
    {
        if (value is null) return this;
        Validate(key, nameof(key));
        Validate(value, nameof(value));
        if (key.Length == 0 || key.Contains(':')) throw new ArgumentException($"'{key}' is not a valid AMI field name.", nameof(key));
        if (key.Equals("ActionID", StringComparison.OrdinalIgnoreCase) || key.Equals("Action", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("Action and ActionID are set by the client.", nameof(key));
        _fields.Add(new(key, value));
        return this;
    }

    public AmiAction Add(string key, int? value) => value is null ? this : Add(key, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public AmiAction Add(string key, bool? value) => value is null ? this : Add(key, value.Value ? "true" : "false");

    /// <summary>The wire form, ending with the blank line.</summary>
    public byte[] Serialize(string actionId)
    {
        var sb = new StringBuilder(64 + _fields.Count * 32);
        sb.Append("Action: ").Append(Name).Append("\r\n");
        sb.Append("ActionID: ").Append(actionId).Append("\r\n");
        foreach (var f in _fields) sb.Append(f.Key).Append(": ").Append(f.Value).Append("\r\n");
        sb.Append("\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public override string ToString() => "AMI action " + Name;

    private static void Validate(string s, string param)
    {
        ArgumentNullException.ThrowIfNull(s, param);
        if (s.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException("AMI keys and values must not contain CR or LF.", param);
    }
}
