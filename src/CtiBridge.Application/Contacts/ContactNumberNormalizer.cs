using PhoneNumbers;

namespace CtiBridge.Application.Contacts;

/// <summary>A number as stored and looked up: E.164 when it could be parsed, else its own digits, flagged.</summary>
/// <param name="Key">E.164 (<c>+4930123456</c>), or for an unparsable number its digits with a leading <c>+</c> when it had one.</param>
/// <param name="Unparsable">The number could not be read as a phone number (kept as given, flagged).</param>
public readonly record struct NormalizedNumber(string Key, bool Unparsable);

/// <summary>
/// Phone numbers to E.164 with libphonenumber, reading national numbers (<c>030 1234567</c>) with the tenant's
/// country (ISO 3166 alpha-2). Contacts' numbers and callers' numbers go through the same function, so the screen pop
/// finds a contact with one equality lookup on the indexed key.
/// </summary>
public static class ContactNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The longest key stored (the column's length).</summary>
    public const int MaxKeyLength = 32;

    /// <summary>True for an ISO 3166 alpha-2 code libphonenumber knows (e.g. <c>DE</c>, <c>US</c>).</summary>
    public static bool IsKnownCountry(string? country) =>
        country is { Length: 2 } && Util.GetSupportedRegions().Contains(country.ToUpperInvariant());

    public static NormalizedNumber Normalize(string number, string? country)
    {
        var text = number.Trim();
        // "ZZ" = unknown region: only numbers written with + and a country code parse.
        var region = IsKnownCountry(country) ? country!.ToUpperInvariant() : "ZZ";
        try
        {
            var parsed = Util.Parse(text, region);
            if (Util.IsPossibleNumber(parsed))
                return new NormalizedNumber(Util.Format(parsed, PhoneNumberFormat.E164), false);
        }
        catch (NumberParseException) { }
        return new NormalizedNumber(Fallback(text), true);
    }

    // Digits (and a leading +) so "555-0001" and "5550001" still meet; text without digits is kept as it is.
    private static string Fallback(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var key = digits.Length == 0 ? text : (text.StartsWith('+') ? "+" : "") + digits;
        return key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
    }
}
