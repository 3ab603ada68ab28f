using System.Globalization;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Callbacks;

/// <summary>
/// A tenant's time zone (an IANA id such as <c>Europe/Berlin</c>; the tenant setting <c>timeZone</c>): times are stored
/// in UTC and shown, or entered without an offset, in this zone. Reads the system's time zone database (tzdata).
/// </summary>
public sealed class TenantTimeZone
{
    public const string Default = "UTC";

    private TenantTimeZone(TimeZoneInfo zone, string id) { Zone = zone; Id = id; }

    public TimeZoneInfo Zone { get; }
    public string Id { get; }

    /// <summary>True for an IANA zone id the system knows (Windows ids such as <c>W. Europe Standard Time</c> are refused).</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var tz) && tz.HasIanaId;

    /// <summary>The zone of an id stored by the setting (UTC when it is empty or no longer known).</summary>
    public static TenantTimeZone Of(string? id) =>
        IsValid(id) ? new TenantTimeZone(TimeZoneInfo.FindSystemTimeZoneById(id!.Trim()), id.Trim()) : new TenantTimeZone(TimeZoneInfo.Utc, Default);

    /// <summary>An instant in this zone, ISO 8601 with the zone's offset at that instant (e.g. <c>2026-12-07T10:30:00+01:00</c>).</summary>
    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture).Replace("Z", "+00:00");

    /// <summary>
    /// A wall-clock time of this zone (<c>2026-12-07T10:30</c>, seconds optional) as an instant. Refuses text that is not
    /// such a time, one with an offset, and a time the zone skips (daylight-saving gap); of a repeated hour, the first.
    /// </summary>
    public DateTimeOffset Parse(string local)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (!DateTime.TryParseExact(local.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            throw new CtiException(CallbackErrors.DueTimeInvalid, "dueAtLocal is a time like 2026-12-07T10:30 (the tenant's time zone, no offset).",
                ErrorKind.Validation);
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wall))
            throw new CtiException(CallbackErrors.DueTimeInvalid, $"{local} does not exist in {Id} (the clocks skip it).", ErrorKind.Validation);
        var offset = Zone.IsAmbiguousTime(wall) ? Zone.GetAmbiguousTimeOffsets(wall).Max() : Zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }
}
