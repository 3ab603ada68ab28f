using System.Globalization;

namespace CtiBridge.Asterisk.Ami;

/// <summary>
/// One AMI message (response or event): the decoded text plus a table of field positions. Keys compare
/// case-insensitively; a key may occur more than once (<c>Output:</c>, <c>Variable:</c>). Values are cut from the text
/// on access; use <see cref="GetSpan"/> to read without allocating.
/// </summary>
public sealed class AmiMessage
{
    private readonly string _text;
    private readonly AmiField[] _fields;
    private readonly int _eventIndex;
    private readonly int _responseIndex;
    private readonly int _actionIdIndex;
    private string? _eventName;
    private string? _actionId;

    internal AmiMessage(string text, AmiField[] fields, int eventIndex, int responseIndex, int actionIdIndex)
    {
        _text = text; _fields = fields;
        _eventIndex = eventIndex; _responseIndex = responseIndex; _actionIdIndex = actionIdIndex;
    }

    /// <summary>Builds a message from fields (tests, synthetic messages).</summary>
    public static AmiMessage FromFields(params (string Key, string Value)[] fields)
    {
        var text = string.Concat(fields.Select(f => f.Key + ": " + f.Value + "\r\n"));
        return AmiParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The message as received (lines separated by CRLF or LF, without the terminating blank line).</summary>
    public string Raw => _text;

    /// <summary>Number of lines (fields).</summary>
    public int Count => _fields.Length;

    /// <summary>True for <c>Event:</c> messages.</summary>
    public bool IsEvent => _eventIndex >= 0;

    /// <summary>True for <c>Response:</c> messages.</summary>
    public bool IsResponse => _responseIndex >= 0 && _eventIndex < 0;

    /// <summary>The <c>Event:</c> name, or null.</summary>
    public string? EventName => _eventIndex < 0 ? null : _eventName ??= ValueAt(_eventIndex);

    /// <summary>The <c>Response:</c> value (Success, Error, Goodbye, …), or null.</summary>
    public string? Response => _responseIndex < 0 ? null : ValueAt(_responseIndex);

    /// <summary>The <c>ActionID:</c>, or null.</summary>
    public string? ActionId => _actionIdIndex < 0 ? null : _actionId ??= ValueAt(_actionIdIndex);

    /// <summary>The <c>Message:</c> field (a response's human-readable reason), or null.</summary>
    public string? Message => this["Message"];

    /// <summary>True for <c>Response: Success</c> (and the legacy <c>Follows</c>/<c>Goodbye</c>).</summary>
    public bool IsSuccess => _responseIndex >= 0 &&
        (ResponseSpan.Equals("Success", StringComparison.OrdinalIgnoreCase) ||
         ResponseSpan.Equals("Follows", StringComparison.OrdinalIgnoreCase) ||
         ResponseSpan.Equals("Goodbye", StringComparison.OrdinalIgnoreCase));

    private ReadOnlySpan<char> ResponseSpan => _responseIndex < 0 ? default : SpanAt(_responseIndex);

    /// <summary>True when this is the event <paramref name="name"/> (case-insensitive), without allocating.</summary>
    public bool IsEventNamed(string name) => _eventIndex >= 0 && SpanAt(_eventIndex).Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the ActionID equals <paramref name="actionId"/>, without allocating.</summary>
    public bool HasActionId(ReadOnlySpan<char> actionId) => _actionIdIndex >= 0 && SpanAt(_actionIdIndex).SequenceEqual(actionId);

    /// <summary>The first value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => IndexOf(key) is var i and >= 0 ? ValueAt(i) : null;

    /// <summary>The key and value of field <paramref name="index"/>.</summary>
    public KeyValuePair<string, string> this[int index] =>
        new(_text.Substring(_fields[index].KeyStart, _fields[index].KeyLength), ValueAt(index));

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out string value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? ValueAt(i) : "";
        return i >= 0;
    }

    /// <summary>The first value of <paramref name="key"/> as a span (empty when absent).</summary>
    public ReadOnlySpan<char> GetSpan(string key) => IndexOf(key) is var i and >= 0 ? SpanAt(i) : default;

    /// <summary>Every value of <paramref name="key"/>, in order (e.g. the <c>Output:</c> lines of a Command).</summary>
    public IReadOnlyList<string> GetValues(string key)
    {
        List<string>? list = null;
        for (int i = 0; i < _fields.Length; i++)
            if (KeyAt(i).Equals(key, StringComparison.OrdinalIgnoreCase)) (list ??= []).Add(ValueAt(i));
        return list ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The first value of <paramref name="key"/> as an integer, or null when absent or not a number.</summary>
    public int? GetInt32(string key) =>
        int.TryParse(GetSpan(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>All fields in order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields
    {
        get { for (int i = 0; i < _fields.Length; i++) yield return this[i]; }
    }

    private int IndexOf(string key)
    {
        for (int i = 0; i < _fields.Length; i++)
            if (_fields[i].KeyLength == key.Length && KeyAt(i).Equals(key, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private ReadOnlySpan<char> KeyAt(int i) => _text.AsSpan(_fields[i].KeyStart, _fields[i].KeyLength);
    private ReadOnlySpan<char> SpanAt(int i) => _text.AsSpan(_fields[i].ValueStart, _fields[i].ValueLength);
    private string ValueAt(int i) => _fields[i].ValueLength == 0 ? "" : _text.Substring(_fields[i].ValueStart, _fields[i].ValueLength);

    public override string ToString() =>
        IsEvent ? $"AMI event {EventName}" + (ActionId is { } a ? $" (ActionID {a})" : "")
        : IsResponse ? $"AMI response {Response}" + (ActionId is { } b ? $" (ActionID {b})" : "")
        : "AMI message";
}

/// <summary>Positions of one "Key: Value" line inside the message text.</summary>
internal readonly record struct AmiField(int KeyStart, int KeyLength, int ValueStart, int ValueLength);
